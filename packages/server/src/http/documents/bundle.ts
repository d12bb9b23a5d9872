import { build } from "esbuild";

const bundles = new Map<string, Promise<string>>();

/**
 * Bundles a browser entry (TypeScript) once per process, in memory: the page step and the SDK are served
 * from source without a separate build step. A failed build is not cached, so a fixed file is picked up.
 */
export function browserBundle(entry: string, options: { globalName?: string } = {}): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      minify: true,
      format: options.globalName ? "iife" : "esm",
      platform: "browser",
      target: ["es2020", "safari15"],
      legalComments: "none",
      ...(options.globalName ? { globalName: options.globalName } : {}),
    }).then((result) => result.outputFiles[0]?.text ?? "");
    bundle.catch(() => bundles.delete(entry));
    bundles.set(entry, bundle);
  }
  return bundle;
}
