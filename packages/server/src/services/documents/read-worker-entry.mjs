// Node 20 does not apply `--import tsx` hooks inside worker threads, so the worker starts from this plain ESM
// file, registers tsx itself, then imports the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
