import {
  defaultMotionThresholds,
  type MotionAction,
  type MotionEvent,
  type MotionThresholds,
} from "./events.ts";
import { type FaceSignals, type MotionSample, median, quantile, rollingQuantile } from "./signals.ts";

/** Blinks last 100-400 ms; a ±1.5 s window keeps the open-eye baseline steady through them. */
const BLINK_BASELINE_HALF_WINDOW_MS = 1500;

/** Every blink, mouth opening, nod and shake seen in the samples, in time order. */
export function detectMotions(
  samples: readonly MotionSample[],
  thresholds: Partial<MotionThresholds> = {},
): MotionEvent[] {
  const limits = { ...defaultMotionThresholds, ...thresholds };
  const ordered = [...samples].sort((a, b) => a.timestampMs - b.timestampMs);
  return [
    ...detectBlinks(ordered, limits),
    ...detectMouthOpenings(ordered, limits),
    ...detectHeadTurns(ordered, "nod", limits.nodMinDegrees),
    ...detectHeadTurns(ordered, "shake", limits.shakeMinDegrees),
  ].sort((a, b) => a.startMs - b.startMs);
}

interface Run {
  readonly first: number;
  readonly last: number;
}

/** Maximal runs of consecutive indices where `inside` holds. */
function runsWhere(count: number, inside: (index: number) => boolean): Run[] {
  const runs: Run[] = [];
  let first = -1;
  for (let i = 0; i <= count; i++) {
    if (i < count && inside(i)) {
      if (first < 0) first = i;
    } else if (first >= 0) {
      runs.push({ first, last: i - 1 });
      first = -1;
    }
  }
  return runs;
}

function restingPose(samples: readonly MotionSample[]): { yaw: number; pitch: number } {
  const faces = samples.flatMap((s) => (s.face ? [s.face] : []));
  return { yaw: median(faces.map((f) => f.yaw)), pitch: median(faces.map((f) => f.pitch)) };
}

export function detectBlinks(samples: readonly MotionSample[], limits: MotionThresholds): MotionEvent[] {
  const rest = restingPose(samples);
  const usable = (face: FaceSignals | null): face is FaceSignals =>
    face !== null &&
    Math.abs(face.yaw - rest.yaw) <= limits.blinkMaxPoseDeviation &&
    Math.abs(face.pitch - rest.pitch) <= limits.blinkMaxPoseDeviation;
  const usableSamples = samples.map((s) => ({
    timestampMs: s.timestampMs,
    face: usable(s.face) ? s.face : null,
  }));
  const baseline = rollingQuantile(usableSamples, (f) => f.eyeOpenness, BLINK_BASELINE_HALF_WINDOW_MS, 0.75);
  const eye = (i: number) => usableSamples[i]?.face?.eyeOpenness ?? Number.NaN;
  const closed = (i: number) => {
    const base = baseline[i] ?? Number.NaN;
    return eye(i) < base * limits.blinkCloseRatio && base - eye(i) >= limits.blinkMinDrop;
  };
  const open = (i: number) => eye(i) >= (baseline[i] ?? Number.NaN) * limits.blinkReopenRatio;
  const time = (i: number) => samples[i]?.timestampMs ?? 0;
  const events: MotionEvent[] = [];
  for (const run of runsWhere(samples.length, closed)) {
    if (time(run.last) - time(run.first) > limits.blinkMaxClosedMs) continue;
    const openBefore = findIndex(run.first - 1, -1, samples.length, (i) =>
      time(run.first) - time(i) > limits.blinkOpenWithinMs ? "stop" : open(i),
    );
    // Reopening is judged against the level before the closure: during a long closure the rolling
    // baseline itself sinks, and shut eyes would otherwise pass as "open" again.
    const levelBefore = baseline[run.first] ?? Number.NaN;
    const openAfter = findIndex(run.last + 1, 1, samples.length, (i) =>
      time(i) - time(run.last) > limits.blinkOpenWithinMs
        ? "stop"
        : eye(i) >= levelBefore * limits.blinkReopenRatio,
    );
    if (openBefore < 0 || openAfter < 0) continue;
    let peak = run.first;
    for (let i = run.first; i <= run.last; i++) if (eye(i) < eye(peak)) peak = i;
    events.push({
      action: "blink",
      startMs: time(run.first),
      peakMs: time(peak),
      endMs: time(run.last),
      magnitude: round3(1 - eye(peak) / (baseline[peak] ?? 1)),
    });
  }
  return events;
}

