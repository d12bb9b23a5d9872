import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
// The page imports the document step (src/documents) too: any source under src makes the build stale.
const sourceDir = join(packageDir, "src");
const builtIndex = join(packageDir, "dist", "index.html");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the page was never built or a source is newer than the build. */
export function pageIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = Math.max(newestMtime(sourceDir), statSync(join(packageDir, "vite.config.ts")).mtimeMs);
  return sources > statSync(builtIndex).mtimeMs;
}

/** Builds the page with Vite when stale (fast no-op otherwise); throws when the build fails. */
export function ensurePageBuilt(): void {
  if (!pageIsStale()) return;
  const run = spawnSync(
    process.execPath,
    [
      join(packageDir, "..", "..", "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--config",
      join(packageDir, "vite.config.ts"),
    ],
    {
      stdio: "inherit",
    },
  );
  if (run.status !== 0) throw new Error(`vite build of the verification page failed (exit ${run.status})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensurePageBuilt();
