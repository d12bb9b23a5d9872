import type { BlobStore } from "@openekyc/core";
import type { FaceEngineApi } from "@openekyc/engine";
import { defineAction } from "../../api/actions/types.ts";
import type { UploadService } from "../uploads.ts";
import { compareFaceLiveness } from "./compare-face-liveness.ts";
import { livenessCompare } from "./liveness-compare.ts";
import { compareFaceLivenessSchema, livenessCompareSchema, videoLivenessCompareSchema } from "./schemas.ts";
import { videoLivenessCompare } from "./video-liveness-compare.ts";
import { livenessDepsFor } from "./wiring.ts";

export interface LivenessActionWiring {
  /** Started on first use: a server that never sees a pure-API liveness call never loads the models. */
  readonly engine: () => Promise<FaceEngineApi>;
  readonly uploads: UploadService;
  readonly blobs: BlobStore;
  readonly publicUrl: string;
  readonly fetchAllowList: readonly string[];
}

/** CompareFaceLiveness, LivenessCompare and VideoLivenessCompare, for `buildServer({ actions })`. */
export function livenessActions(wiring: LivenessActionWiring) {
  const depsFor = async (appId: string) =>
    livenessDepsFor({ ...wiring, engine: await wiring.engine() }, appId);
  return [
    defineAction({
      name: "CompareFaceLiveness",
      schema: compareFaceLivenessSchema,
      handle: async (params, { app }) => ({
        ...(await compareFaceLiveness(await depsFor(app.appId), params)),
      }),
    }),
    defineAction({
      name: "LivenessCompare",
      schema: livenessCompareSchema,
      handle: async (params, { app }) => ({ ...(await livenessCompare(await depsFor(app.appId), params)) }),
    }),
    defineAction({
      name: "VideoLivenessCompare",
      schema: videoLivenessCompareSchema,
      handle: async (params, { app }) => ({
        ...(await videoLivenessCompare(await depsFor(app.appId), params)),
      }),
    }),
  ];
}