export function detectMouthOpenings(
  samples: readonly MotionSample[],
  limits: MotionThresholds,
): MotionEvent[] {
  const gaps = samples.flatMap((s) => (s.face ? [s.face.mouthOpenness] : []));
  // Most frames show the mouth at rest (closed or slightly parted), so a low quantile is the person's rest.
  const rest = quantile(gaps, 0.2);
  const openAt = Math.max(limits.mouthMinOpen, rest + limits.mouthMinRise);
  const closedAt = rest + limits.mouthMinRise / 2;
  const gap = (i: number) => samples[i]?.face?.mouthOpenness ?? Number.NaN;
  const time = (i: number) => samples[i]?.timestampMs ?? 0;
  const events: MotionEvent[] = [];
  for (const run of runsWhere(samples.length, (i) => gap(i) >= openAt)) {
    // An opening is a change: the mouth must be seen nearer rest before or after it.
    const restBefore = findIndex(run.first - 1, -1, samples.length, (i) => gap(i) <= closedAt);
    const restAfter = findIndex(run.last + 1, 1, samples.length, (i) => gap(i) <= closedAt);
    if (restBefore < 0 && restAfter < 0) continue;
    let peak = run.first;
    for (let i = run.first; i <= run.last; i++) if (gap(i) > gap(peak)) peak = i;
    events.push({
      action: "mouth",
      startMs: time(run.first),
      peakMs: time(peak),
      endMs: time(run.last),
      magnitude: round3(gap(peak) - rest),
    });
  }
  return events;
}

export function detectHeadTurns(
  samples: readonly MotionSample[],
  action: Extract<MotionAction, "nod" | "shake">,
  minDegrees: number,
): MotionEvent[] {
  const rest = restingPose(samples);
  const along = (face: FaceSignals) => (action === "nod" ? face.pitch - rest.pitch : face.yaw - rest.yaw);
  const across = (face: FaceSignals) => (action === "nod" ? face.yaw - rest.yaw : face.pitch - rest.pitch);
  const deviation = (i: number) => {
    const face = samples[i]?.face;
    return face ? Math.abs(along(face)) : Number.NaN;
  };
  const crossDeviation = (i: number) => {
    const face = samples[i]?.face;
    return face ? Math.abs(across(face)) : Number.NaN;
  };
  const time = (i: number) => samples[i]?.timestampMs ?? 0;
  const events: MotionEvent[] = [];
  for (const run of runsWhere(samples.length, (i) => deviation(i) >= minDegrees)) {
    let peak = run.first;
    for (let i = run.first; i <= run.last; i++) if (deviation(i) > deviation(peak)) peak = i;
    // One stray frame is only believed when it is far past the threshold (pose estimates jitter by a few degrees).
    if (run.first === run.last && deviation(peak) < minDegrees * 1.5) continue;
    // A nod moves pitch more than yaw, a shake the other way round.
    if (crossDeviation(peak) >= deviation(peak)) continue;
    const nearRest = (i: number) => deviation(i) < minDegrees / 2;
    const restBefore = findIndex(run.first - 1, -1, samples.length, nearRest);
    const restAfter = findIndex(run.last + 1, 1, samples.length, nearRest);
    if (restBefore < 0 && restAfter < 0) continue;
    events.push({
      action,
      startMs: time(run.first),
      peakMs: time(peak),
      endMs: time(run.last),
      magnitude: round3(deviation(peak)),
    });
  }
  return events;
}

/** Walks from `start` in `step` direction; the first index where `test` is true, or -1 (also on "stop"). */
function findIndex(
  start: number,
  step: 1 | -1,
  count: number,
  test: (i: number) => boolean | "stop",
): number {
  for (let i = start; i >= 0 && i < count; i += step) {
    const verdict = test(i);
    if (verdict === "stop") return -1;
    if (verdict) return i;
  }
  return -1;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
