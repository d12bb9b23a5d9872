import { describe, expect, it } from "vitest";
import { readCard } from "../../src/cards/read-card.ts";
import type { IdCardType } from "../../src/cards/types.ts";
import {
  degradeDocument,
  mrzLines,
  renderDocument,
  renderNoMrzPage,
  syntheticIdentity,
} from "../mrz/synthetic-mrz.ts";
import { degrade } from "../synthetic/degrade.ts";
import { renderCard } from "../synthetic/render.ts";
import { REF } from "./general-card-reading.ts";
import { useOcrEngine } from "./rendered.ts";

// IDCardType "GeneralCard" (any identity document) end to end with the real PP-OCR models: MRZ documents read from
// their MRZ, cards without one read by their labels only (no knowledge of the type's layout).
const ocr = useOcrEngine();
const read = (photo: Buffer, type: string, disableCheckOcrWarnings = false) =>
  readCard(photo, type, { engine: ocr(), referenceDate: REF, disableCheckOcrWarnings });
/** A rendered card of `type`, photographed clean, read as GeneralCard. */
async function readAsGeneral(type: IdCardType, seed: number) {
  const card = await renderCard(type, seed);
  return { card, result: await read(await degrade(card.png, "clean", seed), "GeneralCard") };
}

describe("readCard: GeneralCard from an MRZ", () => {
  it("fills GeneralCard from a passport's MRZ, with the passport reader's checks and warnings", async () => {
    const p = syntheticIdentity(7);
    const photo = await degradeDocument(await renderDocument("TD3", p), "rotate", 7);
    const general = await read(photo, "GeneralCard");
    const [first, second] = mrzLines("TD3", p);
    expect(general.normalCardInfo.GeneralCard).toMatchObject({
      LicenseNumber: p.documentNumber,
      PersonalNumber: null,
      PassportCodeFirst: first,
      PassportCodeSecond: second,
      FullName: `${p.surname} ${p.givenNames}`,
      FirstName: p.givenNames,
      LastName: p.surname,
      Sex: p.sex,
      Birthday: `19${p.birthDate.slice(0, 2)}-${p.birthDate.slice(2, 4)}-${p.birthDate.slice(4)}`,
      ExpirationDate: `20${p.expiryDate.slice(0, 2)}-${p.expiryDate.slice(2, 4)}-${p.expiryDate.slice(4)}`,
      IssuedCountry: p.nationality,
      Nationality: p.nationality,
      Address: null,
    });
    expect(general.cardInfo.GeneralCard).toEqual(general.normalCardInfo.GeneralCard);
    expect(general.checks).toEqual({ mrzCheckDigits: true, mrzNameInViz: true });
    expect(general.fieldsValid).toBe(true);
    // The same photo as InternationalIDPassport: the same capture warnings (GeneralCard neither adds nor hides any).
    const passport = await read(photo, "InternationalIDPassport");
    expect(general.warnings).toEqual(passport.warnings);
    expect(general.isPass).toBe(passport.isPass);
    expect(general.headImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("reads a TD1 card's three MRZ lines, the second and third in PassportCodeSecond", async () => {
    const p = syntheticIdentity(5);
    const photo = await degradeDocument(await renderDocument("TD1", p), "noise", 5);
    const result = await read(photo, "GeneralCard");
    const lines = mrzLines("TD1", p);
    expect(result.normalCardInfo.GeneralCard).toMatchObject({
      LicenseNumber: p.documentNumber,
      PassportCodeFirst: lines[0],
      PassportCodeSecond: `${lines[1]}\n${lines[2]}`,
      PersonalNumber: null,
      LastName: p.surname,
    });
    // A TD1 card prints the name on the other side: the MRZ name is not compared (the passport reader only warns).
    expect(result.checks).toEqual({ mrzCheckDigits: true });
    expect(result.fieldsValid).toBe(true);
  });

  it("fails a page whose printed surname is not the MRZ's", async () => {
    const p = syntheticIdentity(6);
    const photo = await degradeDocument(await renderDocument("TD3", p, "JOHANSSON"), "clean", 6);
    const result = await read(photo, "GeneralCard", true);
    expect(result.normalCardInfo.GeneralCard?.LastName).toBe(p.surname);
    expect(result.checks).toEqual({ mrzCheckDigits: true, mrzNameInViz: false });
    expect(result.fieldsValid).toBe(false);
    expect(result.isPass).toBe(false);
  });
});

describe("readCard: GeneralCard without an MRZ (labels only)", () => {
  it("reads a Singapore licence's labelled fields without its layout", async () => {
    const { card, result } = await readAsGeneral("SingaporeDrivingLicense", 31);
    expect(result.normalCardInfo.GeneralCard).toMatchObject({
      LicenseNumber: card.design.truth.number,
      FullName: card.design.truth.name,
      Birthday: card.design.truth.birthDate,
      IssuedDate: card.design.fields?.IssuedDate,
      PassportCodeFirst: null,
    });
    // Only structural checks: the generic reader cannot know the NRIC check-letter rule the type's reader applies.
    expect(result.checks).toEqual({ birthDateInPast: true, datesInOrder: true });
    expect(result.isPass).toBe(true);
  });

  it("reads a Singapore identity card's name, number, birth date and sex without its layout", async () => {
    const { card, result } = await readAsGeneral("SingaporeIDCard", 32);
    expect(result.normalCardInfo.GeneralCard).toMatchObject({
      LicenseNumber: card.design.truth.number,
      FullName: card.design.truth.name,
      Birthday: card.design.truth.birthDate,
    });
    expect(result.fieldsValid).toBe(true);
  });

  it("reads nothing from a page that is no identity document", async () => {
    const result = await read(await renderNoMrzPage(), "GeneralCard");
    expect(result.normalCardInfo.GeneralCard).toMatchObject({
      FullName: null,
      LicenseNumber: null,
      Birthday: null,
    });
    expect(result.fieldsValid).toBe(false);
    expect(result.isPass).toBe(false);
  });
});
