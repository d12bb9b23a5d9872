import { detectMotions } from "../motion/detect.ts";
import type { MotionAction, MotionThresholds } from "../motion/events.ts";
import { checkActionSequence } from "../motion/sequence.ts";
import { median, signalsOf } from "../motion/signals.ts";
import type { FaceEngineApi } from "../types.ts";
import type { DecodedVideo, VideoFrame } from "../video/decode.ts";
import { rankFrames } from "./best-frame.ts";
import { analyseFrames, type FrameFinding } from "./frames.ts";
import type { AntiSpoofEvidence, LivenessFailure, VideoLivenessReport } from "./report.ts";
import { faceRegionChanges } from "./stillness.ts";

export interface VideoLivenessOptions {
  readonly mode: "silent" | "action";
  /** Required actions in order (action mode). */
  readonly actions: readonly MotionAction[];
  /** Shorter videos fail as too short (Tencent: "longer than 2 seconds"). */
  readonly minDurationMs: number;
  /** Share of analysed frames that must show a face. */
  readonly minFaceFrameShare: number;
  /** Share of face frames with a second, comparably large face at which the video fails. */
  readonly maxMultiFaceFrameShare: number;
  /** Calibrated similarity (0-100) every sampled moment must reach against the best frame. */
  readonly identityMinSimilarity: number;
  /** Median face-region change (grey levels) at or below which the video is a still picture. */
  readonly stillMaxChange: number;
  readonly motionThresholds?: Partial<MotionThresholds>;
  /** How many distinct best frames to rank (LivenessCompare can return up to 10 extra). */
  readonly rankedFrameCount: number;
}

export const defaultVideoLivenessOptions: VideoLivenessOptions = {
  mode: "silent",
  actions: [],
  minDurationMs: 2000,
  minFaceFrameShare: 0.5,
  maxMultiFaceFrameShare: 0.2,
  identityMinSimilarity: 50,
  stillMaxChange: 0.35,
  rankedFrameCount: 1,
};

/** Frames near frontal are the only fair ones for identity and anti-spoof checks. */
const NEAR_FRONTAL_DEGREES = 25;

/**
 * Liveness of a decoded video: enough frames with one face, the same face throughout, not a still picture,
 * and in action mode the required actions seen in order. Anti-spoof scores are gathered as evidence only.
 */
export async function checkVideoLiveness(
  engine: FaceEngineApi,
  video: DecodedVideo,
  overrides: Partial<VideoLivenessOptions> = {},
): Promise<VideoLivenessReport> {
  const options = { ...defaultVideoLivenessOptions, ...overrides };
  const base = {
    mode: options.mode,
    requiredActions: options.mode === "action" ? options.actions : [],
    durationMs: video.durationMs,
    framesAnalysed: video.frames.length,
    sampledFps: Math.round(video.sampledFps * 100) / 100,
  };
  if (video.durationMs < options.minDurationMs) {
    return {
      ...base,
      ...emptyEvidence,
      passed: false,
      failure: {
        kind: "too_short",
        message: `The video lasts ${(video.durationMs / 1000).toFixed(1)} s; at least ${options.minDurationMs / 1000} s is needed.`,
      },
    };
  }
  const findings = await analyseFrames(engine, video.frames);
  const withFace = findings.filter((f) => f.subject !== null);
  const multi = withFace.filter((f) => f.significantOtherFaces > 0);
  const events = detectMotions(
    findings.map((f) => ({ timestampMs: f.timestampMs, face: f.subject ? signalsOf(f.subject) : null })),
    options.motionThresholds,
  );
  const sequence = options.mode === "action" ? checkActionSequence(events, options.actions) : null;
  const ranked = rankFrames(findings, Math.max(1, options.rankedFrameCount)).flatMap((choice) => {
    const image = video.frames[choice.index];
    return image ? [{ ...choice, image }] : [];
  });
  const best = ranked[0] ?? null;
  const bestImage = best?.image;
  const changes = faceRegionChanges(video.frames, findings);
  const faceRegionChange = changes.length > 0 ? Math.round(median(changes) * 1000) / 1000 : null;
  const probes = bestImage && best ? pickProbeFrames(findings, video.frames, best.index) : [];
  const [identitySimilarities, antiSpoof] = bestImage
    ? await Promise.all([
        Promise.all(probes.map(async (probe) => (await engine.compare(bestImage, probe)).similarity)),
        gatherAntiSpoof(engine, [bestImage, ...probes]),
      ])
    : [[], null];
  const evidence = {
    framesWithFace: withFace.length,
    framesWithMultipleFaces: multi.length,
    events,
    matchedActions: sequence?.matched ?? [],
    bestFrame: best,
    rankedFrames: ranked,
    identitySimilarities,
    faceRegionChange,
    antiSpoof,
  };
  const failure = firstFailure(
    options,
    findings,
    withFace,
    multi,
    sequence,
    identitySimilarities,
    faceRegionChange,
  );
  return { ...base, ...evidence, passed: failure === null && evidence.bestFrame !== null, failure };
}

