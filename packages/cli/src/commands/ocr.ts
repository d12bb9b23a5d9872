import { readFileSync } from "node:fs";
import { createOcrEngine, type MrzImageReading, readCard, readMrzWithEngine } from "@openekyc/documents";
import { type CommandIo, parseArgs, writeLine } from "../io.ts";

const usage = `Usage:
  openekyc ocr IMAGE [--type InternationalIDPassport|HKIDCard|MLIDCard|…] [--json]

Without --type the image is read as a passport/visa/ID card with an MRZ.
Exit status: 0 document read (see "valid"), 3 nothing readable (MRZ_NOT_FOUND), 2 usage, 1 error.`;

const PASSPORT = "InternationalIDPassport";

function mrzReport(r: MrzImageReading) {
  return {
    type: PASSPORT,
    found: r.found,
    format: r.format,
    valid: r.valid,
    InternationalIDPassport: r.passport,
    mrzLines: r.lines,
    rawMrzLines: r.rawLines,
    checks: r.checks,
    corrections: r.corrections,
    nameCheck: r.nameCheck,
    warnings: r.warnings,
    ...(r.error ? { error: r.error } : {}),
    timingsMs: r.timingsMs,
  };
}

function printText(io: CommandIo, r: MrzImageReading): void {
  if (!r.found) {
    writeLine(io.stdout, `${r.error?.code ?? "MRZ_NOT_FOUND"}: ${r.error?.message ?? "no MRZ"}`);
    return;
  }
  writeLine(io.stdout, `${r.format} MRZ — ${r.valid ? "VALID" : "INVALID"}`);
  for (const line of r.lines) writeLine(io.stdout, `  ${line}`);
  for (const [key, value] of Object.entries(r.passport ?? {})) {
    if (!key.startsWith("PassportCode")) writeLine(io.stdout, `${key.padEnd(17)} ${value ?? ""}`);
  }
  writeLine(
    io.stdout,
    `check digits      ${r.checks.map((c) => `${c.name} ${c.valid ? "ok" : `FAIL (${c.printed}≠${c.expected})`}`).join(", ")}`,
  );
  for (const c of r.corrections)
    writeLine(
      io.stdout,
      `corrected         line ${c.line + 1} pos ${c.position + 1}: ${c.from}→${c.to} (${c.field}, ${c.reason})`,
    );
  writeLine(io.stdout, `printed name      ${r.nameCheck.status}`);
  for (const w of r.warnings) writeLine(io.stdout, `warning           ${w.code}: ${w.message}`);
}

/** Cut card and portrait JPEGs are summarised, not dumped as byte arrays. */
function imagesAsSizes(_key: string, value: unknown): unknown {
  const buffer = value as { type?: unknown; data?: unknown } | null;
  if (buffer && buffer.type === "Buffer" && Array.isArray(buffer.data))
    return `<JPEG, ${buffer.data.length} bytes>`;
  return value;
}

export async function runOcr(args: string[], io: CommandIo): Promise<number> {
  const { positional, flags } = parseArgs(args, ["json"]);
  const [file] = positional;
  const type = flags.get("type");
  if (!file || positional.length > 1 || type === true) {
    writeLine(io.stderr, usage);
    return 2;
  }
  const bytes = readFileSync(file);
  const engine = await createOcrEngine();
  try {
    if (type === undefined || type === PASSPORT) {
      const reading = await readMrzWithEngine(engine, bytes);
      if (flags.has("json")) writeLine(io.stdout, JSON.stringify(mrzReport(reading), null, 2));
      else printText(io, reading);
      return reading.found ? 0 : 3;
    }
    // Card types: the cards reader (layouts, number rules, capture warnings, portrait).
    const reading = await readCard(bytes, type, { engine });
    writeLine(
      io.stdout,
      JSON.stringify({ type, ...reading }, imagesAsSizes, flags.has("json") ? 2 : undefined),
    );
    return 0;
  } finally {
    await engine.close();
  }
}
