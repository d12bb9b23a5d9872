import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeImage } from "../decode.ts";
import { embeddingPipelineVersion } from "../embed.ts";
import type { FaceEngineApi } from "../types.ts";

/** What evaluation keeps of an embedding (no mesh: the cache stays small). */
export interface CachedEmbedding {
  readonly plain: readonly number[];
  readonly mirrored: readonly number[];
  readonly faceres: readonly number[] | null;
  readonly faceCount: number;
}

export type EmbedProgress = (done: number, total: number) => void;

/**
 * Embeds every file once per pipeline version, caching by content hash under `cacheDir`, so calibration and
 * evaluation share the (slow) model pass. `null` = no face found.
 */
export async function embedFiles(
  engine: FaceEngineApi,
  files: readonly string[],
  cacheDir: string,
  progress?: EmbedProgress,
): Promise<Map<string, CachedEmbedding | null>> {
  mkdirSync(cacheDir, { recursive: true });
  const cachePath = path.join(cacheDir, `face-embeddings-${embeddingPipelineVersion}.json`);
  const cache: Record<string, CachedEmbedding | null> = existsSync(cachePath)
    ? JSON.parse(readFileSync(cachePath, "utf8"))
    : {};
  const result = new Map<string, CachedEmbedding | null>();
  let done = 0;
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      const bytes = readFileSync(file);
      const key = createHash("sha256").update(bytes).digest("hex");
      if (!(key in cache)) {
        const embedding = await engine.embed(await decodeImage(bytes), { faceres: true, keepViews: true });
        cache[key] = embedding?.views
          ? {
              plain: embedding.views.plain,
              mirrored: embedding.views.mirrored,
              faceres: embedding.faceres ?? null,
              faceCount: embedding.faceCount,
            }
          : null;
      }
      result.set(file, cache[key] ?? null);
      progress?.(++done, files.length);
      // Save now and then: under a contended CPU a full pass takes long enough to be interrupted.
      if (done % 50 === 0) writeFileSync(cachePath, JSON.stringify(cache));
    }
  };
  await Promise.all(Array.from({ length: 4 }, work));
  writeFileSync(cachePath, JSON.stringify(cache));
  return result;
}
