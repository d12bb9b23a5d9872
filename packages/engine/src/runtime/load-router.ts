import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";

/**
 * tfjs without tfjs-node has no file:// handler, so Human cannot load its graph models from disk.
 * This router reads the model JSON and its .bin shards with fs; nothing is fetched over the network.
 */
export function registerFileLoadRouter(): void {
  // A router answers null for URLs it does not handle; IORouter's type omits that.
  const router = (url: string | string[]): tf.io.IOHandler | null => {
    if (typeof url !== "string" || !url.startsWith("file://")) return null;
    const modelPath = fileURLToPath(url);
    return {
      load: async () => {
        const modelJson = JSON.parse(await readFile(modelPath, "utf8")) as tf.io.ModelJSON;
        const dir = path.dirname(modelPath);
        return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
          const shards = await Promise.all(
            manifest.flatMap((group) => group.paths.map((shard) => readFile(path.join(dir, shard)))),
          );
          const total = Buffer.concat(shards);
          const specs = manifest.flatMap((group) => group.weights);
          return [specs, total.buffer.slice(total.byteOffset, total.byteOffset + total.byteLength)];
        });
      },
    };
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}
