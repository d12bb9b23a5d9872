import { readFileSync } from "node:fs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImage } from "../src/decode.ts";
import { FaceEngine } from "../src/engine.ts";
import type { QualityIssueKind, QualityVerdict } from "../src/types.ts";
import { altered, decodeFile, deepface } from "./shared-faces.ts";

// One model load for the whole file (Human + face-api on tfjs-wasm).
let engine: FaceEngine;
beforeAll(async () => {
  engine = await FaceEngine.load();
});

const kinds = (verdict: QualityVerdict): QualityIssueKind[] => verdict.issues.map((i) => i.kind);
const portrait = deepface("img20.jpg"); // one frontal face, 900x900

describe("detect", () => {
  it("finds one face with landmarks, mesh, pose and measures", async () => {
    const faces = await engine.detect(await decodeFile(portrait));
    expect(faces).toHaveLength(1);
    const face = faces[0]!;
    expect(face.score).toBeGreaterThan(0.5);
    expect(face.mesh.length).toBeGreaterThanOrEqual(468);
    expect(face.landmarks.leftEye.x).toBeLessThan(face.landmarks.rightEye.x);
    expect(face.landmarks.nose.y).toBeGreaterThan(face.landmarks.leftEye.y);
    expect(face.landmarks.mouthLeft.y).toBeGreaterThan(face.landmarks.nose.y);
    expect(Math.abs(face.pose.yaw)).toBeLessThan(30);
    expect(face.eyeOpenness.left).toBeGreaterThan(0.1);
    expect(face.sharpness).toBeGreaterThan(0);
  });

  it("finds the face of a tightly cropped greyscale LFW image (padding retry)", async () => {
    const image = await decodeFile(deepface("../../face_verify_lfw/images/Abel_Pacheco_0001.jpg"));
    expect(await engine.detect(image)).toHaveLength(1);
  });
});

describe("assessQuality", () => {
  it("passes the unaltered portrait", async () => {
    const verdict = await engine.assessQuality(await decodeFile(portrait));
    expect(verdict.issues).toEqual([]);
    expect(verdict).toMatchObject({ ok: true, faceCount: 1, multifacesTag: "0" });
  });

  it("reports a blank image as no face with every spelling of the code", async () => {
    const blank = await decodeImage(
      await sharp({ create: { width: 640, height: 480, channels: 3, background: "#c8c8c8" } })
        .png()
        .toBuffer(),
    );
    const verdict = await engine.assessQuality(blank);
    expect(verdict.ok).toBe(false);
    expect(verdict.issues[0]).toMatchObject({
      kind: "NO_FACE",
      tencentCode: 2013,
      tencentResult: "FailedOperation.LifePhotoDetectNoFaces",
      liteDetail: "FACE_NOT_FOUND",
    });
  });

  it("flags a dark and a bright version", async () => {
    const dark = await engine.assessQuality(await altered(portrait, (i) => i.linear(0.18, 0)));
    expect(kinds(dark)).toContain("TOO_DARK");
    expect(dark.issues.find((i) => i.kind === "TOO_DARK")?.tencentCode).toBe(1201);
    const bright = await engine.assessQuality(await altered(portrait, (i) => i.linear(0.35, 190)));
    expect(kinds(bright)).toContain("TOO_BRIGHT");
    expect(bright.issues.find((i) => i.kind === "TOO_BRIGHT")?.tencentCode).toBe(1202);
  });

  it("flags a blurred version", async () => {
    const verdict = await engine.assessQuality(await altered(portrait, (i) => i.blur(9)));
    expect(kinds(verdict)).toContain("BLURRED");
  });

  it("flags a tiny face as too small or too low in resolution", async () => {
    const tiny = await engine.assessQuality(await altered(portrait, (i) => i.resize(120, 120)));
    const small = tiny.issues.find((i) => i.kind === "FACE_TOO_SMALL" || i.kind === "LOW_RESOLUTION");
    expect(small?.tencentCode === 2004 || small?.tencentCode === 2014).toBe(true);
  });

  it("flags a face cropped off-centre in a selfie frame", async () => {
    const image = await altered(portrait, (i) =>
      i.resize(300, 300).extend({ left: 0, right: 340, top: 90, bottom: 90, background: "#777" }),
    );
    const verdict = await engine.assessQuality(image, { mode: "selfie" });
    expect(kinds(verdict)).toContain("OFF_LEFT");
    expect(verdict.issues.find((i) => i.kind === "OFF_LEFT")?.tencentCode).toBe(1206);
  });

  it("flags a second face composited beside the first", async () => {
    const second = await sharp(readFileSync(deepface("img17.jpg")))
      .rotate()
      .resize({ height: 900 })
      .toBuffer();
    const pair = await decodeImage(
      await sharp(readFileSync(portrait))
        .rotate()
        .extend({ right: 1700, background: "#777" })
        .composite([{ input: second, left: 900, top: 0 }])
        .jpeg()
        .toBuffer(),
    );
    const verdict = await engine.assessQuality(pair);
    expect(verdict.faceCount).toBeGreaterThanOrEqual(2);
    expect(verdict.multifacesTag).toBe("1");
    expect(verdict.issues[0]).toMatchObject({ kind: "MULTIPLE_FACES", tencentCode: 2012 });
  });

  it("flags eyes covered by a flat bar", async () => {
    const image = await decodeFile(portrait);
    const face = (await engine.detect(image))[0]!;
    const { leftEye, rightEye } = face.landmarks;
    const gap = rightEye.x - leftEye.x;
    const bar = await sharp({
      create: {
        width: Math.round(gap * 2),
        height: Math.round(gap * 0.6),
        channels: 3,
        background: "#101010",
      },
    })
      .png()
      .toBuffer();
    const covered = await decodeImage(
      await sharp(readFileSync(portrait))
        .rotate()
        .composite([
          { input: bar, left: Math.round(leftEye.x - gap / 2), top: Math.round(leftEye.y - gap * 0.3) },
        ])
        .jpeg()
        .toBuffer(),
    );
    const verdict = await engine.assessQuality(covered);
    expect(verdict.ok).toBe(false);
    const occlusion = verdict.issues.find((i) => i.kind === "EYE_OCCLUSION" || i.kind === "OCCLUDED");
    expect(occlusion?.tencentCode).toBe(2017);
  });
});

