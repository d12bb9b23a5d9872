import type { ReflectionSample } from "./measure.ts";
import { linearRgb, type Rgb } from "./palette.ts";
import type { ReflectSequence } from "./sequence.ts";
import { correlation, detrend, slope, structureRatio, trendBasis } from "./stats.ts";

/** When each colour of the sequence became visible, and when the colour phase ended, in the capture's clock (ms). */
export interface ReflectionTimeline {
  readonly colours: readonly { readonly index: number; readonly t: number }[];
  readonly endT: number;
}

/** The screen colour outside the colour phase (the page fills the screen with it before and after). */
export const restColour: Rgb = [128, 128, 128];

export const reflectionThresholds = {
  /** Mean per-channel correlation the face must reach against the emitted sequence. */
  minCorrelation: 0.55,
  /** Two channels must reach this (the third 3/4 of it): a replay matching one channel by chance fails. */
  minChannelCorrelation: 0.4,
  /**
   * Accepted delay between "colour on screen" and "colour on the face in a frame": display latency plus the camera
   * pipeline. A relay or re-render adds ≥ 300 ms and lands outside.
   */
  lagWindowMs: [-60, 220] as const,
  /** Lags scanned to tell "late" from "absent". */
  scanMs: [-400, 1000] as const,
  scanStepMs: 10,
  minAnalysedFrames: 20,
  /** A face changing colour this much more than noise, but not with our sequence, is replaying something else. */
  replayStructure: 3.2,
  /** Each colour's measured duration on screen may differ from the plan by this much (dropped frames). */
  timelineToleranceMs: 150,
} as const;

export interface ReflectionScores {
  /** Mean channel correlation at the best lag inside the accepted window. */
  readonly correlation: number;
  readonly channelCorrelations: readonly [number, number, number];
  /** Lag (ms) where the correlation peaks over the whole scan, and that peak. */
  readonly lagMs: number;
  readonly peakCorrelation: number;
  /** Relative face brightening per unit of screen light (log units): a few % for a real face. */
  readonly amplitude: number;
  /** Structure in the face's colour beyond frame noise (≈ 1 when the face colour does not change). */
  readonly structure: number;
  readonly analysedFrames: number;
}

export type ReflectionFailure = "timeline" | "too_few_frames" | "no_response" | "other_sequence" | "late";

export interface ReflectionVerdict {
  readonly passed: boolean;
  /** Web result code: 0, 1401 (no reflection), 1002 (replay / relay), 1107 (capture too short). */
  readonly code: 0 | 1002 | 1107 | 1401;
  readonly failure: ReflectionFailure | null;
  readonly scores: ReflectionScores | null;
}

/** Checks the page's colour timeline against the server's sequence: same order, durations as planned. */
export function timelineMatches(sequence: ReflectSequence, timeline: ReflectionTimeline): boolean {
  const { colours } = timeline;
  if (colours.length !== sequence.colours.length) return false;
  for (let i = 0; i < colours.length; i++) {
    const entry = colours[i]!;
    const next = i + 1 < colours.length ? colours[i + 1]!.t : timeline.endT;
    if (entry.index !== i || !(next > entry.t)) return false;
    if (Math.abs(next - entry.t - sequence.colours[i]!.durationMs) > reflectionThresholds.timelineToleranceMs)
      return false;
  }
  return true;
}

/** Screen colour (linear) visible at capture time `t`. */
function screenAt(sequence: ReflectSequence, timeline: ReflectionTimeline, t: number): readonly number[] {
  if (t < (timeline.colours[0]?.t ?? 0) || t >= timeline.endT) return restLinear;
  let index = 0;
  for (let i = 0; i < timeline.colours.length && timeline.colours[i]!.t <= t; i++) index = i;
  return sequenceLinear(sequence)[index]!;
}

const restLinear = linearRgb(restColour);
const linearCache = new WeakMap<ReflectSequence, number[][]>();
function sequenceLinear(sequence: ReflectSequence): number[][] {
  let cached = linearCache.get(sequence);
  if (!cached) {
    cached = sequence.colours.map((c) => linearRgb(c.rgb));
    linearCache.set(sequence, cached);
  }
  return cached;
}

/**
 * The face's response per channel: log(face / background), which cancels exposure and white-balance changes
 * (they scale both alike). Without a background, log chroma (channel minus the channel mean) cancels exposure.
 */
