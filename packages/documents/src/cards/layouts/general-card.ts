import type { Address, GeneralCard } from "../types.ts";

/**
 * The API's GeneralCard struct (reference §6.7) for document types that have no struct of their own in
 * NormalCardInfo / CardInfo (driving licences, the PhilSys ID, any document read as "GeneralCard"). Every key is
 * emitted; what the card does not print stays null.
 */
export type GeneralCardFields = Partial<Omit<GeneralCard, "Address">>;

const GENERAL_KEYS = [
  "LicenseNumber",
  "PersonalNumber",
  "PassportCodeFirst",
  "PassportCodeSecond",
  "ExpirationDate",
  "DueDate",
  "IssuedDate",
  "IssuedAuthority",
  "IssuedCountry",
  "FullName",
  "FirstName",
  "LastName",
  "Sex",
  "Age",
  "Birthday",
  "BirthPlace",
  "Nationality",
  "RegistrationNumber",
  "FullNameLocal",
  "FirstNameLocal",
  "LastNameLocal",
] as const satisfies readonly (keyof GeneralCardFields)[];

/**
 * The Address struct from the address lines as printed: FormattedAddress is the lines joined with ", ", and
 * LineOne… the lines themselves (at most five). Country/PostalCode/Subdivision/City are filled only when the
 * caller knows them; nothing is guessed from free text.
 */
export function addressFromLines(
  lines: readonly string[],
  known: Partial<Pick<Address, "Country" | "PostalCode" | "Subdivision" | "City">> = {},
): Address | null {
  const kept = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  if (kept.length === 0) return null;
  const line = (i: number) => kept[i] ?? null;
  return {
    Country: known.Country ?? null,
    PostalCode: known.PostalCode ?? null,
    Subdivision: known.Subdivision ?? null,
    City: known.City ?? null,
    FormattedAddress: kept.join(", "),
    LineOne: line(0),
    LineTwo: line(1),
    LineThree: line(2),
    LineFour: line(3),
    // A sixth and later line is kept in FormattedAddress only: the struct has five.
    LineFive: line(4),
  };
}

/** A complete GeneralCard: the given fields, null for the rest. */
export function generalCard(fields: GeneralCardFields, address: Address | null = null): GeneralCard {
  const card = {} as GeneralCard;
  for (const key of GENERAL_KEYS) card[key] = fields[key] ?? null;
  card.Address = address;
  return card;
}
