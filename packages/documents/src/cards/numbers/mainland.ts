import { isoDate, isRealDate, todayIso } from "./dates.ts";

/**
 * Mainland China resident identity number (GB 11643-1999), 18 characters: 6-digit address code, birth date
 * YYYYMMDD, 3-digit sequence (odd for men), ISO 7064 MOD 11-2 check character (0–9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

export function mainlandCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

export interface MainlandIdNumber {
  number: string;
  addressCode: string;
  birthDate: string;
  sex: "M" | "F";
}

export function parseMainlandId(input: string, referenceDate = todayIso()): MainlandIdNumber | null {
  const number = input.replace(/\s/g, "").toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return null;
  if (!PROVINCE_CODES.has(Number(number.slice(0, 2)))) return null;
  if (mainlandCheckCharacter(number.slice(0, 17)) !== number[17]) return null;
  const [y, m, d] = [number.slice(6, 10), number.slice(10, 12), number.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  if (!isRealDate(y, m, d) || y < 1900) return null;
  const birthDate = isoDate(y, m, d);
  if (birthDate > referenceDate) return null;
  return {
    number,
    addressCode: number.slice(0, 6),
    birthDate,
    sex: Number(number[16]) % 2 === 1 ? "M" : "F",
  };
}

export function isValidMainlandId(input: string, referenceDate = todayIso()): boolean {
  return parseMainlandId(input, referenceDate) !== null;
}
