import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  canonicalHkidSymbols,
  isHkidCardConsistent,
  isHkidCardValidAsOf,
  isHkidSymbolAgeValid,
  isValidHkidCheckDigit,
  parseHkidNumber,
  prefixesForFirstIssueMonth,
  prefixForBirthRegistration,
  printHkidCard,
} from "../../src/cards/numbers/hkid/index.ts";
import { sharedDataPath } from "./shared-data.ts";

// Conformance fixtures of Wal-N/hkid (MIT), kept in ../shared/data/id_number_vectors; every case must pass.
interface Case {
  id: string;
  [key: string]: unknown;
}
function load(file: string): Record<string, Case[]> & { schemaVersion: number } {
  const path = sharedDataPath(`id_number_vectors/${file}`);
  if (!path) return { schemaVersion: 1 } as Record<string, Case[]> & { schemaVersion: number };
  return JSON.parse(readFileSync(path, "utf8"));
}
const numbers = load("hkid-number.json");
const cards = load("hkid-card.json");
const symbols = load("hkid-symbols.json");

describe("HKID number conformance", () => {
  it("uses schema version 1", () => {
    for (const doc of [numbers, cards, symbols]) expect(doc.schemaVersion).toBe(1);
  });
  it.each(numbers.parseCases ?? [])("parses $id", (c) => {
    const parsed = parseHkidNumber(c.input as string);
    expect(parsed).toEqual({ ok: true, value: c.expect });
  });
  it.each(numbers.invalidParseCases ?? [])("rejects $id", (c) => {
    expect(parseHkidNumber(c.input as string)).toEqual({ ok: false, error: c.expectError });
  });
  it.each(numbers.checkDigitValidationCases ?? [])("check digit $id", (c) => {
    expect(isValidHkidCheckDigit(c.input as string, c.checkDigit as string)).toBe(c.expectValid);
  });
  it.each(numbers.birthRegistrationPrefixCases ?? [])("birth prefix $id", (c) => {
    expect(prefixForBirthRegistration(c.date as string)).toBe(c.expectPrefix);
  });
  it.each(numbers.firstIssuePrefixCases ?? [])("first-issue prefixes $id", (c) => {
    expect(prefixesForFirstIssueMonth(c.month as string)).toEqual(c.expectPrefixes);
  });
});

describe("HKID card conformance", () => {
  it.each(cards.cardCases ?? [])("prints $id", (c) => {
    const input = c.input as Parameters<typeof printHkidCard>[0];
    expect(printHkidCard(input, c.referenceDate as string)).toEqual(c.expect);
    expect(isHkidCardValidAsOf(input, c.referenceDate as string)).toBe(true);
  });
  it.each(cards.ageCases ?? [])("age $id", (c) => {
    expect(ageOn(c.dateOfBirth as string, c.referenceDate as string)).toBe(c.expectAge);
  });
  it.each(cards.invalidCardCases ?? [])("inconsistent $id", (c) => {
    expect(isHkidCardConsistent(c as unknown as Parameters<typeof isHkidCardConsistent>[0])).toBe(false);
  });
  it.each(cards.asOfValidationCases ?? [])("as-of $id", (c) => {
    const card = c as unknown as Parameters<typeof isHkidCardValidAsOf>[0];
    expect(isHkidCardValidAsOf(card, c.referenceDate as string)).toBe(c.expectValid);
  });
});

describe("HKID symbols conformance", () => {
  it.each(symbols.parseCases ?? [])("canonical $id", (c) => {
    expect(canonicalHkidSymbols(c.input as string)).toBe(c.expectCanonical);
  });
  it.each(symbols.invalidParseCases ?? [])("rejects $id", (c) => {
    expect(canonicalHkidSymbols(c.input as string)).toBeNull();
  });
  it.each(symbols.ageValidationCases ?? [])("age rule $id", (c) => {
    expect(
      isHkidSymbolAgeValid(c.symbols as string, c.dateOfBirth as string, c.referenceDate as string),
    ).toBe(c.expectValid);
  });
});
