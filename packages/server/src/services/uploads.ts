import { randomUUID } from "node:crypto";
import type { BlobStore, Clock } from "@openekyc/core";
import { EkycError } from "@openekyc/core";
import type { SignedUrls } from "./signed-urls.ts";

/** The actions whose inputs may be a CreateUploadUrl ResourceUrl. */
export const uploadTargetActions = [
  "ApplyWebVerificationToken",
  "DetectReflectLivenessAndCompare",
  "GenerateReflectSequence",
  "VideoLivenessCompare",
  "LivenessCompare",
] as const;

/** The upload URL works for 1 hour; the resource stays readable 2 hours, as Tencent keeps uploads 2 h. */
export const uploadUrlTtlSeconds = 3600;
export const resourceTtlSeconds = 7200;

const hourMs = 3_600_000;

/** Hour bucket of an instant: uploads are grouped by the hour they were created so purging deletes whole prefixes. */
export function uploadHourBucket(atMs: number): number {
  return Math.floor(atMs / hourMs);
}

/** Blob prefix of one app's uploads created in one hour bucket. */
export function uploadBucketPrefix(appId: string, bucket: number): string {
  return `uploads/${appId}/h${bucket}/`;
}

/** Key of a new upload-area object (CreateUploadUrl targets, best frames handed out by URL). */
export function newUploadKey(appId: string, atMs: number, name: string = randomUUID()): string {
  return `${uploadBucketPrefix(appId, uploadHourBucket(atMs))}${name}`;
}

export interface UploadGrant {
  readonly UploadUrl: string;
  readonly ResourceUrl: string;
  readonly ExpiredTimestamp: number;
}

/**
 * CreateUploadUrl: pre-signed, expiring, size-capped PUT URLs on this server (no credentials needed to
 * upload), landing in the BlobStore under `uploads/<appId>/…`, and the ResourceUrl other actions accept.
 */
export class UploadService {
  readonly #blobs: BlobStore;
  readonly #urls: SignedUrls;
  readonly #clock: Clock;
  readonly #maxUploadBytes: number;

  constructor(blobs: BlobStore, urls: SignedUrls, clock: Clock, maxUploadBytes: number) {
    this.#blobs = blobs;
    this.#urls = urls;
    this.#clock = clock;
    this.#maxUploadBytes = maxUploadBytes;
  }

  get maxUploadBytes(): number {
    return this.#maxUploadBytes;
  }

  createUploadUrl(appId: string): UploadGrant {
    const key = newUploadKey(appId, this.#clock.now());
    const now = Math.floor(this.#clock.now() / 1000);
    const expires = now + uploadUrlTtlSeconds;
    return {
      UploadUrl: this.#urls.url({ method: "PUT", key, expires, maxBytes: this.#maxUploadBytes }),
      ResourceUrl: this.#urls.url({ method: "GET", key, expires: now + resourceTtlSeconds, maxBytes: null }),
      ExpiredTimestamp: expires,
    };
  }

  /** A signed GET URL for a blob (result media), valid `ttlSeconds` (10 minutes by default, as in the reference). */
  mediaUrl(key: string, ttlSeconds = 600): string {
    const expires = Math.floor(this.#clock.now() / 1000) + ttlSeconds;
    return this.#urls.url({ method: "GET", key, expires, maxBytes: null });
  }

  /**
   * Reads a ResourceUrl an app passed to an action. Only this server's own upload URLs, and only the
   * app's own uploads, are accepted; other URLs need the safe fetcher (not available yet).
   */
  async resolveResourceUrl(
    text: string,
    appId: string,
    field: string,
  ): Promise<{ data: Uint8Array; contentType: string }> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${field} is not a valid URL.`);
    }
    const key = this.#urls.keyOf(url);
    if (key === null) {
      throw new EkycError(
        "INVALID_PARAMETER_VALUE",
        `${field} must be a ResourceUrl returned by CreateUploadUrl on this server; fetching other URLs is not supported.`,
      );
    }
    if (!key.startsWith(`uploads/${appId}/`)) {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${field} does not belong to this app.`);
    }
    const check = this.#urls.verify("GET", key, url.searchParams, Math.floor(this.#clock.now() / 1000));
    if (!check.ok) {
      throw new EkycError(
        "INVALID_PARAMETER_VALUE",
        check.reason === "expired" ? `${field} has expired.` : `${field} has an invalid signature.`,
      );
    }
    const blob = await this.#blobs.get(key);
    if (!blob) throw new EkycError("DOWNLOAD_ERROR", `Nothing was uploaded to ${field}.`);
    return blob;
  }
}
