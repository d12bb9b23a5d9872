import { readFile } from "node:fs/promises";
import {
  encodeCapturePackage,
  FaceEngine,
  generateReflectSequence,
  type MotionAction,
  mulberry32,
  parseCapturePackage,
  type RgbImage,
  synthesiseCapture,
} from "@openekyc/engine";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameJpeg, videoFrames } from "../../../../test/browser/support/clips.ts";
import { requireSharedData } from "../../../../test/browser/support/data.ts";
import { checkActionsAndReflection } from "../../src/services/verification/combined-check.ts";

// SecurityLevel 4/5 on real frames with the real engine: the action phase is a real face video
// (liveportrait_d13 blinks at ≈1.49 s and opens its mouth at ≈3.52 s, docs/liveness-video.md), the colour
// phase relights that video's last frame with the synthetic-camera physics.
const FPS = 15;
const CLIP_FROM_S = 0.9;
const CLIP_TO_S = 4.2;
let engine: FaceEngine;
let clip: RgbImage[];
let otherPerson: RgbImage;

beforeAll(async () => {
  engine = await FaceEngine.load();
  clip = await videoFrames(
    requireSharedData("face_videos/liveportrait_d13.mp4"),
    CLIP_FROM_S,
    CLIP_TO_S,
    FPS,
    320,
  );
  const { data, info } = await sharp(
    await readFile(requireSharedData("face_verify_deepface/images/img1.jpg")),
  )
    .resize({ width: 320 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  otherPerson = { width: info.width, height: info.height, data: new Uint8Array(data) };
}, 180_000);

afterAll(async () => {
  await engine?.close();
});

/** Capture clock: the clip's video time in ms (frame i at CLIP_FROM_S + i / FPS). */
const videoMs = (s: number) => Math.round(s * 1000);

/**
 * One combined package: the clip as the action phase with prompts at the given video times, then a colour
 * phase on `colourFace` (default the clip's last frame) that reflects the attempt's sequence on time.
 */
async function combinedPackage(prompts: { action: MotionAction; atS: number }[], colourFace?: RgbImage) {
  const random = mulberry32(42);
  const sequence = generateReflectSequence({
    randomInt: (max) => Math.floor(random() * max),
    colourCount: 10,
  });
  const face = colourFace ?? clip.at(-1)!;
  const [detected] = await engine.detect(face, { maxFaces: 1 });
  if (!detected) throw new Error("no face for the colour phase");
  const colours = synthesiseCapture({
    sequence,
    seed: 7,
    photo: { image: { ...face, channels: 3 }, faceBox: detected.box },
    reflectionStrength: 0.04,
  });
  const actionEnd = videoMs(CLIP_TO_S) + 20;
  const shift = actionEnd + 40; // the colour phase's capture starts just after the action phase ends
  const actionFrames = await Promise.all(
    clip.map(async (frame, i) => ({
      t: videoMs(CLIP_FROM_S + i / FPS),
      jpeg: new Uint8Array(await frameJpeg(frame, 82)),
    })),
  );
  const colourFrames = await Promise.all(
    colours.frames.map(async (f) => ({ t: f.t + shift, jpeg: new Uint8Array(await frameJpeg(f.frame, 82)) })),
  );
  const bytes = encodeCapturePackage({
    sequenceId: sequence.id,
    frames: [...actionFrames, ...colourFrames],
    timeline: {
      colours: colours.timeline.colours.map((c) => ({ index: c.index, t: c.t + shift })),
      endT: colours.timeline.endT + shift,
    },
    actions: { prompts: prompts.map((p) => ({ action: p.action, t: videoMs(p.atS) })), endT: actionEnd },
  });
  return { sequence, capture: parseCapturePackage(bytes) };
}

describe("combined action + reflection check on real frames", () => {
  it("level 5: blink then mouth, each while prompted, then the colours on time → passes", async () => {
    const { sequence, capture } = await combinedPackage([
      { action: "blink", atS: CLIP_FROM_S },
      { action: "mouth", atS: 2.9 },
    ]);
    const check = await checkActionsAndReflection(engine, sequence, capture, {
      actions: ["blink", "mouth"],
      strict: true,
    });
    expect(check.phases.action.code).toBe(0);
    expect(check.phases.windows?.code).toBe(0);
    expect(check.phases.reflection.code).toBe(0);
    expect(check.phases.crossPhaseSimilarity).toBeGreaterThanOrEqual(60);
    expect(check.livenessCode).toBe(0);
    expect(check.bestFrame).not.toBeNull();
  }, 120_000);

  it("the mouth came before its prompt: level 4 accepts the order, level 5 fails the window (1208)", async () => {
    // Mouth prompted at 3.9 s, but the mouth opened at ≈3.52 s, still under the blink prompt.
    const prompts = [
      { action: "blink" as const, atS: CLIP_FROM_S },
      { action: "mouth" as const, atS: 3.9 },
    ];
    const { sequence, capture } = await combinedPackage(prompts);
    const level4 = await checkActionsAndReflection(engine, sequence, capture, {
      actions: ["blink", "mouth"],
      strict: false,
    });
    expect(level4.livenessCode).toBe(0);
    const level5 = await checkActionsAndReflection(engine, sequence, capture, {
      actions: ["blink", "mouth"],
      strict: true,
    });
    expect(level5.phases.action.code).toBe(0);
    expect(level5.phases.windows?.code).toBe(1208);
    expect(level5.livenessCode).toBe(1208);
  }, 180_000);

  it("actions asked in the other order than performed → 1208, and the colours are still judged", async () => {
    const { sequence, capture } = await combinedPackage([
      { action: "mouth", atS: CLIP_FROM_S },
      { action: "blink", atS: 2.9 },
    ]);
    const check = await checkActionsAndReflection(engine, sequence, capture, {
      actions: ["mouth", "blink"],
      strict: false,
    });
    expect(check.phases.action.code).toBe(1208);
    expect(check.phases.reflection.code).toBe(0);
    expect(check.livenessCode).toBe(1208);
  }, 120_000);

  it("a live person does the actions, another face reflects the colours → 1005", async () => {
    const { sequence, capture } = await combinedPackage([{ action: "blink", atS: CLIP_FROM_S }], otherPerson);
    const check = await checkActionsAndReflection(engine, sequence, capture, {
      actions: ["blink"],
      strict: false,
    });
    expect(check.phases.action.code).toBe(0);
    expect(check.phases.reflection.code).toBe(0);
    expect(check.phases.crossPhaseSimilarity).toBeLessThan(60);
    expect(check.livenessCode).toBe(1005);
  }, 120_000);

  it("the capture must prompt exactly the attempt's actions", async () => {
    const { sequence, capture } = await combinedPackage([{ action: "blink", atS: CLIP_FROM_S }]);
    await expect(
      checkActionsAndReflection(engine, sequence, capture, { actions: ["shake"], strict: false }),
    ).rejects.toMatchObject({ code: "INVALID_PARAMETER_VALUE" });
  }, 60_000);
});