function faceResponse(samples: readonly ReflectionSample[]): Float64Array[] {
  const withBackground = samples.every((s) => s.background.every(Number.isFinite));
  const eps = 0.004;
  return [0, 1, 2].map((c) =>
    Float64Array.from(samples, (s) => {
      if (withBackground) return Math.log(s.face[c]! + eps) - Math.log(s.background[c]! + eps);
      const mean = (Math.log(s.face[0]! + eps) + Math.log(s.face[1]! + eps) + Math.log(s.face[2]! + eps)) / 3;
      return Math.log(s.face[c]! + eps) - mean;
    }),
  );
}

/**
 * Does the face reflect the emitted sequence, on time? Samples must be sorted by `t` (the capture-package parser
 * guarantees it). Pure and deterministic.
 */
export function analyseReflection(
  sequence: ReflectSequence,
  timeline: ReflectionTimeline,
  samples: readonly ReflectionSample[],
): ReflectionVerdict {
  if (!timelineMatches(sequence, timeline))
    return { passed: false, code: 1401, failure: "timeline", scores: null };
  if (samples.length < reflectionThresholds.minAnalysedFrames)
    return { passed: false, code: 1107, failure: "too_few_frames", scores: null };
  const times = samples.map((s) => s.t);
  const basis = trendBasis(times);
  const observed = faceResponse(samples).map((channel) => detrend(channel, basis));
  const evaluate = (lag: number) => {
    const expected = [0, 1, 2].map((c) =>
      detrend(
        times.map((t) => screenAt(sequence, timeline, t - lag)[c]!),
        basis,
      ),
    );
    const perChannel = [0, 1, 2].map((c) => correlation(observed[c]!, expected[c]!)) as [
      number,
      number,
      number,
    ];
    const amplitude = [0, 1, 2].reduce((sum, c) => sum + slope(observed[c]!, expected[c]!), 0) / 3;
    return { perChannel, mean: (perChannel[0] + perChannel[1] + perChannel[2]) / 3, amplitude };
  };
  const [windowLo, windowHi] = reflectionThresholds.lagWindowMs;
  let peak = { lag: 0, ...evaluate(0) };
  let onTime = peak;
  for (
    let lag = reflectionThresholds.scanMs[0];
    lag <= reflectionThresholds.scanMs[1];
    lag += reflectionThresholds.scanStepMs
  ) {
    const result = { lag, ...evaluate(lag) };
    if (result.mean > peak.mean) peak = result;
    if (lag >= windowLo && lag <= windowHi && result.mean > onTime.mean) onTime = result;
  }
  // Structure of the chroma (channel minus the channel mean): a moving print changes brightness in all channels
  // alike, a replayed colour sequence changes the face's colour.
  const chroma = observed.map((channel) =>
    channel.map((v, i) => v - (observed[0]![i]! + observed[1]![i]! + observed[2]![i]!) / 3),
  );
  const structure = chroma.reduce((sum, channel) => sum + structureRatio(channel), 0) / 3;
  const scores: ReflectionScores = {
    correlation: onTime.mean,
    channelCorrelations: onTime.perChannel,
    lagMs: peak.lag,
    peakCorrelation: peak.mean,
    amplitude: onTime.amplitude,
    structure,
    analysedFrames: samples.length,
  };
  const min = reflectionThresholds.minCorrelation;
  // The global peak decides timing: a late response still correlates partly inside the window, so the window
  // test is on where the peak is, not on the in-window value alone.
  // Two channels must follow clearly and none may be flat: a face or room can weaken one channel (a red
  // background, a tinted lamp), a replayed sequence matches one channel at most by chance.
  const [weakest, middle] = [...peak.perChannel].sort((a, b) => a - b);
  const channelsFollow =
    middle! >= reflectionThresholds.minChannelCorrelation &&
    weakest! >= reflectionThresholds.minChannelCorrelation * 0.75;
  if (peak.mean >= min && channelsFollow && peak.amplitude > 0) {
    const inWindow = peak.lag >= windowLo && peak.lag <= windowHi;
    return inWindow
      ? { passed: true, code: 0, failure: null, scores }
      : { passed: false, code: 1002, failure: "late", scores };
  }
  if (structure >= reflectionThresholds.replayStructure)
    return { passed: false, code: 1002, failure: "other_sequence", scores };
  return { passed: false, code: 1401, failure: "no_response", scores };
}
