import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/data`, the team's development data (never copied into the repository). */
export const SHARED_DATA_DIR = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));

/** Path of a shared-data file, or null when absent; in CI its absence is an error, not a silent skip. */
export function sharedDataPath(relative: string): string | null {
  const path = `${SHARED_DATA_DIR}/${relative}`;
  if (existsSync(path)) return path;
  if (process.env.CI === "true") throw new Error(`shared data missing in CI: ${path}`);
  console.warn(`[documents-cards] ${path} is not present: the tests that need it were not run`);
  return null;
}
