export { browserBundle } from "./bundle.ts";
export { documentsPlugin } from "./plugin.ts";
