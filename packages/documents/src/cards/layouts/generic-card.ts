import { type CardLine, cleanValue, readingOrder, valueForLabel } from "../lines.ts";
import { todayIso } from "../numbers/dates.ts";
import { findPrintedDate } from "../printed-dates.ts";
import { addressFromLines, generalCard } from "./general-card.ts";
import { datesIn, datesInOrder, linesUnder } from "./labelled-rows.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * "GeneralCard" without an MRZ: any identity document, so no layout is known. Fields are read only where a
 * label names them (English and the languages of the markets served: Malay/Indonesian, Spanish, French,
 * Portuguese, German, Filipino), and each key field must have the shape of what it claims to be before it is
 * reported: a name is letters, a document number has digits, a birth date is a real date in the past. No
 * position is guessed, so on an unknown layout this reads less than a type's own reader — by design: a wrong
 * field confirmed by the user is worse than an empty one they must type.
 */
const NAME =
  /^(?:Full\s*name|Name(?:\s*in\s*full)?|Nama(?:\s*lengkap)?|Nom\s*(?:et\s*pr[ée]noms?|complet)?|Nombres?\s*(?:completo|y\s*apellidos)?|Nome(?:\s*completo)?|Pangalan|Naam)\b\s*[:/]?/i;
const SURNAME = /^(?:Surname|Last\s*name|Family\s*name|Apellidos?|Nom\s*de\s*famille|Apelyido|Sobrenome)\b/i;
const GIVEN =
  /^(?:Given\s*names?|First\s*names?|Forenames?|Pr[ée]noms?|Nombres?|Vornamen?|Mga\s*Pangalan)\b/i;
const BIRTH =
  /(?:Date\s*of\s*birth|Birth\s*date|D\.?\s*O\.?\s*B\.?|Born|Tarikh\s*lahir|Tanggal\s*lahir|Tgl\.?\s*Lahir|Fecha\s*de\s*nacimiento|Date\s*de\s*naissance|N[ée]\(?e?\)?\s*le|Data\s*de\s*nascimento|Geburtsdatum|Petsa\s*ng\s*Kapanganakan)\b\s*[:/]?/i;
/**
 * Number labels. Bare `No.`/`Number`/`Nº` only at the start of a line (`Precinct No:` is another number); short
 * codes (`TIN`, `NIK`) as whole words; a code glued to the number by a hyphen (`CRN-0111-…`) is part of it.
 */
