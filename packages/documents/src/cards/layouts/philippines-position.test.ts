import { describe, expect, it } from "vitest";
import type { CardLine } from "../lines.ts";
import { parseDrivingLicense, parseUmid } from "./philippines.ts";

// Lines PP-OCR returned on screen-moiré captures of synthetic cards (seed 1), where the small labels misread.
type Spec = [text: string, x0: number, y0: number, x1: number, y1: number];
const lines = (specs: Spec[]): CardLine[] =>
  specs.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.95, x0, y0, x1, y1 }));

const UMID_SCREEN: Spec[] = [
  ["UNIFIED MULTI-PURPOSE ID", 0.333, 0.036, 0.668, 0.081],
  ["CRN-5303-7068875-3", 0.329, 0.125, 0.677, 0.169],
  ["TAN", 0.325, 0.265, 0.384, 0.308],
  ["GVENNAME", 0.326, 0.338, 0.435, 0.376],
  ["ROBERTO", 0.326, 0.381, 0.463, 0.424],
  ["MIODLENA", 0.327, 0.454, 0.424, 0.489],
  ["RAMOS", 0.325, 0.495, 0.433, 0.541],
  ["DAEOFBRH", 0.475, 0.575, 0.602, 0.611],
  ["1957/06/05", 0.472, 0.615, 0.614, 0.662],
  ["ADDRES", 0.326, 0.688, 0.401, 0.725],
  ["691LUNA ST.CEBU CITY", 0.325, 0.738, 0.571, 0.777],
];

describe("UMID name rows with unreadable labels", () => {
  it("finds misread labels fuzzily and the surname above GIVEN NAME", () => {
    const umid = parseUmid(lines(UMID_SCREEN)).normal.PhilippinesUMID;
    expect(umid).toMatchObject({ Surname: "TAN", GivenName: "ROBERTO", MiddleName: "RAMOS" });
    expect(umid?.Birthday).toBe("1957-06-05");
  });

  it("leaves the surname null when the print above GIVEN NAME is gone (no guessing from the label)", () => {
    const hidden = UMID_SCREEN.filter(([text]) => text !== "TAN");
    // The SURNAME label itself, misread, is what remains above: it must not become the surname.
    hidden.push(["SURNAM", 0.326, 0.22, 0.41, 0.255]);
    const umid = parseUmid(lines(hidden)).normal.PhilippinesUMID;
    expect(umid?.Surname).toBeNull();
    expect(umid?.GivenName).toBe("ROBERTO");
    expect(parseUmid(lines(hidden)).key.name).toBeNull();
  });
});

const LTO_SCREEN: Spec[] = [
  ["REPUBLIC OF THE PHILIPPINES", 0.312, 0.037, 0.687, 0.078],
  ["LAND TRANSPORTATION OFFICE", 0.305, 0.091, 0.695, 0.131],
  ["LEE, HUI SHAN, FLORES", 0.299, 0.241, 0.663, 0.289],
  ["ationa", 0.306, 0.34, 0.366, 0.364],
  ["Dateo", 0.578, 0.341, 0.631, 0.363],
  ["PHL", 0.297, 0.378, 0.342, 0.416],
  ["1990/01/19", 0.571, 0.372, 0.711, 0.422],
  ["Addres", 0.301, 0.471, 0.349, 0.497],
  ["734 MABINI ST,MANILA", 0.297, 0.506, 0.555, 0.554],
  ["Exoration Date", 0.574, 0.606, 0.704, 0.642],
  ["N25-30-014022", 0.297, 0.652, 0.519, 0.695],
  ["2031/03/15", 0.57, 0.654, 0.709, 0.697],
];

describe("LTO name row with an unreadable label", () => {
  it("takes the comma-shaped row above the dated rows", () => {
    const dl = parseDrivingLicense(lines(LTO_SCREEN)).normal.PhilippinesDrivingLicense;
    expect(dl).toMatchObject({ LastName: "LEE", FirstName: "HUI SHAN", MiddleName: "FLORES" });
    expect(dl?.Birthday).toBe("1990-01-19");
  });

  it("does not take a comma-shaped line below the birth-date row", () => {
    const moved = LTO_SCREEN.filter(([text]) => !text.startsWith("LEE"));
    moved.push(["LEE, HUI SHAN, FLORES", 0.299, 0.44, 0.663, 0.46]);
    expect(parseDrivingLicense(lines(moved)).normal.PhilippinesDrivingLicense?.LastName).toBeNull();
  });
});
