/**
 * Singapore NRIC / FIN: series letter, 7 digits, check letter. Weights 2,7,6,5,4,3,2; the sum gets +4 for T and G
 * (born/issued from 2000) and +3 for the M series (FIN from 2022). Remainder mod 11 indexes the series' table.
 */
const TABLES: Record<string, { offset: number; letters: string }> = {
  S: { offset: 0, letters: "JZIHGFEDCBA" },
  T: { offset: 4, letters: "JZIHGFEDCBA" },
  F: { offset: 0, letters: "XWUTRQPNMLK" },
  G: { offset: 4, letters: "XWUTRQPNMLK" },
  M: { offset: 3, letters: "XWUTRQPNJLK" },
};
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

export function nricCheckLetter(series: string, digits: string): string | null {
  const table = TABLES[series.toUpperCase()];
  if (!table || !/^\d{7}$/.test(digits)) return null;
  let sum = table.offset;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return table.letters[sum % 11]!;
}

export interface NricNumber {
  number: string;
  series: "S" | "T" | "F" | "G" | "M";
  /** NRIC (S/T) is issued to citizens and permanent residents; FIN (F/G/M) to foreigners. */
  kind: "NRIC" | "FIN";
}

export function parseNric(input: string): NricNumber | null {
  const text = input.replace(/\s/g, "").toUpperCase();
  const match = /^([STFGM])(\d{7})([A-Z])$/.exec(text);
  if (!match || nricCheckLetter(match[1]!, match[2]!) !== match[3]) return null;
  const series = match[1] as NricNumber["series"];
  return { number: text, series, kind: series === "S" || series === "T" ? "NRIC" : "FIN" };
}

export function isValidNric(input: string): boolean {
  return parseNric(input) !== null;
}
