/**
 * Symbols printed on the smart HKID under the date of birth (e.g. `***AZ`). Each belongs to a category; at most one
 * symbol per exclusive category. Canonical order: re-entry-permit eligibility, residential status, place of birth,
 * other information.
 */
type Category = "AGE" | "RESIDENCE" | "BIRTHPLACE" | "OTHER";
const SYMBOLS: readonly { code: string; category: Category }[] = [
  { code: "***", category: "AGE" },
  { code: "*", category: "AGE" },
  { code: "A", category: "RESIDENCE" },
  { code: "C", category: "RESIDENCE" },
  { code: "R", category: "RESIDENCE" },
  { code: "U", category: "RESIDENCE" },
  { code: "Z", category: "BIRTHPLACE" },
  { code: "X", category: "BIRTHPLACE" },
  { code: "W", category: "BIRTHPLACE" },
  { code: "O", category: "BIRTHPLACE" },
  { code: "B", category: "OTHER" },
  { code: "N", category: "OTHER" },
];
const EXCLUSIVE: ReadonlySet<Category> = new Set(["AGE", "RESIDENCE", "BIRTHPLACE"]);

/** Splits a symbol string into codes; null if a character is unknown, repeated or conflicts with another. */
export function parseHkidSymbols(input: string): string[] | null {
  const text = input.replace(/\s+/g, "").toUpperCase();
  const codes: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (text.startsWith("***", i)) {
      codes.push("***");
      i += 3;
    } else {
      codes.push(text[i]!);
      i += 1;
    }
  }
  const seenCategories = new Set<Category>();
  const seenCodes = new Set<string>();
  for (const code of codes) {
    const symbol = SYMBOLS.find((s) => s.code === code);
    if (!symbol || seenCodes.has(code)) return null;
    if (EXCLUSIVE.has(symbol.category) && seenCategories.has(symbol.category)) return null;
    seenCodes.add(code);
    seenCategories.add(symbol.category);
  }
  return SYMBOLS.filter((s) => seenCodes.has(s.code)).map((s) => s.code);
}

/** Canonical symbol string, or null when invalid. */
export function canonicalHkidSymbols(input: string): string | null {
  return parseHkidSymbols(input)?.join("") ?? null;
}

/** Full years between two ISO dates; a 29 February birthday falls on 1 March in common years. */
export function ageOn(dateOfBirth: string, referenceDate: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split("-").map(Number) as [number, number, number];
  let age = ry - by;
  const leapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let [am, ad] = [bm, bd];
  if (bm === 2 && bd === 29 && !leapYear(ry)) [am, ad] = [3, 1];
  if (rm < am || (rm === am && rd < ad)) age -= 1;
  return age;
}

/**
 * Checks the age symbol against the holder's age on `referenceDate`: `***` needs 18 or older, `*` 11 to 17.
 * A date of birth after the reference date is always invalid.
 */
export function isHkidSymbolAgeValid(symbols: string, dateOfBirth: string, referenceDate: string): boolean {
  const codes = parseHkidSymbols(symbols);
  if (!codes || dateOfBirth > referenceDate) return false;
  const age = ageOn(dateOfBirth, referenceDate);
  if (codes.includes("***")) return age >= 18;
  if (codes.includes("*")) return age >= 11 && age <= 17;
  return true;
}
