import { randomInt } from "node:crypto";
import { type MotionAction, motionActions } from "@openekyc/engine";

/**
 * SecurityLevel 5 ("action + lighting, high security") against 4: two actions at least, each one seen
 * inside its own prompt window (not merely in order), and a longer colour sequence.
 */
export const highSecurityLevel = 5;
/** Colours per sequence at level 5 (8 otherwise): more evidence per attempt, a guessed replay less likely. */
export const highSecurityColourCount = 10;
/** Second action added at level 5 when Config.ActionList names one: the easiest others first. */
const completionOrder: readonly MotionAction[] = ["blink", "mouth", "nod", "shake"];

/**
 * The actions one attempt asks for, in the order the page prompts them: Config.ActionList (default blink),
 * completed to two at level 5, and two of them in a fresh random order per attempt, so a recording of an
 * earlier attempt has the wrong order half the time.
 */
export function actionsForAttempt(
  listed: readonly string[],
  level: number,
  pick: (maxExclusive: number) => number = randomInt,
): MotionAction[] {
  const actions = listed.filter((a): a is MotionAction => motionActions.includes(a as MotionAction));
  if (actions.length === 0) actions.push("blink");
  if (level >= highSecurityLevel && actions.length < 2)
    actions.push(completionOrder.find((a) => !actions.includes(a))!);
  if (actions.length === 2 && pick(2) === 1) actions.reverse();
  return actions;
}
