import { newSession } from "@openekyc/core";
import { describe, expect, it } from "vitest";
import { applyEdits } from "./edits.ts";
import { isExpired, parsePrintedDate } from "./expiry.ts";
import { blockingReasons, documentPolicyOf } from "./policy.ts";
import { cardStruct } from "./views.ts";

const session = (kind: "web-intl" | "sdk-ekyc", config: Record<string, unknown>) =>
  newSession({
    id: "s",
    token: "T",
    kind,
    appId: "a",
    config,
    redirectUrl: null,
    extra: null,
    referenceImageKey: null,
    retryLimit: 3,
    now: 0,
  });

describe("document policy of a session", () => {
  it("has a document step only for web CheckMode 1/4 and SDK CheckMode 1", () => {
    expect(documentPolicyOf(session("web-intl", { CheckMode: 2 }))).toBeNull();
    expect(documentPolicyOf(session("sdk-ekyc", { CheckMode: 2, IdCardType: "HK" }))).toBeNull();
    const web = documentPolicyOf(session("web-intl", { CheckMode: 4, IDCardType: "MainlandIDCard" }));
    expect(web).toMatchObject({ checkMode: 4, idCardType: "MainlandIDCard", sides: ["front", "back"] });
    expect(web?.allowExpiredDocument).toBe(true);
    const sdk = documentPolicyOf(
      session("sdk-ekyc", {
        CheckMode: 1,
        IdCardType: "MLIDPassport",
        DisableChangeOcrResult: true,
        SelectedWarningCodes: [-9103],
        AllowExpiredDocument: false,
      }),
    );
    expect(sdk).toMatchObject({
      checkMode: 1,
      idCardType: "InternationalIDPassport",
      sides: ["front"],
      allowEdit: false,
      selectedWarningCodes: [-9103],
      allowExpiredDocument: false,
    });
    expect(documentPolicyOf(session("sdk-ekyc", { CheckMode: 1, IdCardType: "HK" }))?.idCardType).toBe(
      "HKIDCard",
    );
  });

  it("asks for a back only where the back is read: HMTPermit yes (SDK name too), TaiWanIDCard no", () => {
    const sides = (kind: "web-intl" | "sdk-ekyc", type: string) =>
      documentPolicyOf(
        session(kind, { CheckMode: 1, [kind === "web-intl" ? "IDCardType" : "IdCardType"]: type }),
      );
    expect(sides("sdk-ekyc", "HMTPermit")).toMatchObject({
      idCardType: "HMTPermit",
      sides: ["front", "back"],
    });
    expect(sides("web-intl", "HMTPermit")?.sides).toEqual(["front", "back"]);
    expect(sides("web-intl", "TaiWanIDCard")?.sides).toEqual(["front"]);
    expect(sides("web-intl", "MacaoIDCard")?.sides).toEqual(["front"]);
  });

  it("blocks on unreadable fields, blocking warnings, and expiry unless AllowExpiredDocument", () => {
    const base = { fieldsValid: true, blockingWarnings: [], expired: false, allowExpiredDocument: true };
    expect(blockingReasons(base)).toEqual([]);
    expect(blockingReasons({ ...base, fieldsValid: false })).toEqual(["unreadable"]);
    expect(blockingReasons({ ...base, blockingWarnings: [-9107] })).toEqual(["warnings"]);
    expect(blockingReasons({ ...base, expired: true })).toEqual([]);
    expect(blockingReasons({ ...base, expired: true, allowExpiredDocument: false })).toEqual(["expired"]);
  });
});

