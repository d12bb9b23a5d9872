export { FsBlobStore } from "./fs.ts";
export { assertBlobKey, assertBlobPrefix, assertContentType } from "./keys.ts";
