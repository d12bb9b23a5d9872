import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaceEngine } from "../engine.ts";
import { checkActionSequence } from "../motion/sequence.ts";
import { decodeVideo } from "../video/decode.ts";
import { sharedDataFile } from "../video/shared-data.ts";
import { ClipMaker } from "./test-clips.ts";
import { checkVideoLiveness } from "./video-liveness.ts";

/** Real clips from ../shared/data/face_videos, cut to the moments that matter, through the real models. */
const blinking = sharedDataFile("face_videos/liveportrait_d9.mp4"); // "eyes close (blink) early in clip"
const frontal = sharedDataFile("face_videos/liveportrait_d18.mp4"); // frontal, still head, opens mouth
const turning = sharedDataFile("face_videos/zubair_real.webm"); // webcam, turns head left/right at 6.5-10 s

// Real models on real frames: seconds of CPU per test, far more wall time on a shared 2-core machine.
describe.runIf(blinking && frontal && turning)(
  "motion actions on real face videos",
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

    it("sees the early blink in the blinking clip, and nothing that is not there", async () => {
      const video = await decodeVideo(await clips.cut(blinking!, 0, 2, "blink.mp4"), { maxFps: 12 });
      const report = await checkVideoLiveness(engine, video, { mode: "action", actions: ["blink"] });
      expect(report.failure).toBeNull();
      expect(report.passed).toBe(true);
      const blink = report.matchedActions[0]!;
      expect(blink.action).toBe("blink");
      // The eyes shut around 0.33-0.6 s in the source.
      expect(blink.peakMs).toBeGreaterThanOrEqual(250);
      expect(blink.peakMs).toBeLessThanOrEqual(700);
      expect(report.events.map((e) => e.action)).not.toContain("shake");
      expect(report.events.map((e) => e.action)).not.toContain("nod");
    });

    it("finds no head shake or nod in the still frontal clip; its mouth opening passes a mouth challenge", async () => {
      const video = await decodeVideo(await clips.cut(frontal!, 0, 5, "frontal.mp4"), { maxFps: 6 });
      const mouth = await checkVideoLiveness(engine, video, { mode: "action", actions: ["mouth"] });
      expect(mouth.passed).toBe(true);
      expect(mouth.matchedActions[0]?.peakMs).toBeGreaterThanOrEqual(2000);
      const actions = mouth.events.map((e) => e.action);
      expect(actions).not.toContain("shake");
      expect(actions).not.toContain("nod");
      // Other challenges on the same observed events (the models need not run again).
      expect(checkActionSequence(mouth.events, ["shake"])).toMatchObject({
        passed: false,
        failedAction: "shake",
      });
      expect(checkActionSequence(mouth.events, ["mouth", "nod"])).toMatchObject({
        passed: false,
        failedAction: "nod",
        reason: "not_seen",
      });
    });

    it("sees the webcam user shake their head", async () => {
      const video = await decodeVideo(await clips.cut(turning!, 6.5, 3.5, "turn.mp4"), { maxFps: 8 });
      const report = await checkVideoLiveness(engine, video, { mode: "action", actions: ["shake"] });
      expect(report.failure).toBeNull();
      expect(report.matchedActions[0]?.magnitude).toBeGreaterThanOrEqual(15);
      expect(report.bestFrame).not.toBeNull();
    });
  },
);
