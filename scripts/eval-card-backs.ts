/**
 * Back-side evaluation on synthetic cards: npm run eval:card-backs [-- <ids per type>]
 * Renders the back of every type with a synthetic back layout (test/synthetic/backs.ts), photographs it under
 * each readable capture condition (test/synthetic/degrade.ts), runs readCardBack (real PP-OCR) and checks what
 * the back prints against the truth: the number (MyKad), the printed fields (Mainland: Authority, ValidDate), the
 * values kept for cross-checks (HMTPermit: name, identity card number) and that the photo is recognised as a back. Prints a per-variant table and the latency, and writes the raw rows to
 * /tmp/eval-card-backs.json. Further arguments limit the types: npm run eval:card-backs -- 3 MainlandIDCard
 */
import { writeFile } from "node:fs/promises";
import { readCardBack } from "../packages/documents/src/cards/read-back.ts";
import type { IdCardType } from "../packages/documents/src/cards/types.ts";
import { createOcrEngine } from "../packages/documents/src/ocr/engine.ts";
import { renderCardBack, SYNTHETIC_BACK_TYPES } from "../packages/documents/test/synthetic/backs.ts";
import { degrade, READABLE_VARIANTS, type Variant } from "../packages/documents/test/synthetic/degrade.ts";

const perType = Number(process.argv[2] ?? 3);
const types = (process.argv.length > 3 ? process.argv.slice(3) : SYNTHETIC_BACK_TYPES) as IdCardType[];
const engine = await createOcrEngine();
const rows: {
  type: string;
  seed: number;
  variant: Variant;
  /** null when the type's back prints no number. */
  number: boolean | null;
  /** Every printed field equal to the truth; null when the back has no fields to read. */
  fields: boolean | null;
  /** Everything printed for the cross-checks (HMTPermit: name, identity card number) equal to the truth. */
  crossCheck: boolean | null;
  /** Recognised as a back; null for a back that prints nothing to recognise (the Taiwan residents' permit). */
  backSide: boolean | null;
  ms: number;
}[] = [];
for (const type of types) {
  for (let i = 0; i < perType; i++) {
    // Seeds apart from the front evaluation's, so the backs are other holders than the fronts measured there.
    const seed = 101 + i;
    const back = await renderCardBack(type, seed);
    for (const variant of READABLE_VARIANTS) {
      const photo = await degrade(back.png, variant, seed);
      const started = performance.now();
      const reading = await readCardBack(photo, type, { engine });
      const ms = performance.now() - started;
      rows.push({
        type,
        seed,
        variant,
        number: back.design.truth.number === null ? null : reading.back?.number === back.design.truth.number,
        fields: Object.keys(back.design.truth.fields).length
          ? Object.entries(back.design.truth.fields).every(([k, v]) => reading.back?.normal[k] === v)
          : null,
        crossCheck: back.design.truth.crossCheck
          ? Object.entries(back.design.truth.crossCheck).every(
              ([k, v]) => reading.back?.crossCheck?.[k] === v,
            )
          : null,
        backSide: back.design.body === "" ? null : reading.back?.checks.backSide === true,
        ms,
      });
      process.stdout.write(".");
    }
  }
}
await engine.close();
process.stdout.write("\n");
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
/** Hits over the rows where the measure applies; "-" when it applies to none. */
const share = (
  of: typeof rows,
  key: "number" | "fields" | "crossCheck" | "backSide",
  format: (n: number, d: number) => string,
) => {
  const applies = of.filter((r) => r[key] !== null);
  return applies.length ? format(applies.filter((r) => r[key]).length, applies.length) : "-";
};
const frac = (n: number, d: number) => `${n}/${d}`;
console.log(
  "| type | variant | number read | printed fields right | cross-check values right | recognised as a back |\n|---|---|---|---|---|---|",
);
for (const type of types)
  for (const variant of READABLE_VARIANTS) {
    const of = rows.filter((r) => r.type === type && r.variant === variant);
    console.log(
      `| ${type} | ${variant} | ${share(of, "number", frac)} | ${share(of, "fields", frac)} | ${share(of, "crossCheck", frac)} | ${share(of, "backSide", frac)} |`,
    );
  }
const all = rows.length;
console.log(
  `| **all** | | ${share(rows, "number", pct)} | ${share(rows, "fields", pct)} | ${share(rows, "crossCheck", pct)} | ${share(rows, "backSide", pct)} |`,
);
const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  `readCardBack latency: median ${(ms[ms.length >> 1]! / 1000).toFixed(2)} s, p90 ${(ms[Math.floor(ms.length * 0.9)]! / 1000).toFixed(2)} s over ${all} captures`,
);
await writeFile("/tmp/eval-card-backs.json", JSON.stringify(rows, null, 2));
