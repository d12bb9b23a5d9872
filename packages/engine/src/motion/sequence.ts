import type { MotionAction, MotionEvent } from "./events.ts";

export type SequenceVerdict =
  | { readonly passed: true; readonly matched: readonly MotionEvent[] }
  | {
      readonly passed: false;
      /** The first required action that could not be matched. */
      readonly failedAction: MotionAction;
      /** "not_seen": never happened; "out_of_order": happened, but not after the action before it. */
      readonly reason: "not_seen" | "out_of_order";
      /** The required actions matched before the failure. */
      readonly matched: readonly MotionEvent[];
    };

/**
 * Whether the required actions happened in the required order. Greedy earliest matching is exact here:
 * taking the earliest possible event for each step leaves the most room for the steps after it.
 */
export function checkActionSequence(
  events: readonly MotionEvent[],
  required: readonly MotionAction[],
): SequenceVerdict {
  const ordered = [...events].sort((a, b) => a.peakMs - b.peakMs);
  const matched: MotionEvent[] = [];
  let after = Number.NEGATIVE_INFINITY;
  for (const action of required) {
    const next = ordered.find((event) => event.action === action && event.peakMs > after);
    if (!next) {
      const seenAtAll = ordered.some((event) => event.action === action);
      return {
        passed: false,
        failedAction: action,
        reason: seenAtAll ? "out_of_order" : "not_seen",
        matched,
      };
    }
    matched.push(next);
    after = next.peakMs;
  }
  return { passed: true, matched };
}

/** Tencent `ValidateData` digits: 1 mouth, 2 blink, 3 nod, 4 shake, comma-separated. Null when malformed. */
export function parseValidateData(value: string): MotionAction[] | null {
  const byDigit: Record<string, MotionAction> = { "1": "mouth", "2": "blink", "3": "nod", "4": "shake" };
  const parts = value.split(",").map((part) => part.trim());
  const actions: MotionAction[] = [];
  for (const part of parts) {
    const action = byDigit[part];
    if (!action) return null;
    actions.push(action);
  }
  return actions;
}
