import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/data`: the team's evaluation data, present in CI, never copied into the repository. */
export const sharedDataDir = fileURLToPath(new URL("../../../../../shared/data/", import.meta.url));

/**
 * Path of a file in the shared data, or null when the data is absent on this machine (tests then say so).
 * In CI the data must be there, so its absence is an error rather than a silent skip.
 */
export function sharedDataFile(relativePath: string): string | null {
  const path = `${sharedDataDir}${relativePath}`;
  if (existsSync(path)) return path;
  if (process.env.CI === "true") {
    throw new Error(`Shared test data missing in CI: ${path} (expected <repo>/../shared/data)`);
  }
  console.warn(`[openekyc] shared data not found at ${path}: tests that need it are NOT run here`);
  return null;
}
