import { mainlandPeriodMatchesNumber, type ParsedBack } from "./layouts/backs.ts";
import { hmtPermitCrossChecks } from "./layouts/hmt-permit-back.ts";
import { type CardInfo, cardInfoMember, type IdCardType, type NormalCardInfo } from "./types.ts";

/** The front's reading as far as the merge needs it (a `CardReading` or what a server stored of one). */
export interface FrontFields {
  readonly normalCardInfo: NormalCardInfo | Readonly<Record<string, unknown>>;
  readonly cardInfo: CardInfo | Readonly<Record<string, unknown>>;
  readonly checks: Readonly<Record<string, boolean>>;
  readonly fieldsValid: boolean;
}

export interface MergedCard {
  normalCardInfo: Record<string, unknown>;
  cardInfo: Record<string, unknown>;
  /** The front's checks, the back's own, and the cross-checks between the two sides. */
  checks: Record<string, boolean>;
  /** The front's fields are valid and every back and cross-side check holds. */
  fieldsValid: boolean;
}

function mergeStruct(
  front: NormalCardInfo | CardInfo | Readonly<Record<string, unknown>>,
  member: string,
  back: Record<string, string | null>,
): Record<string, unknown> {
  // The containers' members are all optional structs: indexing them by name is what the merge needs.
  const container = front as Readonly<Record<string, unknown>>;
  const filled = Object.fromEntries(Object.entries(back).filter(([, value]) => value !== null));
  if (Object.keys(filled).length === 0) return { ...container };
  const struct = container[member];
  const base = struct && typeof struct === "object" ? (struct as Record<string, unknown>) : {};
  return { ...container, [member]: { ...base, ...filled } };
}

function frontStruct(front: FrontFields, member: string): Readonly<Record<string, unknown>> | null {
  const struct = (front.normalCardInfo as Record<string, unknown>)[member];
  return struct && typeof struct === "object" ? (struct as Record<string, unknown>) : null;
}

function frontNumber(front: FrontFields, member: string): string | null {
  const struct = frontStruct(front, member);
  const value = struct?.LicenseNumber ?? struct?.Number;
  return typeof value === "string" ? value : null;
}

/**
 * Front and back of one card as one result: the back's fields go into the type's struct (never erasing what
 * the front read), and the sides are cross-checked — the number the back prints against the front's (MyKad),
 * the validity period against the holder's age from the front's number (Mainland), the name and identity card
 * number the back repeats (HMTPermit).
 */
export function mergeCardBack(
  type: IdCardType,
  front: FrontFields,
  back: ParsedBack,
  referenceDate: string,
): MergedCard {
  const member = cardInfoMember(type);
  const checks: Record<string, boolean> = { ...front.checks, ...back.checks };
  const number = frontNumber(front, member);
  if (back.number !== null) checks.backNumberMatchesFront = number !== null && number === back.number;
  const validDate = back.normal.ValidDate;
  if (type === "MainlandIDCard" && validDate && number)
    checks.validPeriodMatchesAge = mainlandPeriodMatchesNumber(validDate, number, referenceDate);
  if (type === "HMTPermit") Object.assign(checks, hmtPermitCrossChecks(frontStruct(front, member), back));
  const fieldsValid = front.fieldsValid && Object.values(checks).every(Boolean);
  return {
    normalCardInfo: mergeStruct(front.normalCardInfo, member, back.normal),
    cardInfo: mergeStruct(front.cardInfo, member, back.legacy),
    checks,
    fieldsValid,
  };
}
