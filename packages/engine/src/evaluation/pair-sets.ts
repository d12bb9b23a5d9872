import {
  genuinePairs,
  impostorPairs,
  lfwHalf,
  loadVerificationSet,
  type VerificationSet,
} from "./datasets.ts";
import type { CachedEmbedding } from "./embed-cache.ts";

export interface EvaluationData {
  readonly lfw: VerificationSet;
  readonly deepface: VerificationSet;
  readonly allFiles: readonly string[];
}

export function loadEvaluationData(): EvaluationData {
  const lfw = loadVerificationSet("face_verify_lfw");
  const deepface = loadVerificationSet("face_verify_deepface");
  return { lfw, deepface, allFiles: [...lfw.identities.keys(), ...deepface.identities.keys()] };
}

/** Pairs of embeddings; `null` where no face was found (a missed face is a non-match when reporting). */
export type EmbeddingPair = readonly [CachedEmbedding | null, CachedEmbedding | null];

export interface PairSet {
  readonly genuine: EmbeddingPair[];
  readonly impostor: EmbeddingPair[];
}

export interface PairSets {
  /** deepface (all pairs of images) + LFW calibration-half identities: every same / cross identity pair. */
  readonly calibration: {
    genuine: [CachedEmbedding, CachedEmbedding][];
    impostor: [CachedEmbedding, CachedEmbedding][];
  };
  /** The official LFW fold-1 pairs whose people are all in the report half (held out). */
  readonly lfwReportOfficial: PairSet;
  /** Every same / cross identity pair among the report-half LFW images (held out; many more impostors). */
  readonly lfwReportAllPairs: PairSet;
  /** All official LFW fold-1 pairs (as pipeline E was measured; half of its people were used for calibration). */
  readonly lfwOfficial: PairSet;
  /** The official deepface pairs (all of them were used for calibration). */
  readonly deepfaceOfficial: PairSet;
}

export function buildPairSets(
  data: EvaluationData,
  embeddings: ReadonlyMap<string, CachedEmbedding | null>,
): PairSets {
  const get = (file: string): CachedEmbedding | null => embeddings.get(file) ?? null;
  const toPairs = (pairs: Iterable<[string, string]>): EmbeddingPair[] =>
    Array.from(pairs, ([a, b]) => [get(a), get(b)] as const);
  const bothFound = (pairs: EmbeddingPair[]): [CachedEmbedding, CachedEmbedding][] =>
    pairs.filter((p): p is [CachedEmbedding, CachedEmbedding] => p[0] !== null && p[1] !== null);
  const official = (set: VerificationSet, keep: (file: string) => boolean): PairSet => {
    const pairs = set.pairs.filter((p) => keep(p.a) && keep(p.b));
    return {
      genuine: toPairs(pairs.filter((p) => p.genuine).map((p) => [p.a, p.b])),
      impostor: toPairs(pairs.filter((p) => !p.genuine).map((p) => [p.a, p.b])),
    };
  };
  const half = (file: string): string =>
    lfwHalf(data.lfw.identities.get(file)!.replace(/^face_verify_lfw:/, ""));
  const lfwFiles = [...data.lfw.identities.keys()];
  const calibrationFiles = lfwFiles.filter((f) => half(f) === "calibration");
  const reportFiles = lfwFiles.filter((f) => half(f) === "report");
  const deepfaceFiles = [...data.deepface.identities.keys()];
  return {
    calibration: {
      genuine: [
        ...bothFound(toPairs(genuinePairs(calibrationFiles, data.lfw.identities))),
        ...bothFound(toPairs(genuinePairs(deepfaceFiles, data.deepface.identities))),
      ],
      impostor: [
        ...bothFound(toPairs(impostorPairs(calibrationFiles, data.lfw.identities))),
        ...bothFound(toPairs(impostorPairs(deepfaceFiles, data.deepface.identities))),
      ],
    },
    lfwReportOfficial: official(data.lfw, (f) => half(f) === "report"),
    lfwReportAllPairs: {
      genuine: toPairs(genuinePairs(reportFiles, data.lfw.identities)),
      impostor: toPairs(impostorPairs(reportFiles, data.lfw.identities)),
    },
    lfwOfficial: official(data.lfw, () => true),
    deepfaceOfficial: official(data.deepface, () => true),
  };
}
