import { parseHkidNumber } from "./number.ts";
import { ageOn, canonicalHkidSymbols, isHkidSymbolAgeValid } from "./symbols.ts";

/** First day the current (2018) smart identity card was issued; its "date of registration" cannot be earlier. */
export const CURRENT_SMART_HKID_START_DATE = "2018-11-26";
/** First day the 2003 smart identity card was issued (for 2003-design cards still in circulation). */
export const FIRST_SMART_HKID_START_DATE = "2003-06-23";

export interface HkidCardDates {
  /** ISO YYYY-MM-DD. */
  dateOfBirth: string;
  symbols: string;
  /** YYYY-MM, the "(MM-YY)" first-registration stamp; null when not printed. */
  firstRegistrationYearMonth: string | null;
  /** ISO date of the current card's registration ("issue date"); null when unknown. */
  dateOfRegistration: string | null;
}

/**
 * Internal consistency of a current smart HKID's dates and symbols: registration within the current card period,
 * nothing before birth, first registration not after the current one, age symbol right at the registration date.
 */
export function isHkidCardConsistent(
  card: HkidCardDates,
  cardPeriodStart = CURRENT_SMART_HKID_START_DATE,
): boolean {
  if (canonicalHkidSymbols(card.symbols) === null) return false;
  const { dateOfBirth: dob, firstRegistrationYearMonth: first, dateOfRegistration: reg } = card;
  if (first !== null && first < dob.slice(0, 7)) return false;
  if (reg !== null) {
    if (reg < cardPeriodStart || reg < dob) return false;
    if (first !== null && first > reg.slice(0, 7)) return false;
    if (!isHkidSymbolAgeValid(card.symbols, dob, reg)) return false;
  }
  return true;
}

/** Consistency plus "nothing in the future" as of `referenceDate`. */
export function isHkidCardValidAsOf(card: HkidCardDates, referenceDate: string): boolean {
  if (card.dateOfBirth > referenceDate) return false;
  if (card.dateOfRegistration !== null && card.dateOfRegistration > referenceDate) return false;
  if (
    card.firstRegistrationYearMonth !== null &&
    card.firstRegistrationYearMonth > referenceDate.slice(0, 7)
  ) {
    return false;
  }
  return isHkidCardConsistent(card);
}

export interface HkidCardInput extends HkidCardDates {
  hkidNumber: string;
  chineseSurname: string;
  chinesePersonalName: string;
  englishSurname: string;
  englishPersonalName: string;
  sex: "M" | "F";
}

/** The card's printed forms, as the front of the card shows them. */
export interface HkidCardPrinted {
  hkidWithoutCheckDigit: string;
  hkidComplete: string;
  hkidMasked: string;
  chineseName: string;
  englishName: string;
  sexPrintedValue: string;
  /** DD-MM-YYYY */
  dateOfBirth: string;
  symbols: string;
  /** MM-YY */
  firstRegistrationYearMonth: string | null;
  /** DD-MM-YY */
  dateOfRegistration: string | null;
  age: number;
}

export function printHkidCard(card: HkidCardInput, referenceDate: string): HkidCardPrinted | null {
  const parsed = parseHkidNumber(card.hkidNumber);
  const symbols = canonicalHkidSymbols(card.symbols);
  if (!parsed.ok || symbols === null) return null;
  const [y, m, d] = card.dateOfBirth.split("-");
  const first = card.firstRegistrationYearMonth;
  const reg = card.dateOfRegistration;
  return {
    hkidWithoutCheckDigit: parsed.value.withoutCheckDigit,
    hkidComplete: parsed.value.complete,
    hkidMasked: parsed.value.masked,
    chineseName: card.chineseSurname + card.chinesePersonalName,
    englishName: `${card.englishSurname}, ${card.englishPersonalName}`,
    sexPrintedValue: card.sex === "M" ? "男 M" : "女 F",
    dateOfBirth: `${d}-${m}-${y}`,
    symbols,
    firstRegistrationYearMonth: first ? `${first.slice(5, 7)}-${first.slice(2, 4)}` : null,
    dateOfRegistration: reg ? `${reg.slice(8, 10)}-${reg.slice(5, 7)}-${reg.slice(2, 4)}` : null,
    age: ageOn(card.dateOfBirth, referenceDate),
  };
}
