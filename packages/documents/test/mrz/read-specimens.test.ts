import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMrzWithEngine } from "../../src/mrz/read.ts";
import { createOcrEngine, type OcrEngine } from "../../src/ocr/engine.ts";
import { type DocumentSpecimen, loadManifest, SHARED_DATA } from "./shared-data.ts";

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine();
});
afterAll(async () => {
  await engine.close();
});

const specimens = loadManifest<{ files: DocumentSpecimen[] }>("id_documents")?.files ?? [];
const invalidAsPrinted = specimens.filter(
  (s) => s.file === "mrz/77_card-cmw.png" || s.file === "mrz/imagejs_id_fail.png",
);

describe.runIf(specimens.length > 0)("readMrz on published specimens (shared data)", () => {
  it.each(invalidAsPrinted.map((s) => [s.file, s] as const))(
    "%s is invalid as printed and reported invalid",
    async (file) => {
      const r = await readMrzWithEngine(engine, readFileSync(`${SHARED_DATA}/id_documents/${file}`), {
        crossCheckName: false,
      });
      expect(r.found).toBe(true);
      expect(r.valid).toBe(false);
      expect(r.checks.some((c) => !c.valid)).toBe(true);
    },
  );

  // Regressions of the alternative-read choice: a SAMPLE overprint splitting a TD1 MRZ (pass-one widening),
  // a small passport whose name line loses characters (second-pass read chosen per line), and a name line
  // whose narrow letters the full-line read drops (PUBLIC → PUBLC; head re-read). CMW stays invalid.
  it.each(["mrz/100_id-usa.jpg", "mrz/100_pass-chn.jpg", "mrz/77_card-cmw.png"])(
    "%s: every MRZ line read exactly, validity as printed",
    async (file) => {
      const spec = specimens.find((s) => s.file === file);
      const r = await readMrzWithEngine(engine, readFileSync(`${SHARED_DATA}/id_documents/${file}`), {
        crossCheckName: false,
      });
      expect(r.lines).toEqual(spec?.expected_mrz);
      expect(r.valid).toBe(spec?.all_check_digits_valid);
    },
  );

  it("the HKID front (no MRZ) gives MRZ_NOT_FOUND", async () => {
    const r = await readMrzWithEngine(
      engine,
      readFileSync(`${SHARED_DATA}/id_documents/hkid/hkid_specimen_lee_chi_nan.jpg`),
    );
    expect(r.found).toBe(false);
    expect(r.error?.code).toBe("MRZ_NOT_FOUND");
  });

  it("reads the ICAO TD3 specimen exactly", async () => {
    const spec = specimens.find((s) => s.file === "mrz/passport-td3.jpg");
    const r = await readMrzWithEngine(
      engine,
      readFileSync(`${SHARED_DATA}/id_documents/mrz/passport-td3.jpg`),
    );
    expect(r.lines).toEqual(spec?.expected_mrz);
    expect(r.valid).toBe(true);
    expect(r.passport).toMatchObject({
      Surname: "ERIKSSON",
      GivenName: "ANNA MARIA",
      Birthday: "1974-08-12",
      Sex: "F",
    });
  });
});
