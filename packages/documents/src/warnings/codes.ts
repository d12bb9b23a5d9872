/** WarnCardInfos codes (reference §6.3). */
export const WARNING_CODES = {
  BORDER_INCOMPLETE: -9101,
  PHOTOCOPY: -9102,
  SCREEN_RECAPTURE: -9103,
  EDITED: -9104,
  GLARE: -9107,
  BLUR: -9108,
  FEATURE_NOT_ENABLED: -9109,
  OTHER: -9901,
} as const;
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];

const SELECTABLE: readonly number[] = [-9101, -9102, -9103, -9104, -9107, -9108, -9109, -9901];

export interface WarningPolicy {
  /** `DisableCheckOcrWarnings`: true = warnings are reported but never block. */
  disableCheckOcrWarnings?: boolean | null;
  /**
   * `SelectedWarningCodes`: which codes block. A comma string in WebVerificationConfigIntl, an int array in
   * ApplySdkVerificationToken; empty or absent = all codes.
   */
  selectedWarningCodes?: string | readonly number[] | null;
}

/** Parses `SelectedWarningCodes` in either wire form; unknown codes are dropped. Empty → null (= all). */
export function parseSelectedWarningCodes(value: WarningPolicy["selectedWarningCodes"]): number[] | null {
  if (value === null || value === undefined) return null;
  const items =
    typeof value === "string"
      ? value
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map(Number)
      : [...value];
  const codes = items.filter((c) => Number.isInteger(c) && SELECTABLE.includes(c));
  return codes.length ? [...new Set(codes)] : null;
}

/** The warnings that stop the flow under the merchant's policy (order kept as detected). */
export function blockingWarnings(warnings: readonly number[], policy: WarningPolicy = {}): number[] {
  if (policy.disableCheckOcrWarnings) return [];
  const selected = parseSelectedWarningCodes(policy.selectedWarningCodes);
  return warnings.filter((w) => selected === null || selected.includes(w));
}
