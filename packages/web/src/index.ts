import { fileURLToPath } from "node:url";

/** Directory of the built verification page (`npm run build:web`), served by the server at /verify. */
export function pageDistDir(): string {
  return fileURLToPath(new URL("../dist", import.meta.url));
}

export { ensurePageBuilt, pageIsStale } from "./build.ts";
