/** Fields that carry a document's expiry date, in the structs of reference §6.7. */
const expiryFields = [
  "DateOfExpiration",
  "ExpirationDate",
  "DateOfExpiry",
  "ExpiresDate",
  "DueDate",
  "BerlakuHingga",
  "ValidDate",
] as const;

/** Texts that mean "no expiry" (Indonesian KTP issued since 2011: SEUMUR HIDUP, valid for life). */
const lifetime = /seumur\s*hidup|lifetime|长期|長期/i;

/** Reads a printed date in the usual orders (ISO first, else day-month-year); null when it is not a date. */
export function parsePrintedDate(text: string): string | null {
  // A validity range ("2015.01.01-2035.01.01") ends with the expiry.
  const value =
    text
      .trim()
      .split(/\s*[-–~至]\s*(?=\d{4}[./-]\d)/)
      .at(-1) ?? "";
  const iso = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  if (!year || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a read document is past its expiry on `todayIso` (YYYY-MM-DD). The HKID card prints no expiry:
 * what expires there is the card series — the 2003-series smart card ceased to be valid after the
 * 2018–2023 replacement exercise, so a card read as HKIDVersion "2003" counts as expired.
 */
export function isExpired(
  normalCardInfo: Readonly<Record<string, unknown>> | null,
  todayIso: string,
): boolean {
  for (const struct of Object.values(normalCardInfo ?? {})) {
    if (!struct || typeof struct !== "object") continue;
    const fields = struct as Record<string, unknown>;
    if (fields.HKIDVersion === "2003") return true;
    for (const name of expiryFields) {
      const value = fields[name];
      if (typeof value !== "string" || lifetime.test(value)) continue;
      const expiry = parsePrintedDate(value);
      if (expiry !== null && expiry < todayIso) return true;
    }
  }
  return false;
}
