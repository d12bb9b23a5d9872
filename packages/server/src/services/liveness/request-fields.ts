import { EkycError } from "@openekyc/core";
import { type MotionAction, parseValidateData } from "@openekyc/engine";

export type LivenessType = "SILENT" | "ACTION" | "LIP";

export function requireField(value: string | undefined | null, field: string): string {
  if (value === undefined || value === null || value === "") {
    throw new EkycError("MISSING_PARAMETER", `The parameter ${field} is required.`);
  }
  return value;
}

/** LivenessType (one of `allowed`) plus, for ACTION, ValidateData as 1-2 action digits. */
export function parseLivenessChoice(
  livenessType: string | undefined,
  validateData: string | undefined,
  allowed: readonly LivenessType[],
): { livenessType: LivenessType; actions: MotionAction[] } {
  const type = requireField(livenessType, "LivenessType") as LivenessType;
  if (!allowed.includes(type)) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `LivenessType must be one of ${allowed.join(", ")}.`);
  }
  if (type !== "ACTION") return { livenessType: type, actions: [] };
  const actions = parseValidateData(requireField(validateData, "ValidateData"));
  if (!actions || actions.length < 1 || actions.length > 2) {
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      'ValidateData must list one or two actions as digits (1 mouth, 2 blink, 3 nod, 4 shake), e.g. "4,2".',
    );
  }
  return { livenessType: type, actions };
}
