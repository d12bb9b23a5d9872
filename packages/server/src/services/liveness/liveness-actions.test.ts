import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EkycError, systemClock } from "@openekyc/core";
import { decodeVideo, encodeJpeg, FaceEngine } from "@openekyc/engine";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClipMaker } from "../../../../engine/src/liveness/test-clips.ts";
import { sharedDataFile } from "../../../../engine/src/video/shared-data.ts";
import { FsBlobStore } from "../../blobs/fs.ts";
import { SignedUrls } from "../signed-urls.ts";
import { UploadService } from "../uploads.ts";
import { compareFaceLiveness } from "./compare-face-liveness.ts";
import type { LivenessServiceDeps } from "./deps.ts";
import { livenessCompare } from "./liveness-compare.ts";
import { videoLivenessCompare } from "./video-liveness-compare.ts";
import { livenessDepsFor } from "./wiring.ts";

const manA = sharedDataFile("face_videos/liveportrait_d18.mp4");
const manB = sharedDataFile("face_videos/liveportrait_d0.mp4");

/** Sparse sampling keeps each real pipeline run to ~15 frames. */
const limits = { video: { maxFps: 4, maxFrames: 40, maxDurationSeconds: 20 } };

// Real models on real frames: seconds of CPU per test, far more wall time on a shared 2-core machine.
describe.runIf(manA && manB)("pure-API liveness actions with the real engine", { timeout: 240_000 }, () => {
  let engine: FaceEngine;
  let clips: ClipMaker;
  let deps: LivenessServiceDeps;
  let videoA: Buffer;
  let photoA: Buffer;
  let photoB: Buffer;
  let server: http.Server;
  let origin = "";
  let dataDir = "";
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    engine = await FaceEngine.load();
    clips = await ClipMaker.create();
    videoA = Buffer.from(await clips.cut(manA!, 0, 3, "a.mp4"));
    photoA = await frameJpeg(clips, manA!, 5);
    photoB = await frameJpeg(clips, manB!, 1);
    deps = { engine, fetchAllowList: ["127.0.0.1"], limits };
    files.set("/a.mp4", videoA).set("/a.jpg", photoA);
    server = http.createServer((req, res) => {
      const body = files.get(req.url ?? "");
      if (body) res.end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dataDir = await mkdtemp(join(tmpdir(), "openekyc-liveness-"));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await clips.dispose();
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("CompareFaceLiveness SILENT: same person → Success with Sim ≥ 70 and a JPEG best frame", async () => {
    const response = await compareFaceLiveness(deps, {
      ImageBase64: photoA.toString("base64"),
      VideoBase64: videoA.toString("base64"),
      LivenessType: "SILENT",
    });
    expect(response.Result).toBe("Success");
    expect(response.Description).toBe("Success");
    expect(response.Sim).toBeGreaterThanOrEqual(70);
    expect(response.Sim).toBeLessThanOrEqual(100);
    expect(Buffer.from(response.BestFrameBase64 ?? "", "base64").subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
  });

  it("CompareFaceLiveness: another person's photo → CompareLowSimilarity; missing action → ActionCloseEye", async () => {
    const other = await compareFaceLiveness(deps, {
      ImageBase64: photoB.toString("base64"),
      VideoBase64: videoA.toString("base64"),
      LivenessType: "SILENT",
    });
    expect(other.Result).toBe("FailedOperation.CompareLowSimilarity");
    expect(other.Sim).toBeLessThan(70);
    // The clip opens its mouth around 2.1 s but never closes its eyes for a blink.
    const blink = await compareFaceLiveness(deps, {
      ImageBase64: photoA.toString("base64"),
      VideoBase64: videoA.toString("base64"),
      LivenessType: "ACTION",
      ValidateData: "2",
    });
    expect(blink.Result).toBe("FailedOperation.ActionCloseEye");
    expect(blink.Description).toBe("No motions of eye closing are detected.");
  });

  it("CompareFaceLiveness refuses bad inputs with the table's codes", async () => {
    const base = { ImageBase64: photoA.toString("base64"), VideoBase64: videoA.toString("base64") };
    await expect(compareFaceLiveness(deps, { ...base })).rejects.toMatchObject({
      tencentCode: "MissingParameter",
    });
    await expect(compareFaceLiveness(deps, { ...base, LivenessType: "LIP" })).rejects.toMatchObject({
      tencentCode: "InvalidParameterValue",
    });
    await expect(
      compareFaceLiveness(deps, { ...base, LivenessType: "ACTION", ValidateData: "5" }),
    ).rejects.toBeInstanceOf(EkycError);
    await expect(compareFaceLiveness(deps, { ...base, LivenessType: "ACTION" })).rejects.toMatchObject({
      tencentCode: "MissingParameter",
    });
    await expect(
      compareFaceLiveness(deps, { ...base, ImageBase64: "not*base64", LivenessType: "SILENT" }),
    ).rejects.toMatchObject({
      tencentCode: "InvalidParameterValue",
    });
    const garbage = await compareFaceLiveness(deps, {
      ...base,
      VideoBase64: randomBytes(3000).toString("base64"),
      LivenessType: "SILENT",
    });
    expect(garbage.Result).toBe("FailedOperation.LipVideoInvalid");
    const tooBig = await compareFaceLiveness(
      { ...deps, limits: { ...limits, maxImageBase64Chars: 1000 } },
      { ...base, LivenessType: "SILENT" },
    );
    expect(tooBig.Result).toBe("FailedOperation.LifePhotoSizeError");
    const blank = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#808080" } })
      .jpeg()
      .toBuffer();
    const noFace = await compareFaceLiveness(deps, {
      ...base,
      ImageBase64: blank.toString("base64"),
      LivenessType: "SILENT",
    });
    expect(noFace.Result).toBe("FailedOperation.LifePhotoDetectNoFaces");
  });

  it("LivenessCompare: URL inputs through the safe fetcher, extra best frames, LIP unsupported, blocked URL", async () => {
    const response = await livenessCompare(deps, {
      LivenessType: "SILENT",
      ImageUrl: `${origin}/a.jpg`,
      VideoUrl: `${origin}/a.mp4`,
      Optional: JSON.stringify({ BestFrameNum: 2 }),
    });
    expect(response.Result).toBe("Success");
    expect(response.BestFrameList).toHaveLength(2);
    await expect(livenessCompare(deps, { LivenessType: "LIP", ValidateData: "1234" })).rejects.toMatchObject({
      tencentCode: "UnsupportedOperation",
    });
    const blocked = await livenessCompare(deps, {
      LivenessType: "SILENT",
      ImageBase64: photoA.toString("base64"),
      VideoUrl: "http://169.254.169.254/latest/meta-data/",
    });
    expect(blocked.Result).toBe("FailedOperation.DownLoadError");
  });

  it("VideoLivenessCompare: own CreateUploadUrl ResourceUrls from the BlobStore, MD5 checked, best frame stored", async () => {
    const blobs = new FsBlobStore(dataDir);
    const publicUrl = "http://ekyc.test";
    const uploads = new UploadService(
      blobs,
      new SignedUrls(randomBytes(32), publicUrl),
      systemClock,
      20 * 1024 * 1024,
    );
    const grantVideo = uploads.createUploadUrl("app1");
    const grantImage = uploads.createUploadUrl("app1");
    await blobs.put(keyOf(grantVideo.ResourceUrl), videoA, "video/mp4");
    await blobs.put(keyOf(grantImage.ResourceUrl), photoA, "image/jpeg");
    const wired = livenessDepsFor({ engine, uploads, blobs, publicUrl, fetchAllowList: [], limits }, "app1");
    const request = {
      ImageUrl: grantImage.ResourceUrl,
      ImageMd5: md5(photoA),
      VideoUrl: grantVideo.ResourceUrl,
      VideoMd5: md5(videoA),
      LivenessType: "SILENT",
    };
    const response = await videoLivenessCompare(wired, request);
    expect(response.Result).toBe("Success");
    expect(response.BestFrame?.Url.startsWith(`${publicUrl}/blobs/uploads/app1/h`)).toBe(true);
    const stored = await blobs.get(keyOf(response.BestFrame!.Url));
    expect(md5(Buffer.from(stored!.data))).toBe(response.BestFrame?.MD5);
    await expect(videoLivenessCompare(wired, { ...request, VideoMd5: "0".repeat(32) })).rejects.toMatchObject(
      {
        tencentCode: "InvalidParameterValue",
      },
    );
    // Another app's upload is not readable, and foreign private URLs are refused without the allow-list.
    await expect(
      videoLivenessCompare(
        livenessDepsFor({ engine, uploads, blobs, publicUrl, fetchAllowList: [] }, "app2"),
        request,
      ),
    ).rejects.toMatchObject({
      tencentCode: "InvalidParameterValue",
    });
    const foreign = await videoLivenessCompare(wired, { ...request, VideoUrl: `${origin}/a.mp4` });
    expect(foreign.Result).toBe("FailedOperation.DownLoadError");
  });
});

async function frameJpeg(clips: ClipMaker, source: string, at: number): Promise<Buffer> {
  const still = await clips.still(source, at, 1, `photo-${at}.mp4`);
  const video = await decodeVideo(still);
  return encodeJpeg(video.frames[0]!);
}

function keyOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\/blobs\//, ""));
}

function md5(data: Buffer): string {
  return createHash("md5").update(data).digest("hex");
}
