import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMrzWithEngine } from "../../src/mrz/read.ts";
import { createOcrEngine, type OcrEngine } from "../../src/ocr/engine.ts";
import {
  degradeDocument,
  mrzLines,
  renderDocument,
  renderNoMrzPage,
  syntheticIdentity,
} from "./synthetic-mrz.ts";

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine();
});
afterAll(async () => {
  await engine.close();
});

describe("readMrz on synthetic photos (real PP-OCR models)", () => {
  it.each([
    ["TD3", "rotate", 1],
    ["TD3", "photo", 2],
    ["TD1", "noise", 5],
    // Keystoned: `VNM` once came back `V2M`, format-fixed to the unknown code `VZM` with every check digit holding.
    ["TD1", "perspective", 106],
  ] as const)("%s %s: reads every line exactly and validates", async (format, variant, seed) => {
    const person = syntheticIdentity(seed);
    const image = await degradeDocument(await renderDocument(format, person), variant, seed);
    const r = await readMrzWithEngine(engine, image);
    expect(r.found).toBe(true);
    expect(r.lines).toEqual(mrzLines(format, person));
    expect(r.valid).toBe(true);
    expect(r.checks.every((c) => c.valid)).toBe(true);
    expect(r.passport?.LicenseNumber).toBe(person.documentNumber);
    if (format === "TD3") expect(r.nameCheck.status).toBe("match");
  });

  it("flags an MRZ name that the printed name does not carry", async () => {
    const person = syntheticIdentity(6);
    const image = await degradeDocument(await renderDocument("TD3", person, "JOHANSSON"), "clean", 6);
    const r = await readMrzWithEngine(engine, image);
    expect(r.valid).toBe(true);
    expect(r.nameCheck.status).toBe("mismatch");
    expect(r.warnings.map((w) => w.code)).toContain("NAME_MISMATCH_VIZ");
  });

  it("answers MRZ_NOT_FOUND for a page without an MRZ", async () => {
    const r = await readMrzWithEngine(engine, await renderNoMrzPage());
    expect(r.found).toBe(false);
    expect(r.error?.code).toBe("MRZ_NOT_FOUND");
    expect(r.lines).toEqual([]);
    expect(r.passport).toBeNull();
  });
});
