import { describe, expect, it } from "vitest";
import { parseMrzLines } from "../../src/mrz/parse.ts";
import { type DocumentSpecimen, loadManifest, type TextVector } from "./shared-data.ts";

const vectors = loadManifest<{ vectors: TextVector[] }>("mrz_text_vectors")?.vectors ?? [];
const specimens = loadManifest<{ files: DocumentSpecimen[] }>("id_documents")?.files ?? [];

/** Expected-lines of the specimen images are MRZ text too: same verdicts as printed. */
const all: TextVector[] = [
  ...vectors,
  ...specimens
    .filter((s) => s.expected_mrz)
    .map((s) => ({
      id: s.file,
      lines: s.expected_mrz as string[],
      format: s.format,
      ...(s.check_digits_valid ? { check_digits_valid: s.check_digits_valid } : {}),
      ...(s.all_check_digits_valid !== undefined ? { all_check_digits_valid: s.all_check_digits_valid } : {}),
    })),
];

describe.runIf(all.length > 0)("MRZ text vectors (shared data)", () => {
  it.each(all.map((v) => [v.id, v] as const))("%s: every check-digit verdict as printed", (_id, v) => {
    // Strict parse: the vectors are printed text, nothing to correct.
    const r = parseMrzLines(v.lines, { correct: false });
    const icao = ["TD1", "TD2", "TD3", "MRV-A", "MRV-B", "FRENCH_NATIONAL_ID"];
    if (!icao.includes(v.format)) {
      // Swiss/French driving licences and malformed inputs: an explicit "unknown layout", never a guess.
      expect(r.found).toBe(false);
      expect(r.error?.code).toBe("MRZ_FORMAT_UNKNOWN");
      return;
    }
    expect(r.format).toBe(v.format);
    const mine = Object.fromEntries(r.checks.map((c) => [c.name, c.valid]));
    for (const [name, valid] of Object.entries(v.check_digits_valid ?? {}))
      expect([name, mine[name]]).toEqual([name, valid]);
    const expectedValid = v.all_check_digits_valid ?? v.source_expected_valid;
    if (typeof expectedValid === "boolean") expect(r.valid).toBe(expectedValid);
    // The full (correcting) parse must never turn an invalid vector valid.
    if (expectedValid === false) expect(parseMrzLines(v.lines).valid).toBe(false);
    if (v.fields?.document_number) expect(r.fields?.documentNumber).toBe(v.fields.document_number);
    if (v.fields?.given_names !== undefined) expect(r.fields?.givenNames).toBe(v.fields.given_names);
  });
});