describe("compare", () => {
  it("scores the same person above FAR 1e-3 and different people below it", async () => {
    const [a, b, other] = await Promise.all(
      ["img1.jpg", "img2.jpg", "img17.jpg"].map((f) => decodeFile(deepface(f))),
    );
    const genuine = await engine.compare(a!, b!);
    const impostor = await engine.compare(a!, other!);
    expect(genuine.similarity).toBeGreaterThanOrEqual(70);
    expect(genuine.confidence).toBeGreaterThan(genuine.thresholds["1e-3"]);
    expect(impostor.similarity).toBeLessThan(70);
    expect(impostor.confidence).toBeLessThan(impostor.thresholds["1e-3"]);
    expect(genuine).toMatchObject({ facesA: 1, facesB: 1 });
    expect(genuine.error).toBeUndefined();
  });

  it("reports NO_FACE_FOUND with similarity 0 when one image has no face", async () => {
    const blank = await decodeImage(
      await sharp({ create: { width: 400, height: 400, channels: 3, background: "#505050" } })
        .png()
        .toBuffer(),
    );
    const result = await engine.compare(await decodeFile(portrait), blank);
    expect(result).toMatchObject({
      error: "NO_FACE_FOUND",
      missing: "b",
      similarity: 0,
      facesA: 1,
      facesB: 0,
    });
  });
});

describe("antiSpoof", () => {
  it("reports face_genuineness scores in [0, 1] with 0.5 thresholds", async () => {
    const result = await engine.antiSpoof(await decodeFile(portrait));
    expect(result.faceCount).toBe(1);
    const g = result.genuineness!;
    for (const v of [g.synthetic_face_confidence, g.mask_confidence, g.screen_replay_confidence]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect([g.synthetic_face_threshold, g.mask_threshold, g.screen_replay_threshold]).toEqual([
      0.5, 0.5, 0.5,
    ]);
    expect(result.raw?.antispoofReal).toBeCloseTo(1 - g.synthetic_face_confidence, 2);
  });
});