describe("expiry", () => {
  it("reads the printed date orders and validity ranges", () => {
    expect(parsePrintedDate("2031-02-28")).toBe("2031-02-28");
    expect(parsePrintedDate("28/02/2031")).toBe("2031-02-28");
    expect(parsePrintedDate("2015.01.01-2035.01.01")).toBe("2035-01-01");
    expect(parsePrintedDate("31-02-2031")).toBeNull();
    expect(parsePrintedDate("SEUMUR HIDUP")).toBeNull();
  });

  it("judges expiry per struct, lifetime validity and the withdrawn 2003 HKID series", () => {
    const today = "2026-11-22";
    expect(isExpired({ InternationalIDPassport: { DateOfExpiration: "2026-11-21" } }, today)).toBe(true);
    expect(isExpired({ InternationalIDPassport: { DateOfExpiration: "2026-11-22" } }, today)).toBe(false);
    expect(isExpired({ IndonesiaIDCard: { DueDate: "SEUMUR HIDUP" } }, today)).toBe(false);
    expect(isExpired({ HKIDCard: { HKIDVersion: "2003" } }, today)).toBe(true);
    expect(isExpired({ HKIDCard: { HKIDVersion: "2018" } }, today)).toBe(false);
    expect(isExpired(null, today)).toBe(false);
  });
});

describe("user edits on the confirm screen", () => {
  const read = { HKIDCard: { FullName: "CHAN, Tai Mn", ChineseName: null, Sex: "M" } };

  it("records each changed field and keeps the rest", () => {
    const applied = applyEdits(read, { FullName: "CHAN, Tai Man", Sex: "M", ChineseName: "陳大文" }, true);
    expect(applied.normalCardInfo).toEqual({
      HKIDCard: { FullName: "CHAN, Tai Man", ChineseName: "陳大文", Sex: "M" },
    });
    expect(applied.editDetails).toEqual([
      { fieldName: "FullName", originalFieldValue: "CHAN, Tai Mn", revisedFieldValue: "CHAN, Tai Man" },
      { fieldName: "ChineseName", originalFieldValue: null, revisedFieldValue: "陳大文" },
    ]);
  });

  it("refuses unknown fields, markup, and any change when editing is disabled", () => {
    expect(() => applyEdits(read, { Password: "x" }, true)).toThrow(/not a field/);
    expect(() => applyEdits(read, { FullName: "<script>" }, true)).toThrow(/printable/);
    expect(() => applyEdits(read, { FullName: 3 }, true)).toThrow(/string/);
    expect(() => applyEdits(read, { FullName: "Someone else" }, false)).toThrow(/disabled/);
    expect(applyEdits(read, { FullName: "CHAN, Tai Mn" }, false).editDetails).toEqual([]);
  });

  it("edits GeneralCard's Address struct through its FormattedAddress; the view shows it as text", () => {
    const address = {
      Country: "Philippines",
      PostalCode: null,
      Subdivision: null,
      City: null,
      FormattedAddress: "12 RIZL ST, QUEZON CITY",
      LineOne: "12 RIZL ST",
      LineTwo: "QUEZON CITY",
      LineThree: null,
      LineFour: null,
      LineFive: null,
    };
    const general = { GeneralCard: { FullName: "JUAN CRUZ", Address: address, Sex: null } };
    expect(cardStruct(general)).toEqual({
      FullName: "JUAN CRUZ",
      Address: "12 RIZL ST, QUEZON CITY",
      Sex: null,
    });
    const applied = applyEdits(general, { Address: " 12 RIZAL ST , QUEZON CITY" }, true);
    expect(applied.normalCardInfo).toEqual({
      GeneralCard: {
        FullName: "JUAN CRUZ",
        Sex: null,
        Address: {
          ...address,
          FormattedAddress: "12 RIZAL ST , QUEZON CITY",
          LineOne: "12 RIZAL ST",
          LineTwo: "QUEZON CITY",
        },
      },
    });
    expect(applied.editDetails).toEqual([
      {
        fieldName: "Address",
        originalFieldValue: "12 RIZL ST, QUEZON CITY",
        revisedFieldValue: "12 RIZAL ST , QUEZON CITY",
      },
    ]);
    // A struct that is not an Address (or any other non-text member) cannot be overwritten by text.
    expect(() => applyEdits({ GeneralCard: { Other: { a: 1 } } }, { Other: "x" }, true)).toThrow(
      /not a field/,
    );
  });
});