const emptyEvidence = {
  framesWithFace: 0,
  framesWithMultipleFaces: 0,
  events: [],
  matchedActions: [],
  bestFrame: null,
  rankedFrames: [],
  identitySimilarities: [],
  faceRegionChange: null,
  antiSpoof: null,
} as const;

function firstFailure(
  options: VideoLivenessOptions,
  findings: readonly FrameFinding[],
  withFace: readonly FrameFinding[],
  multi: readonly FrameFinding[],
  sequence: ReturnType<typeof checkActionSequence> | null,
  identitySimilarities: readonly number[],
  faceRegionChange: number | null,
): LivenessFailure | null {
  if (withFace.length === 0 || withFace.length < findings.length * options.minFaceFrameShare) {
    return {
      kind: "no_face",
      message: `A face was found in ${withFace.length} of ${findings.length} frames; at least ${Math.round(options.minFaceFrameShare * 100)}% are needed.`,
    };
  }
  if (multi.length > withFace.length * options.maxMultiFaceFrameShare) {
    return {
      kind: "multiple_faces",
      message: `${multi.length} of ${withFace.length} frames show more than one face.`,
    };
  }
  if (sequence && !sequence.passed) {
    return sequence.reason === "not_seen"
      ? {
          kind: "action_not_seen",
          action: sequence.failedAction,
          message: `No ${sequence.failedAction} was seen.`,
        }
      : {
          kind: "action_out_of_order",
          action: sequence.failedAction,
          message: `A ${sequence.failedAction} was seen, but not after the action required before it.`,
        };
  }
  const lowest = Math.min(...identitySimilarities);
  if (identitySimilarities.length > 0 && lowest < options.identityMinSimilarity) {
    return {
      kind: "face_changed",
      message: `The face at another moment of the video matches the best frame at only ${lowest.toFixed(1)} (needs ${options.identityMinSimilarity}).`,
    };
  }
  if (faceRegionChange !== null && faceRegionChange <= options.stillMaxChange) {
    return {
      kind: "still_picture",
      message: `The face region barely changes between frames (median ${faceRegionChange} grey levels): a still picture.`,
    };
  }
  return null;
}

/** Up to two single-face, near-frontal frames from early and late in the video, away from the best frame. */
function pickProbeFrames(
  findings: readonly FrameFinding[],
  frames: readonly VideoFrame[],
  bestIndex: number,
): VideoFrame[] {
  const usable = findings.filter(
    (f) =>
      f.subject !== null &&
      f.significantOtherFaces === 0 &&
      f.index !== bestIndex &&
      Math.abs(f.subject.pose.yaw) <= NEAR_FRONTAL_DEGREES &&
      Math.abs(f.subject.pose.pitch) <= NEAR_FRONTAL_DEGREES,
  );
  if (usable.length === 0) return [];
  const picks = new Set([
    usable[Math.floor(usable.length * 0.15)]?.index,
    usable[Math.floor(usable.length * 0.85)]?.index,
  ]);
  return [...picks].flatMap((index) => {
    const frame = index === undefined ? undefined : frames[index];
    return frame ? [frame] : [];
  });
}

async function gatherAntiSpoof(
  engine: FaceEngineApi,
  images: readonly VideoFrame[],
): Promise<AntiSpoofEvidence | null> {
  const results = await Promise.all(images.map((image) => engine.antiSpoof(image)));
  const frames = results.flatMap((result, i) =>
    result.raw
      ? [{ timestampMs: images[i]!.timestampMs, real: result.raw.antispoofReal, live: result.raw.liveness }]
      : [],
  );
  if (frames.length === 0) return null;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    frames: frames.map((f) => ({ timestampMs: f.timestampMs, real: round(f.real), live: round(f.live) })),
    meanReal: round(frames.reduce((sum, f) => sum + f.real, 0) / frames.length),
    minReal: round(Math.min(...frames.map((f) => f.real))),
    meanLive: round(frames.reduce((sum, f) => sum + f.live, 0) / frames.length),
  };
}
