import { birthDateFromTwoDigitYear, todayIso } from "./dates.ts";

/**
 * Malaysian MyKad number `YYMMDD-PB-###G`: birth date, place-of-birth code (PB), serial; the last digit is odd for
 * men and even for women. There is no check digit, so validation is structural: a real date and a PB code the
 * National Registration Department allocates (01–16, 21–59 states; 60–99 foreign/special, minus unused codes).
 */
export interface MyKadNumber {
  /** As printed: `900101-14-5678`. */
  formatted: string;
  birthDate: string;
  placeOfBirthCode: string;
  /** State name for 01–16 / 21–59, "Outside Malaysia" for 60–98, else null. */
  placeOfBirth: string | null;
  sex: "M" | "F";
}

const STATES: Record<string, string> = {
  "01": "Johor",
  "02": "Kedah",
  "03": "Kelantan",
  "04": "Melaka",
  "05": "Negeri Sembilan",
  "06": "Pahang",
  "07": "Pulau Pinang",
  "08": "Perak",
  "09": "Perlis",
  "10": "Selangor",
  "11": "Terengganu",
  "12": "Sabah",
  "13": "Sarawak",
  "14": "Wilayah Persekutuan Kuala Lumpur",
  "15": "Wilayah Persekutuan Labuan",
  "16": "Wilayah Persekutuan Putrajaya",
};
// Second codes for the same states (21–59) in NRD's allocation, grouped per state.
const STATE_ALIASES: [number, number, string][] = [
  [21, 24, "01"],
  [25, 27, "02"],
  [28, 29, "03"],
  [30, 30, "04"],
  [31, 31, "05"],
  [32, 33, "06"],
  [34, 35, "07"],
  [36, 39, "08"],
  [40, 40, "09"],
  [41, 44, "10"],
  [45, 46, "11"],
  [47, 49, "12"],
  [50, 53, "13"],
  [54, 57, "14"],
  [58, 58, "15"],
  [59, 59, "05"],
];
const UNUSED_CODES = new Set([0, 17, 18, 19, 20, 69, 70, 73, 80, 81, 94, 95, 96, 97]);

export function parseMyKadNumber(input: string, referenceDate = todayIso()): MyKadNumber | null {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{12}$/.test(digits)) return null;
  const [yy, mm, dd, pb] = [0, 2, 4, 6].map((i) => Number(digits.slice(i, i + 2))) as [
    number,
    number,
    number,
    number,
  ];
  if (UNUSED_CODES.has(pb)) return null;
  const birthDate = birthDateFromTwoDigitYear(yy, mm, dd, referenceDate);
  if (!birthDate) return null;
  const code = digits.slice(6, 8);
  const alias = STATE_ALIASES.find(([lo, hi]) => pb >= lo && pb <= hi)?.[2];
  const placeOfBirth =
    STATES[code] ?? (alias ? STATES[alias]! : pb >= 60 && pb <= 98 ? "Outside Malaysia" : null);
  return {
    formatted: `${digits.slice(0, 6)}-${code}-${digits.slice(8)}`,
    birthDate,
    placeOfBirthCode: code,
    placeOfBirth,
    sex: Number(digits[11]) % 2 === 1 ? "M" : "F",
  };
}

export function isValidMyKadNumber(input: string, referenceDate = todayIso()): boolean {
  return parseMyKadNumber(input, referenceDate) !== null;
}
