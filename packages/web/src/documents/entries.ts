import { fileURLToPath } from "node:url";

/** Source of the document step's page script, for the server to bundle. */
export const documentStepEntry = fileURLToPath(new URL("./main.ts", import.meta.url));
