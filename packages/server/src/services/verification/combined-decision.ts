import type { ActionPhase, MotionAction, MotionEvent } from "@openekyc/engine";

/** Same-person check between the action phase's best frame and the colour phase's (calibrated 0-100). */
export const CROSS_PHASE_MIN_SIMILARITY = 60;
/** Level 5: an action may still land this long after the next prompt appeared (reaction time). */
export const PROMPT_WINDOW_GRACE_MS = 600;

export interface PhaseVerdict {
  /** Web liveness code of the phase alone: 0 passed. */
  readonly code: number;
  readonly detail: string;
}

export interface CombinedPhases {
  readonly action: PhaseVerdict;
  /** Level 5 only: every action inside its own prompt window; null at level 4. */
  readonly windows: PhaseVerdict | null;
  readonly reflection: PhaseVerdict;
  /** Best action frame against best colour frame; null when either phase had no usable face. */
  readonly crossPhaseSimilarity: number | null;
}

/**
 * The combined liveness decision (SecurityLevel 4/5): both phases must pass. The first failure in capture
 * order decides the code (actions, then their windows, then the colours), so the user's hint speaks of the
 * first thing that went wrong; both phase codes stay in the attempt's evidence. Two phases that each pass
 * on different faces fail as 1005: a person doing the actions and a print lit by the screen are not one
 * live person.
 */
export function combinedLiveness(phases: CombinedPhases): PhaseVerdict {
  if (phases.action.code !== 0) return phases.action;
  if (phases.windows && phases.windows.code !== 0) return phases.windows;
  if (phases.reflection.code !== 0) return phases.reflection;
  if (phases.crossPhaseSimilarity === null || phases.crossPhaseSimilarity < CROSS_PHASE_MIN_SIMILARITY)
    return { code: 1005, detail: "The face doing the actions is not the face that reflected the colours." };
  return { code: 0, detail: "The actions were seen in order and the face reflected the colours on time." };
}

/**
 * Level 5: each required action must peak inside its own prompt window, from its prompt to the next
 * prompt (plus reaction time), the last one to the end of the action phase. A recording that happens to
 * hold the actions in the right order, but not when they were asked for, fails.
 */
export function actionsInPromptWindows(
  events: readonly MotionEvent[],
  phase: ActionPhase,
  required: readonly MotionAction[],
): PhaseVerdict {
  for (const [i, action] of required.entries()) {
    const from = phase.prompts[i]?.t ?? Number.POSITIVE_INFINITY;
    const next = phase.prompts[i + 1]?.t;
    const until = next === undefined ? phase.endT : Math.min(phase.endT, next + PROMPT_WINDOW_GRACE_MS);
    if (!events.some((e) => e.action === action && e.peakMs >= from && e.peakMs <= until))
      return { code: 1208, detail: `No ${action} was seen while its prompt was shown.` };
  }
  return { code: 0, detail: "Every action came while its prompt was shown." };
}
