import { type CardLine, labelDistance, readingOrder } from "../lines.ts";
import { findPrintedDate } from "../printed-dates.ts";
import { generalCard } from "./general-card.ts";
import { datesIn, datesInOrder, earliestDate, labelledValue } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";
import { readNric } from "./singapore.ts";

/**
 * Singapore driving licence card, front: `Licence No.` — the holder's NRIC/FIN, so the check letter applies —
 * then Name, Date of Birth, Date of Issue (day first) and the licence classes; photo on the left. The classes have
 * no field in GeneralCard and are not returned.
 */
const LABELS = {
  number: { re: /Licen[cs]e\s*No/i, words: "Licence No" },
  name: { re: /^Name\b/i, words: "Name" },
  birth: { re: /Date\s*of\s*B[il1]rth/i, words: "Date of Birth" },
  issue: { re: /Date\s*of\s*[Il1]ssue/i, words: "Date of Issue" },
  class: { re: /^Class(es)?\b/i, words: "Class" },
} as const;
const HEADER = /SINGAPORE|REPUBLIC|DRIVING|LICEN[CS]E|POLICE/i;

const isLabel = (text: string) =>
  Object.values(LABELS).some(({ re, words }) => re.test(text) || labelDistance(text, words) !== null);
const nameValue = (v: string) => /^[A-Z][A-Z ,'@/.-]*[A-Z]$/.test(v) && !isLabel(v) && !HEADER.test(v);

function date(lines: readonly CardLine[], label: "birth" | "issue"): string | null {
  const { re, words } = LABELS[label];
  const rivals = [LABELS[label === "birth" ? "issue" : "birth"].words];
  const hit = labelledValue(lines, re, words, { rivals, accept: (v) => findPrintedDate(v) !== null });
  return hit ? findPrintedDate(hit.value)!.iso : null;
}

export function parseSingaporeDrivingLicense(lines: readonly CardLine[]): ParsedCard {
  const { number, valid } = readNric(lines);
  const labelled = labelledValue(lines, LABELS.name.re, LABELS.name.words, { accept: nameValue })?.value;
  // Label unreadable: the name is the first all-capitals line that is neither header nor label.
  const name = cleanName(labelled ?? readingOrder(lines).find((l) => nameValue(l.text))?.text);
  const labelledIssue = date(lines, "issue");
  const birth = date(lines, "birth") ?? earliestDate(lines, "DMY", [labelledIssue])?.iso ?? null;
  // The front prints two dates, birth and issue: with the issue label lost, the issue date is the other one.
  const others = [...new Set(lines.flatMap((l) => datesIn(l.text)).map((d) => d.iso))].filter(
    (d) => d !== birth,
  );
  const issued = labelledIssue ?? (birth && others.length === 1 ? others[0]! : null);
  const card = generalCard({
    LicenseNumber: number,
    PersonalNumber: number,
    FullName: name,
    Birthday: birth,
    IssuedDate: issued,
    IssuedCountry: "Singapore",
  });
  const checks: Record<string, boolean> = { numberCheckLetter: valid };
  const ordered = datesInOrder(birth, issued);
  if (ordered !== null) checks.datesInOrder = ordered;
  return finish({ GeneralCard: card }, { GeneralCard: card }, { name, number, birthDate: birth }, checks);
}
