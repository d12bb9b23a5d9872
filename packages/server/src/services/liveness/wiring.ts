import { createHash, randomUUID } from "node:crypto";
import type { BlobStore } from "@openekyc/core";
import type { FaceEngineApi } from "@openekyc/engine";
import { blobRoutePrefix } from "../signed-urls.ts";
import { newUploadKey, type UploadService } from "../uploads.ts";
import type { LivenessServiceDeps } from "./deps.ts";
import type { LivenessLimits } from "./limits.ts";

export interface LivenessWiring {
  readonly engine: FaceEngineApi;
  readonly uploads: UploadService;
  readonly blobs: BlobStore;
  /** This server's public base URL (no trailing slash). */
  readonly publicUrl: string;
  readonly fetchAllowList: readonly string[];
  readonly limits?: Partial<LivenessLimits>;
}

/** Best frames stay readable as long as uploads do (2 h, as the reference keeps BestFrameUrl). */
const BEST_FRAME_URL_TTL_SECONDS = 7200;

/**
 * The per-request dependencies of the liveness actions for one app: its own CreateUploadUrl ResourceUrls
 * are read from the BlobStore (no network hop, app ownership and signature checked by UploadService);
 * every other URL goes through the safe fetcher.
 */
export function livenessDepsFor(wiring: LivenessWiring, appId: string): LivenessServiceDeps {
  return {
    engine: wiring.engine,
    fetchAllowList: wiring.fetchAllowList,
    ...(wiring.limits ? { limits: wiring.limits } : {}),
    resolveOwnUrl: async (url, field) =>
      isOwnBlobUrl(url, wiring.publicUrl)
        ? (await wiring.uploads.resolveResourceUrl(url, appId, field)).data
        : null,
    publishBestFrame: async (jpeg) => {
      const key = newUploadKey(appId, Date.now(), `bestframe-${randomUUID()}.jpg`);
      await wiring.blobs.put(key, jpeg, "image/jpeg");
      return {
        Url: wiring.uploads.mediaUrl(key, BEST_FRAME_URL_TTL_SECONDS),
        MD5: createHash("md5").update(jpeg).digest("hex"),
        Size: jpeg.length,
      };
    },
  };
}

/** True when `text` points at this server's blob route (a ResourceUrl or media URL it issued). */
export function isOwnBlobUrl(text: string, publicUrl: string): boolean {
  try {
    const url = new URL(text);
    const base = new URL(publicUrl);
    const prefix = `${base.pathname.replace(/\/$/, "")}${blobRoutePrefix}`;
    return url.origin === base.origin && url.pathname.startsWith(prefix);
  } catch {
    return false;
  }
}
