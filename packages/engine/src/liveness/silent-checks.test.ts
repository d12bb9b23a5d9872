import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaceEngine } from "../engine.ts";
import { decodeVideo } from "../video/decode.ts";
import { sharedDataFile } from "../video/shared-data.ts";
import { ClipMaker } from "./test-clips.ts";
import { checkVideoLiveness } from "./video-liveness.ts";

const manA = sharedDataFile("face_videos/liveportrait_d18.mp4");
const manB = sharedDataFile("face_videos/liveportrait_d0.mp4");
const replay = sharedDataFile("face_videos/apfol_fake2.webm"); // phone screen replaying a face to a webcam

/** Low sampling keeps the real-model runs short; these checks do not need fine timing. */
const sparse = { maxFps: 5 };

// Real models on real frames: seconds of CPU per test, far more wall time on a shared 2-core machine.
describe.runIf(manA && manB && replay)(
  "silent liveness checks on real and constructed videos",
  { timeout: 240_000 },
  () => {
    let engine: FaceEngine;
    let clips: ClipMaker;
    beforeAll(async () => {
      engine = await FaceEngine.load();
      clips = await ClipMaker.create();
    });
    afterAll(async () => {
      await clips.dispose();
      await engine.close();
    });

    it("passes a real face video and records the evidence", async () => {
      const video = await decodeVideo(await clips.cut(manA!, 0, 4, "live.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure).toBeNull();
      expect(report.framesWithFace).toBe(report.framesAnalysed);
      expect(report.bestFrame?.image.width).toBe(480);
      for (const similarity of report.identitySimilarities) expect(similarity).toBeGreaterThanOrEqual(70);
      expect(report.faceRegionChange).toBeGreaterThan(0.5);
      expect(report.antiSpoof?.frames.length).toBeGreaterThan(0);
    });

    it("fails a video shorter than 2 s as too short", async () => {
      const video = await decodeVideo(await clips.cut(manA!, 0, 1.5, "short.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure?.kind).toBe("too_short");
    });

    it("fails a video without a face", async () => {
      const video = await decodeVideo(await clips.noFace(3, "pattern.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure?.kind).toBe("no_face");
      expect(report.framesWithFace).toBe(0);
    });

    it("fails two people side by side as multiple faces", async () => {
      const video = await decodeVideo(await clips.sideBySide(manA!, manB!, 3, 320, "two.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure?.kind).toBe("multiple_faces");
      expect(report.framesWithMultipleFaces).toBeGreaterThan(report.framesWithFace / 2);
    });

    it("fails a video whose face changes to another person half way", async () => {
      const video = await decodeVideo(await clips.backToBack(manA!, manB!, 2.5, 480, "swap.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure?.kind).toBe("face_changed");
      expect(Math.min(...report.identitySimilarities)).toBeLessThan(50);
    });

    it("fails a still photo encoded as a video", async () => {
      const video = await decodeVideo(await clips.still(manA!, 1, 3, "still.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.failure?.kind).toBe("still_picture");
      expect(report.faceRegionChange).toBeLessThan(0.35);
    });

    it("KNOWN MISS (regression pin): the phone-screen replay passes the passive checks; anti-spoof is only recorded", async () => {
      // docs/liveness-video.md: a moving face replayed on a phone shows one consistent, moving face, and the
      // passive anti-spoof model does not separate it from genuine webcam footage. Only ACTION challenges plus
      // the reflection check raise the bar. If this starts failing, the passive checks got better: update the doc.
      const video = await decodeVideo(await clips.cut(replay!, 5, 5, "replay.mp4"), sparse);
      const report = await checkVideoLiveness(engine, video, { mode: "silent" });
      expect(report.passed).toBe(true);
      expect(report.antiSpoof?.frames.length).toBeGreaterThan(0);
      for (const frame of report.antiSpoof?.frames ?? []) {
        expect(frame.real).toBeGreaterThanOrEqual(0);
        expect(frame.real).toBeLessThanOrEqual(1);
      }
    });
  },
);
