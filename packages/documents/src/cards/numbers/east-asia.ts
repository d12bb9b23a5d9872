/** Numbers of the other East Asian cards in the result containers (Taiwan, Japan, Macao). */

// Taiwan national ID: letter (place of first registration) + sex digit + 8 digits, last one a check digit.
const TAIWAN_LETTER_VALUES = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

export function isValidTaiwanId(input: string): boolean {
  const text = input.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(text)) return false;
  const value = TAIWAN_LETTER_VALUES.indexOf(text[0]!) + 10;
  let sum = Math.floor(value / 10) + (value % 10) * 9;
  for (let i = 1; i < 9; i++) sum += Number(text[i]) * (9 - i);
  sum += Number(text[9]);
  return sum % 10 === 0;
}

/** Japan "My Number" individual number: 11 digits + check digit (Ministry of Internal Affairs ordinance). */
export function myNumberCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = Number(first11[11 - n]);
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidMyNumber(input: string): boolean {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** Macao resident card `1234567(8)`: first digit 1, 5 or 7; the check-digit rule is not published. */
export function isWellFormedMacaoId(input: string): boolean {
  return /^[157]\d{6}\(?\d\)?$/.test(input.replace(/\s|\//g, ""));
}

/**
 * Sex from a Taiwan number's second character: 1 male, 2 female (Ministry of the Interior, 國民身分證及戶口名簿
 * 格式內容製發相片影像檔建置管理辦法 art. 3: "第二碼為性別碼"; 1 = 男, 2 = 女 as the National Police Agency's check
 * formula describes it). Null for a number that is not a Taiwan national ID.
 */
export function taiwanIdSex(input: string): "M" | "F" | null {
  const text = input.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(text)) return null;
  return text[1] === "1" ? "M" : "F";
}

/** A Republic of China (民國) era year as a Gregorian one: 民國 1 = 1912. */
export function rocYearToGregorian(rocYear: number): number {
  return rocYear + 1911;
}

/**
 * Validity of a Macao permanent resident card from the holder's age on the issue date (Macao Identification
 * Services Bureau, card rules of Law 8/2002 and Administrative Regulation 23/2002): under 18 five years, from 18
 * ten years, from 60 no expiry (the card prints "------"). Null means no expiry.
 */
export function macaoValidityYears(ageOnIssue: number): number | null {
  if (ageOnIssue >= 60) return null;
  return ageOnIssue >= 18 ? 10 : 5;
}