const NUMBER =
  /(?<!\p{L})(?:(?:ID|Identity|Identification|Document|Card|Licen[cs]e|Passport|Personal|Registration)\s*(?:No\.?|Number|Nr\.?|#)|^No\.?|^Number|^N[°º]\.?(?:\s*de)?(?:\s*documento)?|N[úu]mero(?:\s*de\s*documento)?|Num[ée]ro|Nombor|Nomor|NIK|NRIC|NIN|NID|DNI|CURP|TIN|PCN|CRN|SSS?\s*No|SS\s*Number)(?![\p{L}-])\s*[:.]?/iu;
const EXPIRY =
  /(?:Date\s*of\s*expiry|Expiry(?:\s*date)?|Expiration(?:\s*date)?|Expires?|Valid\s*(?:until|thru|through|to)|Berlaku\s*(?:hingga|s\.?\s*\/?\s*d)|Tarikh\s*luput|Fecha\s*de\s*(?:caducidad|vencimiento|expiraci[óo]n)|Date\s*d'?\s*expiration|Validade|G[üu]ltig\s*bis)\b\s*[:/]?/i;
const ISSUE =
  /(?:Date\s*of\s*issue|Issue\s*date|Issued(?:\s*on)?|Tarikh\s*dikeluarkan|Fecha\s*de\s*expedici[óo]n|Date\s*de\s*d[ée]livrance|Data\s*de\s*emiss[ãa]o|Ausstellungsdatum)\b\s*[:/]?/i;
const ADDRESS = /^(?:Address|Alamat|Adresse|Direcci[óo]n|Domicilio|Endere[çc]o|Anschrift|Tirahan)\b\s*[:/]?/i;
const SEX = /^(?:Sex|Gender|Jantina|Jenis\s*kelamin|Sexe|Sexo|Geschlecht|Kasarian)\b\s*[:/]?/i;
const ANY_LABEL = [NAME, SURNAME, GIVEN, BIRTH, NUMBER, EXPIRY, ISSUE, ADDRESS, SEX];

/** Text that is labels only (`Alamat / Address`, `Name`), nothing after them: `NO 12 JALAN` is a value. */
function isLabel(text: string): boolean {
  return ANY_LABEL.some((re) => {
    const m = re.exec(text);
    if (m?.index !== 0 || m[0].length === 0) return false;
    const rest = cleanValue(text.slice(m[0].length));
    return rest.length === 0 || isLabel(rest);
  });
}
/** A name: letters (Latin, with accents), spaces and name punctuation, at least two letters, not a label. */
const nameShaped = (v: string) =>
  /^[\p{Script=Latin}][\p{Script=Latin} ,.'-]*\p{Script=Latin}$/u.test(v) && !isLabel(v);
/**
 * A numeric date of an unknown layout: day first (most of the world), month first only when day first is no
 * date (`09/13/1956`). A date both ways (`03/04/1990`) is read day first: on a US or Philippine card that is wrong.
 */
const anyOrderDate = (v: string) => findPrintedDate(v) ?? findPrintedDate(v, "MDY");

/** A document number: 5–20 letters and digits (separators allowed), with at least 4 digits, not a date. */
const numberShaped = (v: string) => {
  const compact = v.replace(/[\s./-]/g, "");
  return (
    /^[A-Z0-9<()]{5,20}$/i.test(compact) &&
    (compact.match(/\d/g) ?? []).length >= 4 &&
    anyOrderDate(v) === null
  );
};

function labelledDate(lines: readonly CardLine[], label: RegExp): string | null {
  const hit = valueForLabel(lines, label, { accept: (v) => anyOrderDate(v) !== null });
  return hit ? anyOrderDate(hit.value)!.iso : null;
}

/** A courtesy title in front of a name (`Name Mr. Somchai`) is not part of it. */
const TITLE = /^(?:MR|MRS|MISS|MS|MX|DR|TUAN|PUAN|ENCIK|SR|SRA|SRTA|MME|MLLE|HERR|FRAU)\.?\s+/i;

function readName(lines: readonly CardLine[]): string | null {
  const full = valueForLabel(lines, NAME, { accept: nameShaped });
  const surname = valueForLabel(lines, SURNAME, { accept: nameShaped });
  if (full) {
    const name = full.value.replace(TITLE, "");
    // `Name` on one row and `Last name` on another (the Thai ID's English rows, Spanish Nombre / Apellidos):
    // the name label then carries the given names only.
    const rest = surname && surname.line !== full.line && !name.includes(surname.value) ? surname.value : "";
    return cleanName(`${name} ${rest}`);
  }
  const given = valueForLabel(lines, GIVEN, { accept: nameShaped })?.value;
  // The surname alone is not the whole name.
  return surname && given ? cleanName(`${given.replace(TITLE, "")} ${surname.value}`) : null;
}

/**
 * With no number label read: the one line on the card that is a document number and nothing else (at least six
 * digits, at most three letters: a prefix, a check letter). Two such lines (a number and a telex code) and the
 * number stays null: nothing tells them apart on an unknown layout.
 */
function unlabelledNumber(lines: readonly CardLine[]): string | null {
  const found = new Set(
    lines
      .map((l) => l.text.replace(/\s+/g, ""))
      .filter(
        (t) =>
          numberShaped(t) && (t.match(/\d/g) ?? []).length >= 6 && (t.match(/[A-Z]/gi) ?? []).length <= 3,
      ),
  );
  return found.size === 1 ? [...found][0]! : null;
}

export function parseGenericCard(lines: readonly CardLine[], referenceDate: string = todayIso()): ParsedCard {
  const ordered = readingOrder(lines);
  const name = readName(ordered);
  const numberText = valueForLabel(ordered, NUMBER, { accept: numberShaped })?.value;
  const number = numberText ? numberText.replace(/\s+/g, "") : unlabelledNumber(ordered);
  const labelledBirth = labelledDate(ordered, BIRTH);
  const birth = labelledBirth !== null && labelledBirth < referenceDate ? labelledBirth : null;
  const expiry = labelledDate(ordered, EXPIRY);
  const issued = labelledDate(ordered, ISSUE);
  const sexValue = valueForLabel(ordered, SEX, { accept: (v) => /^[A-Za-z]/.test(v) })?.value ?? "";
  const sex = /^(M|MALE|LELAKI|LAKI|HOMBRE|MASCULINO|MASCULIN)\b/i.test(sexValue)
    ? "M"
    : /^(F|FEMALE|PEREMPUAN|WANITA|MUJER|FEMENINO|F[ÉE]MININ)\b/i.test(sexValue)
      ? "F"
      : null;
  const addressLabel = ordered.find((l) => ADDRESS.test(l.text)) ?? null;
  const sameLine = addressLabel ? cleanValue(addressLabel.text.replace(ADDRESS, "")) : "";
  const addressLines = addressLabel
    ? [sameLine, ...linesUnder(ordered, addressLabel, 4, isLabel).map((l) => cleanValue(l.text))]
    : [];
  // A bilingual label (`Alamat / Address`) leaves the second language's word after the first: not an address.
  const address = addressLines.filter((l) => l.length > 1 && !isLabel(l) && datesIn(l).length === 0);

  const card = generalCard(
    {
      LicenseNumber: number,
      FullName: name,
      Sex: sex,
      Birthday: birth,
      IssuedDate: issued,
      ExpirationDate: expiry,
    },
    addressFromLines(address),
  );
  const checks: Record<string, boolean> = {};
  if (labelledBirth !== null) checks.birthDateInPast = birth !== null;
  const inOrder = datesInOrder(birth, issued, expiry);
  if (inOrder !== null) checks.datesInOrder = inOrder;
  return finish({ GeneralCard: card }, { GeneralCard: card }, { name, number, birthDate: birth }, checks);
}
