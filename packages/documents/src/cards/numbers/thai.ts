/**
 * Thai national identification number, 13 digits printed `1 2345 67890 12 3`. The first digit is the person
 * category (1–8; 0 is not issued to citizens on cards); the last is a check digit:
 * (11 − Σ dᵢ·(13 − i) mod 11) mod 10 over the first twelve digits.
 */
export function thaiCheckDigit(first12: string): number | null {
  if (!/^\d{12}$/.test(first12)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function normaliseThaiId(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{13}$/.test(digits) ? digits : null;
}

export function isValidThaiId(input: string): boolean {
  const digits = normaliseThaiId(input);
  if (!digits || digits[0] === "0" || digits[0] === "9") return false;
  return thaiCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

/** As printed on the card: `1 2345 67890 12 3`. */
export function formatThaiId(digits: string): string {
  return `${digits[0]} ${digits.slice(1, 5)} ${digits.slice(5, 10)} ${digits.slice(10, 12)} ${digits[12]}`;
}

/**
 * Thai driving licence number (the English part's `No.`). The Department of Land Transport publishes no format or
 * check rule for it that we found, so only its shape is checked: digits only, 6–10 of them (the cards we render
 * print 8). Returns the digits, or null.
 */
export function readThaiLicenceNumber(input: string): string | null {
  const text = input.replace(/[\s-]/g, "");
  return /^\d{6,10}$/.test(text) ? text : null;
}
