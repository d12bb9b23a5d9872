import { type CardLine, digitsOnly, readingOrder } from "../lines.ts";
import { isValidThaiId, readThaiLicenceNumber } from "../numbers/thai.ts";
import { findPrintedDate } from "../printed-dates.ts";
import { generalCard } from "./general-card.ts";
import { datesInOrder, earliestDate, labelledValue, monthLetters, rowFrom } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";
import { readThaiIdNumber } from "./thai.ts";

/**
 * Thai driving licence (smart card, private car or motorcycle), front. Every row is printed in Thai and then in
 * English; the English part carries `No.` (the licence number), `Date of Issue` and `Date of Expiry` with text
 * months (`12 March 2020`), the holder's name (`Name Mr. Somchai Jaidee`), `Date of Birth` and the 13-digit
 * identification number. The PP-OCR model has no Thai script, so the Thai rows (name, registrar) stay null.
 */
/**
 * `Name Mr. Somchai Jaidee`, the label possibly cut to a fragment (`me Mrs.Juan`, glare). Case-sensitive so that a
 * dropped space (`MissJose`, `MrSam`) still splits at the capital: `MrSam` must not read as Mrs + `am`.
 */
const TITLE_NAME = /^(?:N?a?m?e?\s*:?\s*)?(Mrs|Miss|Ms|Mr|MRS|MISS|MS|MR)(?=[.\s]|[A-Z][a-z])\.?\s*(.+)$/;
const TITLE_ALONE = /^(?:N?a?m?e?\s*)?(Mrs|Miss|Ms|Mr|MRS|MISS|MS|MR)\.?$/;

function licenceNumber(lines: readonly CardLine[]): string | null {
  const asNumber = (v: string) => readThaiLicenceNumber(digitsOnly(v.split(/\s(?=\D)/)[0]!));
  const labelled = labelledValue(lines, /^(?:Licen[cs]e\s*)?No\b\.?/i, "No", {
    below: false,
    accept: (v) => asNumber(v) !== null,
  });
  if (labelled) return asNumber(labelled.value);
  // Label lost: the only line that is nothing but 6–10 digits.
  const bare = readingOrder(lines).find((l) => /^[\dOIlSB]{6,10}$/.test(l.text.replace(/\s/g, "")));
  return bare ? readThaiLicenceNumber(digitsOnly(bare.text)) : null;
}

/** `Mr. Somchai Jaidee` → title, first name(s), last name; the recogniser may drop the spaces (`SomchaiJaidee`). */
function holderName(lines: readonly CardLine[]) {
  for (const line of readingOrder(lines)) {
    if (!TITLE_NAME.test(line.text) && !TITLE_ALONE.test(line.text)) continue;
    // The recogniser may box the title apart from the name: then the row is read.
    const name = splitName(line.text) ?? splitName(rowFrom(lines, line));
    if (name) return name;
  }
  return null;
}

function splitName(text: string) {
  const m = TITLE_NAME.exec(text);
  const cleaned = cleanName(m?.[2]);
  if (!m || !cleaned) return null;
  // The English name is printed in title case: with the spaces dropped (`SamReyes`) or put in the wrong place
  // (`Hu iAhmad`), the words are the capitalised runs (`Hui`, `Ahmad`).
  const spaced = cleaned.split(" ");
  const words =
    spaced.length > 1 && spaced.every((w) => /^[A-Z]/.test(w))
      ? spaced
      : (cleaned.replace(/ /g, "").match(/[A-Z][a-z'-]*/g) ?? []);
  if (words.length < 2 || words.some((w) => w.length < 2)) return null;
  const word = `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()}`;
  return {
    title: word === "Miss" ? word : `${word}.`,
    first: words.slice(0, -1).join(" "),
    last: words.at(-1)!,
  };
}

const DATE_LABELS = ["Date of Issue", "Date of Expiry", "Date of Birth"];

function date(lines: readonly CardLine[], label: RegExp, words: string): string | null {
  const parse = (v: string) => findPrintedDate(monthLetters(v));
  const rivals = DATE_LABELS.filter((w) => w !== words);
  const hit = labelledValue(lines, label, words, { below: false, rivals, accept: (v) => parse(v) !== null });
  return hit ? parse(hit.value)!.iso : null;
}

export function parseThaiDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const number = licenceNumber(lines);
  const personal = readThaiIdNumber(lines);
  const holder = holderName(lines);
  const issued = date(lines, /Date\s*of\s*[Il1]ssue/i, "Date of Issue");
  const expires = date(lines, /Date\s*of\s*Exp[il1]ry/i, "Date of Expiry");
  const birth =
    date(lines, /Date\s*of\s*B[il1]rth/i, "Date of Birth") ??
    earliestDate(lines, "DMY", [issued, expires])?.iso ??
    null;
  const card = generalCard({
    LicenseNumber: number,
    PersonalNumber: personal,
    FullName: holder ? `${holder.title} ${holder.first} ${holder.last}` : null,
    FirstName: holder?.first ?? null,
    LastName: holder?.last ?? null,
    // The English title is the only sex the front prints: Mr. for men; Mrs., Miss and Ms. for women.
    Sex: holder ? (holder.title === "Mr." ? "M" : "F") : null,
    Birthday: birth,
    IssuedDate: issued,
    ExpirationDate: expires,
    IssuedCountry: "Thailand",
  });
  const checks: Record<string, boolean> = {
    licenceNumberStructure: number !== null,
    personalNumberCheckDigit: personal !== null && isValidThaiId(personal),
  };
  const ordered = datesInOrder(birth, issued, expires);
  if (ordered !== null) checks.datesInOrder = ordered;
  return finish(
    { GeneralCard: card },
    { GeneralCard: card },
    { name: holder ? `${holder.first} ${holder.last}` : null, number, birthDate: birth },
    checks,
  );
}
