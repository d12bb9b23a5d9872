import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The hosted page: served by the server at /verify, assets at /verify/assets (our own origin only). */
export default defineConfig({
  root: fileURLToPath(new URL("./src/page", import.meta.url)),
  base: "/verify/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2020",
    assetsDir: "assets",
    reportCompressedSize: false,
  },
});
