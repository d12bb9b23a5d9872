export { type PagePluginOptions, pagePlugin } from "./plugin.ts";
