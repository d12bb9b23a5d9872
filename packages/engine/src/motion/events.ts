/** The four challenge actions, with the Tencent `ValidateData` digit each one answers to. */
export type MotionAction = "blink" | "mouth" | "nod" | "shake";

export const motionActions: readonly MotionAction[] = ["blink", "mouth", "nod", "shake"];

/** One action seen in the video. */
export interface MotionEvent {
  readonly action: MotionAction;
  /** First frame of the action (eyes closed, mouth open, head turned past the threshold). */
  readonly startMs: number;
  /** Frame where the action was strongest. */
  readonly peakMs: number;
  /** Last frame of the action. */
  readonly endMs: number;
  /**
   * How strong it was: blink = share of the open-eye baseline lost (0-1); mouth = rise of the lip gap over
   * the closed-mouth baseline; nod/shake = degrees away from the resting head pose.
   */
  readonly magnitude: number;
}

/** Thresholds, all relative to the person's own resting baseline except where said. */
export interface MotionThresholds {
  /** Eyes count as closed below this share of the rolling open-eye baseline. */
  readonly blinkCloseRatio: number;
  /** …and only when the eye aspect ratio dropped at least this much in absolute terms. */
  readonly blinkMinDrop: number;
  /** Eyes count as open again at or above this share of the baseline. */
  readonly blinkReopenRatio: number;
  /** Closures longer than this are not a blink. */
  readonly blinkMaxClosedMs: number;
  /** The reopened eye must be seen within this time before and after the closure. */
  readonly blinkOpenWithinMs: number;
  /** Frames whose head pose is further than this from rest are not used for blinks (eye ratio distorts). */
  readonly blinkMaxPoseDeviation: number;
  /** Mouth counts as open when the lip gap rose this much over the closed-mouth baseline… */
  readonly mouthMinRise: number;
  /** …and is at least this wide in absolute terms. */
  readonly mouthMinOpen: number;
  /** Head pitch away from rest, degrees, that counts as a nod. */
  readonly nodMinDegrees: number;
  /** Head yaw away from rest, degrees, that counts as a shake (turn). */
  readonly shakeMinDegrees: number;
}

export const defaultMotionThresholds: MotionThresholds = {
  blinkCloseRatio: 0.72,
  blinkMinDrop: 0.05,
  blinkReopenRatio: 0.85,
  blinkMaxClosedMs: 1500,
  blinkOpenWithinMs: 1200,
  blinkMaxPoseDeviation: 20,
  mouthMinRise: 0.18,
  mouthMinOpen: 0.22,
  nodMinDegrees: 12,
  shakeMinDegrees: 15,
};
