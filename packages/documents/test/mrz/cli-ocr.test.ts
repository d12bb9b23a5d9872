import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runOcr } from "../../../cli/src/commands/ocr.ts";
import { degradeDocument, mrzLines, renderDocument, syntheticIdentity } from "./synthetic-mrz.ts";

const dir = mkdtempSync(join(tmpdir(), "openekyc-ocr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  stderr.on("data", (d) => {
    err += String(d);
  });
  return { io: { stdout, stderr }, text: () => ({ out, err }) };
}

describe("openekyc ocr", () => {
  it("prints the passport struct, MRZ lines and check-digit verdicts as JSON", async () => {
    const person = syntheticIdentity(21);
    const file = join(dir, "passport.jpg");
    writeFileSync(file, await degradeDocument(await renderDocument("TD3", person), "clean", 21));
    const c = capture();
    const status = await runOcr([file, "--json"], c.io);
    expect(status).toBe(0);
    const report = JSON.parse(c.text().out);
    expect(report.valid).toBe(true);
    expect(report.mrzLines).toEqual(mrzLines("TD3", person));
    expect(report.InternationalIDPassport.Surname).toBe(person.surname);
    expect(report.checks.map((x: { name: string }) => x.name)).toContain("composite");
  });

  it("answers usage errors with status 2 without loading models", async () => {
    const c = capture();
    expect(await runOcr([], c.io)).toBe(2);
    expect(c.text().err).toContain("Usage");
  });
});
