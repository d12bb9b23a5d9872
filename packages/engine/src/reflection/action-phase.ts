import { EkycError } from "@openekyc/core";
import { type MotionAction, motionActions } from "../motion/events.ts";

/**
 * The action phase of a combined capture (SecurityLevel 4/5): before the colours, the page prompted each
 * action in turn while the same frame grabber ran. Frames with `t < endT` belong to it, the rest to the
 * colour phase. Prompt times are the client's claim, in the capture's clock; the server only uses them
 * to cut windows, the actions themselves are judged from the frames.
 */
export interface ActionPhase {
  /** Each prompt in the order shown: which action, and when the prompt appeared. */
  readonly prompts: readonly { readonly action: MotionAction; readonly t: number }[];
  /** When the action phase ended (the colour phase's rest colour appeared). */
  readonly endT: number;
}

/** At most this many prompts (the API allows two actions; room for one repeat). */
const MAX_PROMPTS = 4;

function invalid(message: string): EkycError {
  return new EkycError("INVALID_PARAMETER_VALUE", `Capture package: ${message}`);
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Validates an untrusted `actions` manifest entry against the frame times and the colour timeline: prompts
 * of known actions in increasing time, all inside the frames, and the phase over before the first colour.
 */
export function validateActionPhase(
  raw: unknown,
  frameTimes: { readonly first: number },
  firstColourT: number,
): ActionPhase {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalid("actions malformed");
  const { prompts, endT } = raw as Record<string, unknown>;
  if (!Array.isArray(prompts) || prompts.length === 0 || prompts.length > MAX_PROMPTS)
    throw invalid(`actions.prompts must hold 1–${MAX_PROMPTS} entries`);
  if (!finite(endT)) throw invalid("actions.endT missing");
  let previous = Number.NEGATIVE_INFINITY;
  const checked = prompts.map((p: unknown, i: number) => {
    const entry = (typeof p === "object" && p !== null ? p : {}) as Record<string, unknown>;
    if (!motionActions.includes(entry.action as MotionAction) || !finite(entry.t))
      throw invalid(`actions.prompts[${i}] malformed`);
    if (!(entry.t > previous)) throw invalid(`actions.prompts[${i}] is not increasing`);
    previous = entry.t;
    return { action: entry.action as MotionAction, t: entry.t };
  });
  if (checked[0]!.t < frameTimes.first) throw invalid("frames do not cover the action phase");
  if (!(endT > previous)) throw invalid("actions.endT precedes its last prompt");
  if (endT > firstColourT) throw invalid("the action phase must end before the first colour");
  return { prompts: checked, endT };
}
