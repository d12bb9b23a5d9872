import { createHash, randomUUID } from "node:crypto";
import {
  type BlobStore,
  type Clock,
  EkycError,
  type PureApiResultCode,
  pureApiResultCodes,
} from "@openekyc/core";
import {
  type CapturePackage,
  decodeImage,
  type FaceEngineApi,
  generateReflectSequence as newSequence,
  parseCapturePackage,
  sequenceFromWire,
  sequenceToWire,
  type WireSequence,
} from "@openekyc/engine";
import { loadUrlInput, type UrlInputSource } from "../liveness/inputs.ts";
import { newUploadKey } from "../uploads.ts";
import { encodeFrameJpeg } from "./frames.ts";
import { checkReflection } from "./reflection-check.ts";
import { COMPARE_PASS_SIMILARITY } from "./web-verification.ts";

/** A stored file handed back as a temporary URL (ReflectSequenceUrl, BestFrameUrl). */
export type PublishFile = (key: string, data: Uint8Array, contentType: string) => Promise<{ Url: string }>;

export interface ReflectApiDeps extends UrlInputSource {
  readonly engine: FaceEngineApi;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly publish: PublishFile;
}

/** A sequence must be used within 10 minutes, once. */
const SEQUENCE_TTL_MS = 10 * 60_000;
const sequenceKey = (appId: string, id: string) => `reflect-sequences/${appId}/${id}.json`;
const md5 = (data: Uint8Array) => createHash("md5").update(data).digest("hex");

interface StoredSequence {
  readonly wire: WireSequence;
  readonly createdAt: number;
  readonly used: boolean;
}

/**
 * GenerateReflectSequence (reference §5.12): a fresh colour sequence for an app-driven capture, published as a
 * JSON file (docs/capture-package.md). DeviceData is downloaded (MD5-checked) and kept only as evidence.
 */
export async function generateReflectSequenceAction(
  deps: ReflectApiDeps,
  appId: string,
  request: { DeviceDataUrl: string; DeviceDataMd5: string; SecurityLevel?: string },
): Promise<{ ReflectSequenceUrl: string; ReflectSequenceMd5: string }> {
  if (request.SecurityLevel !== undefined && !["1", "2", "3", "4"].includes(request.SecurityLevel))
    throw new EkycError("INVALID_PARAMETER_VALUE", "SecurityLevel must be 1, 2, 3 or 4.");
  const device = await loadUrlInput(deps, request.DeviceDataUrl, "DeviceDataUrl", {
    maxBytes: 1024 * 1024,
    timeoutMs: 4000,
    expectedMd5: request.DeviceDataMd5,
  });
  const sequence = newSequence({ id: randomUUID() });
  const wire = { ...sequenceToWire(sequence), RestRgb: "#808080" };
  const stored: StoredSequence = { wire, createdAt: deps.clock.now(), used: false };
  await deps.blobs.put(
    `reflect-sequences/${appId}/${sequence.id}.device`,
    device,
    "application/octet-stream",
  );
  await deps.blobs.put(sequenceKey(appId, sequence.id), encode(stored), "application/json");
  const file = encode(wire);
  const published = await deps.publish(
    `reflect-sequences/${appId}/${sequence.id}.public.json`,
    file,
    "application/json",
  );
  return { ReflectSequenceUrl: published.Url, ReflectSequenceMd5: md5(file) };
}

export interface DetectReflectResponse {
  readonly BestFrameUrl: string | null;
  readonly BestFrameMd5: string | null;
  readonly Result: PureApiResultCode;
  readonly Description: string;
  readonly Sim: number;
}

/** Web liveness code → the pure-API Result the seeds give for it. */
const livenessResults: Record<number, PureApiResultCode> = {
  1001: "FailedOperation.LivessSystemError",
  1002: "FailedOperation.LivessDetectFake",
  1004: "FailedOperation.LivessBestFrameError",
  1005: "FailedOperation.LivessDetectFail",
  1107: "FailedOperation.LipSizeError",
  1401: "FailedOperation.LivessDetectFail",
  2010: "FailedOperation.SilentMultiFaceFail",
};

/**
 * DetectReflectLivenessAndCompare (reference §5.11): the same server-side decision as the hosted page, on a
 * capture package uploaded by an app (LiveDataUrl) against a reference image (ImageUrl).
 */
export async function detectReflectLivenessAndCompareAction(
  deps: ReflectApiDeps,
  appId: string,
  request: { LiveDataUrl: string; LiveDataMd5: string; ImageUrl: string; ImageMd5: string },
): Promise<DetectReflectResponse> {
  const download = { timeoutMs: 4000 };
  const live = await loadUrlInput(deps, request.LiveDataUrl, "LiveDataUrl", {
    ...download,
    maxBytes: 8 * 1024 * 1024,
    expectedMd5: request.LiveDataMd5,
  });
  const photoBytes = await loadUrlInput(deps, request.ImageUrl, "ImageUrl", {
    ...download,
    maxBytes: 6 * 1024 * 1024,
    expectedMd5: request.ImageMd5,
  });
  const capture: CapturePackage = parseCapturePackage(live);
  const sequence = await claimSequence(deps, appId, capture.manifest.sequenceId);
  const photo = await decodeImage(photoBytes);
  const check = await checkReflection(deps.engine, sequence, capture);
  let bestFrame: { Url: string; md5: string } | null = null;
  if (check.bestFrame) {
    const jpeg = await encodeFrameJpeg(check.bestFrame);
    const published = await deps.publish(
      newUploadKey(appId, deps.clock.now(), `bestframe-${randomUUID()}.jpg`),
      jpeg,
      "image/jpeg",
    );
    bestFrame = { Url: published.Url, md5: md5(jpeg) };
  }
  const answer = (result: PureApiResultCode, sim = 0): DetectReflectResponse => ({
    BestFrameUrl: bestFrame?.Url ?? null,
    BestFrameMd5: bestFrame?.md5 ?? null,
    Result: result,
    Description: pureApiResultCodes[result].message,
    Sim: sim,
  });
  if (check.livenessCode !== 0 || !check.bestFrame)
    return answer(livenessResults[check.livenessCode] ?? "FailedOperation.LivessDetectFail");
  const comparison = await deps.engine.compare(photo, check.bestFrame);
  if (comparison.error)
    return answer(
      comparison.missing === "a"
        ? "FailedOperation.LifePhotoDetectNoFaces"
        : "FailedOperation.LivessBestFrameError",
    );
  const sim = Math.round(comparison.similarity * 100) / 100;
  return answer(sim >= COMPARE_PASS_SIMILARITY ? "Success" : "FailedOperation.CompareLowSimilarity", sim);
}

async function claimSequence(deps: ReflectApiDeps, appId: string, id: string) {
  const key = /^[0-9a-f-]{36}$/.test(id) ? sequenceKey(appId, id) : null;
  const blob = key ? await deps.blobs.get(key) : null;
  if (!key || !blob)
    throw new EkycError("INVALID_PARAMETER_VALUE", "The capture answers an unknown sequence.");
  const stored = JSON.parse(new TextDecoder().decode(blob.data)) as StoredSequence;
  if (stored.used) throw new EkycError("INVALID_PARAMETER_VALUE", "This sequence has already been used.");
  if (deps.clock.now() - stored.createdAt > SEQUENCE_TTL_MS)
    throw new EkycError("INVALID_PARAMETER_VALUE", "This sequence has expired (10 minutes).");
  await deps.blobs.put(key, encode({ ...stored, used: true }), "application/json");
  return sequenceFromWire(stored.wire);
}

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
