/** Calendar helpers shared by the number rules. All dates are ISO `YYYY-MM-DD` strings. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today in UTC as ISO; the reference for two-digit-year century choice when the caller gives none. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Resolves a two-digit year to the latest century that does not put the date after `referenceDate`
 * (people carrying a card are born in the past; nobody is over ~100).
 */
export function birthDateFromTwoDigitYear(
  yy: number,
  month: number,
  day: number,
  referenceDate: string,
): string | null {
  const refYear = Number(referenceDate.slice(0, 4));
  for (const century of [Math.floor(refYear / 100) * 100, Math.floor(refYear / 100) * 100 - 100]) {
    const year = century + yy;
    if (!isRealDate(year, month, day)) continue;
    const iso = isoDate(year, month, day);
    if (iso <= referenceDate) return iso;
  }
  return null;
}
