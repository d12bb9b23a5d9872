import type { BlobStore, Clock } from "@openekyc/core";
import type { FaceEngineApi } from "@openekyc/engine";
import { z } from "zod";
import { defineAction } from "../../api/actions/types.ts";
import { isOwnBlobUrl } from "../liveness/wiring.ts";
import type { UploadService } from "../uploads.ts";
import {
  detectReflectLivenessAndCompareAction,
  generateReflectSequenceAction,
  type ReflectApiDeps,
} from "./reflect-api.ts";

export interface ReflectActionWiring {
  readonly engine: () => Promise<FaceEngineApi>;
  readonly uploads: UploadService;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly fetchAllowList: readonly string[];
}

/** Published files (sequence, best frame) stay readable for 2 hours, as BestFrameUrl is in the reference. */
const PUBLISHED_TTL_SECONDS = 7200;

async function depsFor(wiring: ReflectActionWiring, appId: string): Promise<ReflectApiDeps> {
  return {
    engine: await wiring.engine(),
    blobs: wiring.blobs,
    clock: wiring.clock,
    fetchAllowList: wiring.fetchAllowList,
    resolveOwnUrl: async (url, field) =>
      isOwnBlobUrl(url, wiring.publicUrl)
        ? (await wiring.uploads.resolveResourceUrl(url, appId, field)).data
        : null,
    publish: async (key, data, contentType) => {
      await wiring.blobs.put(key, data, contentType);
      return { Url: wiring.uploads.mediaUrl(key, PUBLISHED_TTL_SECONDS) };
    },
  };
}

const md5Field = z.string().regex(/^[0-9a-fA-F]{32}$/, "must be a 32-hex MD5");

/** GenerateReflectSequence and DetectReflectLivenessAndCompare, for `buildServer({ actions })`. */
export function reflectActions(wiring: ReflectActionWiring) {
  return [
    defineAction({
      name: "GenerateReflectSequence",
      schema: z.strictObject({
        DeviceDataUrl: z.string().min(1),
        DeviceDataMd5: md5Field,
        SecurityLevel: z.string().optional(),
      }),
      handle: async (params, { app }) => ({
        ...(await generateReflectSequenceAction(await depsFor(wiring, app.appId), app.appId, params)),
      }),
    }),
    defineAction({
      name: "DetectReflectLivenessAndCompare",
      schema: z.strictObject({
        LiveDataUrl: z.string().min(1),
        LiveDataMd5: md5Field,
        ImageUrl: z.string().min(1),
        ImageMd5: md5Field,
      }),
      handle: async (params, { app }) => ({
        ...(await detectReflectLivenessAndCompareAction(await depsFor(wiring, app.appId), app.appId, params)),
      }),
    }),
  ];
}
