import { describe, expect, it } from "vitest";
import { addressFromLines, generalCard } from "./general-card.ts";

describe("generalCard", () => {
  it("emits every key of the struct, null where nothing was read", () => {
    const card = generalCard({ FullName: "JUAN DELA CRUZ", LicenseNumber: "1234567890123456" });
    expect(Object.keys(card)).toHaveLength(22);
    expect(card.FullName).toBe("JUAN DELA CRUZ");
    expect(card.Birthday).toBeNull();
    expect(card.Address).toBeNull();
  });

  it("builds the Address struct from printed lines without guessing its parts", () => {
    const address = addressFromLines([" 12 RIZAL ST ", "", "QUEZON CITY"], { Country: "Philippines" });
    expect(address).toEqual({
      Country: "Philippines",
      PostalCode: null,
      Subdivision: null,
      City: null,
      FormattedAddress: "12 RIZAL ST, QUEZON CITY",
      LineOne: "12 RIZAL ST",
      LineTwo: "QUEZON CITY",
      LineThree: null,
      LineFour: null,
      LineFive: null,
    });
    expect(addressFromLines(["", "  "])).toBeNull();
    const six = addressFromLines(["1", "2", "3", "4", "5", "6"]);
    expect(six?.LineFive).toBe("5");
    expect(six?.FormattedAddress).toBe("1, 2, 3, 4, 5, 6");
  });
});
