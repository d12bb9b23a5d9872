import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/data`: evaluation data that is never copied into the repository. */
export const SHARED_DATA = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));

/** Reads a shared data set's manifest; in CI a missing set is an error, elsewhere the caller is told. */
export function loadManifest<T>(set: string): T | null {
  const path = `${SHARED_DATA}/${set}/MANIFEST.json`;
  if (!existsSync(path)) {
    if (process.env.CI === "true")
      throw new Error(`shared data set ${set} is missing at ${path} (required in CI)`);
    console.warn(`shared data set ${set} not found at ${path}: its tests were not run`);
    return null;
  }
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export interface TextVector {
  readonly id: string;
  readonly lines: string[];
  readonly format: string;
  readonly check_digits_valid?: Record<string, boolean>;
  readonly all_check_digits_valid?: boolean;
  readonly source_expected_valid?: boolean | null;
  readonly fields?: Record<string, string>;
}

export interface DocumentSpecimen {
  readonly file: string;
  readonly format: string;
  readonly expected_mrz?: string[];
  readonly expected_fields?: Record<string, string>;
  readonly check_digits_valid?: Record<string, boolean>;
  readonly all_check_digits_valid?: boolean;
}
