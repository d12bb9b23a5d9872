import { fileURLToPath } from "node:url";

/** Source of the script-tag build (`window.OpenEkyc`), for the server to bundle. */
export const browserSdkEntry = fileURLToPath(new URL("./global.ts", import.meta.url));
