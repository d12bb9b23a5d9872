export { FsBlobStore } from "./fs.ts";
export { assertBlobKey, assertBlobPrefix, assertContentType } from "./keys.ts";
export { S3BlobStore, type S3BlobStoreOptions } from "./s3.ts";
