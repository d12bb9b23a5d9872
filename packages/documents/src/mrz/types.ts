import type { CheckName, MrzFormat } from "./formats.ts";

export type { CheckName, MrzFormat } from "./formats.ts";

/** Parsed MRZ fields; fillers removed, names with `<` turned into spaces, dates as printed (YYMMDD). */
export interface MrzFields {
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality: string | null;
  readonly birthDate: string;
  readonly sex: string;
  readonly expiryDate: string | null;
  readonly personalNumber: string | null;
  readonly optionalData1: string | null;
  readonly optionalData2: string | null;
}

export interface MrzCheck {
  readonly name: CheckName;
  readonly valid: boolean;
  /** The check character as it stands after corrections. */
  readonly printed: string;
  /** What the data computes to (`?` when the data holds a non-MRZ character). */
  readonly expected: string;
}

export interface MrzCorrection {
  readonly line: number;
  readonly position: number;
  readonly from: string;
  readonly to: string;
  readonly field: string;
  /** `check-digit`: the field's own check digit fails as read and passes after this substitution (and the
   * composite agrees); `format`: the field can only hold letters (or digits) and this is an OCR look-alike;
   * `filler`: an isolated `K` inside a filler run of the name field (OCR-B `<` is often read as `K`). */
  readonly reason: "check-digit" | "format" | "filler";
}

export type MrzWarningCode =
  | "NON_MRZ_CHARACTER"
  | "INVALID_DATE"
  | "INVALID_SEX"
  | "INVALID_COUNTRY_CODE"
  | "UNKNOWN_COUNTRY_CODE"
  | "FILLER_CORRECTED"
  | "NAME_FILLER_NOISE"
  | "CHECK_DIGIT_FAILED"
  | "LINE_LENGTH_ADJUSTED"
  | "NAME_MISMATCH_VIZ"
  | "NAME_NOT_IN_VIZ"
  | "DOCUMENT_EXPIRED";

export interface MrzWarning {
  readonly code: MrzWarningCode;
  readonly message: string;
}

export type MrzErrorCode = "MRZ_NOT_FOUND" | "MRZ_FORMAT_UNKNOWN" | "MRZ_UNREADABLE";

/** Tencent FaceID `InternationalIDPassport` (dates as YYYY-MM-DD). */
export interface InternationalIDPassport {
  LicenseNumber: string | null;
  FullName: string | null;
  Surname: string | null;
  GivenName: string | null;
  Birthday: string | null;
  Sex: string | null;
  DateOfExpiration: string | null;
  IssuingCountry: string | null;
  NationalityCode: string | null;
  PassportCodeFirst: string | null;
  PassportCodeSecond: string | null;
}

export interface MrzReading {
  /** An MRZ was located (image input) or the lines fit a known layout (text input). */
  readonly found: boolean;
  readonly format: MrzFormat | null;
  /** MRZ lines after the corrections listed in `corrections`. */
  readonly lines: string[];
  /** Lines as read (OCR) or given (text), before corrections. */
  readonly rawLines: string[];
  readonly fields: MrzFields | null;
  readonly checks: MrzCheck[];
  /** Every check digit passes (after proven corrections) and the dates are calendar dates. */
  readonly valid: boolean;
  readonly corrections: MrzCorrection[];
  readonly warnings: MrzWarning[];
  readonly error?: { readonly code: MrzErrorCode; readonly message: string };
}
