import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "@openekyc/core";
import { FaceEngine, type WireSequence } from "@openekyc/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faces, requireSharedData } from "../../../../../test/browser/support/data.ts";
import { type CaptureKind, photoCapturePackage } from "../../../../../test/browser/support/photo-capture.ts";
import { FsBlobStore } from "../../blobs/fs.ts";
import {
  detectReflectLivenessAndCompareAction,
  generateReflectSequenceAction,
  type ReflectApiDeps,
} from "./reflect-api.ts";

// The pure-API pair end to end on a real engine: what an app does without the hosted page.
// "URLs" are this server's own upload URLs, read from a map as the real resolver reads them from the BlobStore.
let dir: string;
let engine: FaceEngine;
let deps: ReflectApiDeps;
const files = new Map<string, Uint8Array>();
const md5 = (data: Uint8Array) => createHash("md5").update(data).digest("hex");

function upload(name: string, data: Uint8Array) {
  const url = `https://own.test/${name}`;
  files.set(url, data);
  return { url, md5: md5(data) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openekyc-reflect-"));
  engine = await FaceEngine.load();
  deps = {
    engine,
    blobs: new FsBlobStore(dir),
    clock: systemClock,
    fetchAllowList: [],
    resolveOwnUrl: async (url) => files.get(url) ?? null,
    publish: async (key, data) => ({ Url: upload(key, data).url }),
  };
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

async function attempt(kind: CaptureKind, livePhoto: string, seed: number, reflectionStrength = 0.04) {
  const device = upload(`device-${seed}`, new TextEncoder().encode('{"model":"test"}'));
  const generated = await generateReflectSequenceAction(deps, "app1", {
    DeviceDataUrl: device.url,
    DeviceDataMd5: device.md5,
  });
  const sequenceFile = files.get(generated.ReflectSequenceUrl)!;
  expect(md5(sequenceFile)).toBe(generated.ReflectSequenceMd5);
  const sequence = JSON.parse(new TextDecoder().decode(sequenceFile)) as WireSequence;
  expect(sequence.Colours.length).toBeGreaterThanOrEqual(8);
  const live = upload(
    `live-${seed}`,
    await photoCapturePackage({
      engine,
      photoPath: requireSharedData(livePhoto),
      sequence,
      kind,
      seed,
      reflectionStrength,
    }),
  );
  const image = upload(`image-${seed}`, await readFile(requireSharedData(faces.reference)));
  const request = { LiveDataUrl: live.url, LiveDataMd5: live.md5, ImageUrl: image.url, ImageMd5: image.md5 };
  return { request, response: await detectReflectLivenessAndCompareAction(deps, "app1", request) };
}

describe("GenerateReflectSequence + DetectReflectLivenessAndCompare", () => {
  it("passes a face reflecting the sequence and matching the reference; the sequence is single-use", async () => {
    const { request, response } = await attempt("bona-fide", faces.sameAsReference, 1);
    expect(response.Result).toBe("Success");
    expect(response.Sim).toBeGreaterThanOrEqual(70);
    expect(md5(files.get(response.BestFrameUrl!)!)).toBe(response.BestFrameMd5);
    await expect(detectReflectLivenessAndCompareAction(deps, "app1", request)).rejects.toThrow(
      /already been used/,
    );
  }, 240_000);

  it("refuses a print (no reflection) and a relay 300 ms late", async () => {
    // No reflection: "liveness failed", or "spoof" when the print's own motion changes its colour.
    expect(["FailedOperation.LivessDetectFail", "FailedOperation.LivessDetectFake"]).toContain(
      (await attempt("print", faces.sameAsReference, 2)).response.Result,
    );
    expect((await attempt("late", faces.sameAsReference, 3)).response.Result).toBe(
      "FailedOperation.LivessDetectFake",
    );
  }, 240_000);

  it("passes liveness but fails the comparison for another person", async () => {
    // A dim room (screen adds 6 %): this case is about the comparison, so liveness gets a clear signal.
    const { response } = await attempt("bona-fide", faces.otherPerson, 4, 0.06);
    expect(response.Result).toBe("FailedOperation.CompareLowSimilarity");
    expect(response.Sim).toBeLessThan(70);
  }, 240_000);
});
