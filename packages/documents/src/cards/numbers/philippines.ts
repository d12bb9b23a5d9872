/**
 * Philippine card numbers. None of these agencies publishes a check-digit rule (the PSA says only that the PCN is a
 * token of the confidential PhilSys Number), so these validators check the printed structure only (and say so: a well-formed number may still be fictitious).
 */
const PATTERNS = {
  /** COMELEC voter's ID VIN, e.g. `2612-0053C-A1502ERM20000`. */
  vin: /^\d{4}-?\d{4,5}[A-Z]-?[A-Z]\d{4}[A-Z]{2,3}\d{5}$/,
  /** LTO driver's licence, e.g. `N01-12-345678` (agency code, year, serial). */
  driversLicense: /^[A-Z]\d{2}-?\d{2}-?\d{6}$/,
  /** BIR taxpayer identification number `123-456-789` plus a 3- or 5-digit branch code. */
  tin: /^\d{3}-?\d{3}-?\d{3}(?:-?(?:\d{3}|\d{5}))?$/,
  /** SSS number `34-1234567-8`. */
  sss: /^\d{2}-?\d{7}-?\d$/,
  /** UMID common reference number `CRN-0111-2345678-9`. */
  crn: /^(?:CRN-?)?\d{4}-?\d{7}-?\d$/,
  /** PhilSys Card Number on the PhilID front, 16 digits printed in groups of four: `1234-5678-9012-3456`. */
  pcn: /^\d{4}-?\d{4}-?\d{4}-?\d{4}$/,
} as const;
export type PhilippineNumberKind = keyof typeof PATTERNS;

export function isWellFormedPhilippineNumber(kind: PhilippineNumberKind, input: string): boolean {
  return PATTERNS[kind].test(input.replace(/\s/g, "").toUpperCase());
}

/** Canonical hyphenated form of a well-formed number, or null. */
export function formatPhilippineNumber(kind: PhilippineNumberKind, input: string): string | null {
  const text = input.replace(/\s/g, "").toUpperCase();
  if (!PATTERNS[kind].test(text)) return null;
  const compact = text.replace(/^CRN-?/, "").replace(/-/g, "");
  switch (kind) {
    case "driversLicense":
      return `${compact.slice(0, 3)}-${compact.slice(3, 5)}-${compact.slice(5)}`;
    case "tin":
      return compact
        .match(/^(\d{3})(\d{3})(\d{3})(\d*)$/)!
        .slice(1)
        .filter(Boolean)
        .join("-");
    case "sss":
      return `${compact.slice(0, 2)}-${compact.slice(2, 9)}-${compact.slice(9)}`;
    case "crn":
      return `CRN-${compact.slice(0, 4)}-${compact.slice(4, 11)}-${compact.slice(11)}`;
    case "pcn":
      return compact.match(/\d{4}/g)!.join("-");
    case "vin": {
      const m = /^(\d{4})(\d{4,5}[A-Z])([A-Z]\d{4}[A-Z]{2,3}\d{5})$/.exec(compact)!;
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
}
