/**
 * IDCardType "GeneralCard" (any identity document) on synthetic documents: npm run eval:general-card [-- N [types…]]
 * 1. MRZ documents (test/mrz/synthetic-mrz.ts: TD3 passport pages, TD1 cards) read as GeneralCard and as
 *    InternationalIDPassport, key fields (name, number, birth date), check results and warnings side by side.
 * 2. The synthetic card layouts (test/synthetic/) read as GeneralCard, i.e. without their type's layout knowledge,
 *    scored against the same truth as eval:cards (the struct's FullName, LicenseNumber, Birthday).
 * EVAL_SEED_OFFSET=k uses identities k+1…k+N (held out); EVAL_VARIANTS limits the card capture conditions;
 * 3. The real specimens of ../shared/data/id_documents (MRZ documents, the HKID front) read both ways.
 * EVAL_PART=mrz|cards|specimens runs one part. MRZ documents use seeds 101+offset… (their own generator).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCard } from "../packages/documents/src/cards/read-card.ts";
import type { IdCardType } from "../packages/documents/src/cards/types.ts";
import { createOcrEngine } from "../packages/documents/src/ocr/engine.ts";
import {
  degradeDocument,
  type PhotoVariant,
  renderDocument,
  type SyntheticFormat,
  syntheticIdentity,
} from "../packages/documents/test/mrz/synthetic-mrz.ts";
import { degrade, READABLE_VARIANTS, type Variant } from "../packages/documents/test/synthetic/degrade.ts";
import { renderCard, SYNTHETIC_TYPES } from "../packages/documents/test/synthetic/render.ts";

const perType = Number(process.argv[2] ?? 3);
const offset = Number(process.env.EVAL_SEED_OFFSET ?? 0);
const part = process.env.EVAL_PART ?? "all";
const cardVariants = (process.env.EVAL_VARIANTS?.split(",") ?? READABLE_VARIANTS) as Variant[];
const cardTypes = (process.argv.slice(3).length ? process.argv.slice(3) : SYNTHETIC_TYPES) as IdCardType[];
const MRZ_VARIANTS: PhotoVariant[] = ["clean", "rotate", "blur", "noise", "lowres", "light", "photo"];
const norm = (s: string | null | undefined) =>
  (s ?? "").toUpperCase().replace(/[^A-Z0-9\p{Script=Han}]/gu, "");
/**
 * A name is right when it has the same words as the truth in any order, titles aside: without the layout the
 * reader cannot know whether a card prints `SURNAME, Given` or `Given Surname`, and FullName keeps the print.
 */
const words = (s: string | null | undefined) =>
  (s ?? "")
    .toUpperCase()
    .replace(/\b(MR|MRS|MISS|MS)\b\.?/g, " ")
    .split(/[^A-Z0-9\p{Script=Han}]+/u)
    .filter(Boolean)
    .sort()
    .join(" ");
const sameName = (got: string | null | undefined, want: string) =>
  words(got) !== "" && words(got) === words(want);
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");
const REF = "2026-11-22";

interface Score {
  name: boolean;
  number: boolean;
  birth: boolean;
  valid: boolean;
  warnings: number[];
}
const all3 = (s: Score) => s.name && s.number && s.birth;
const engine = await createOcrEngine();

function summarise(title: string, groups: Map<string, Score[]>) {
  console.log(
    `\n## ${title}\n\n| set | n | name | number | birth date | all three | fieldsValid | warnings seen |`,
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [label, rs] of groups) {
    const codes = [...new Set(rs.flatMap((r) => r.warnings))].sort().join(" ");
    const n = (f: (r: Score) => boolean) => pct(rs.filter(f).length, rs.length);
    console.log(
      `| ${label} | ${rs.length} | ${n((r) => r.name)} | ${n((r) => r.number)} | ${n((r) => r.birth)} | ${n(all3)} | ${n((r) => r.valid)} | ${codes} |`,
    );
  }
}

if (part === "all" || part === "mrz") {
  const groups = new Map<string, Score[]>();
  for (const format of ["TD3", "TD1"] as SyntheticFormat[]) {
    for (let seed = 101 + offset; seed < 101 + offset + perType; seed++) {
      const p = syntheticIdentity(seed);
      const page = await renderDocument(format, p);
      const birth = `${Number(p.birthDate.slice(0, 2)) > 26 ? "19" : "20"}${p.birthDate.slice(0, 2)}-${p.birthDate.slice(2, 4)}-${p.birthDate.slice(4, 6)}`;
      for (const variant of MRZ_VARIANTS) {
        const photo = await degradeDocument(page, variant, seed);
        for (const type of ["GeneralCard", "InternationalIDPassport"] as const) {
          const r = await readCard(photo, type, { engine, referenceDate: REF });
          const s = (r.normalCardInfo[type] ?? {}) as Record<string, string | null>;
          const score: Score = {
            name: norm(s.FullName) === norm(`${p.surname} ${p.givenNames}`),
            number: norm(s.LicenseNumber) === norm(p.documentNumber),
            birth: s.Birthday === birth,
            valid: r.fieldsValid,
            warnings: r.warnings,
          };
          const key = `${format} ${type}`;
          groups.set(key, [...(groups.get(key) ?? []), score]);
          if (!all3(score))
            console.log(`miss ${key} #${seed} ${variant}: ${JSON.stringify(s).slice(0, 300)}`);
        }
      }
    }
  }
  summarise(
    `MRZ documents, seeds ${101 + offset}…${100 + offset + perType}, ${MRZ_VARIANTS.join("/")}`,
    groups,
  );
}

if (part === "all" || part === "cards") {
  const groups = new Map<string, Score[]>();
  for (const type of cardTypes) {
    console.error(`reading ${type} as GeneralCard`);
    for (let seed = offset + 1; seed <= offset + perType; seed++) {
      const card = await renderCard(type, seed);
      for (const variant of cardVariants) {
        const r = await readCard(await degrade(card.png, variant, seed), "GeneralCard", {
          engine,
          referenceDate: REF,
        });
        const g = r.normalCardInfo.GeneralCard;
        const truth = card.design.truth;
        const score: Score = {
          name: sameName(g?.FullName, truth.name) || norm(g?.FullName) === norm(truth.name),
          number: norm(g?.LicenseNumber) === norm(truth.number),
          birth: type === "TaiWanIDCard" || g?.Birthday === truth.birthDate,
          valid: r.fieldsValid,
          warnings: r.warnings,
        };
        groups.set(type, [...(groups.get(type) ?? []), score]);
      }
    }
  }
  groups.set("**all**", [...groups.values()].flat());
  summarise(
    `Synthetic cards read as GeneralCard (no layout knowledge), identities ${offset + 1}…${offset + perType}, ${cardVariants.join("/")}`,
    groups,
  );
}
if (part === "all" || part === "specimens") {
  const dir = fileURLToPath(new URL("../../shared/data/id_documents", import.meta.url));
  const manifest = existsSync(`${dir}/MANIFEST.json`)
    ? (JSON.parse(readFileSync(`${dir}/MANIFEST.json`, "utf8")) as {
        files: { file: string; format?: string; expected_fields?: Record<string, string> }[];
      })
    : { files: [] };
  console.log("\n## Real specimens (../shared/data/id_documents)\n");
  console.log("| file | format | type | number right | birth right | checks | fieldsValid | warnings |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const spec of manifest.files) {
    const bytes = readFileSync(`${dir}/${spec.file}`);
    const want = spec.expected_fields ?? {};
    for (const type of ["GeneralCard", "InternationalIDPassport"] as const) {
      const r = await readCard(bytes, type, { engine, referenceDate: REF });
      const s = (r.normalCardInfo[type] ?? {}) as Record<string, string | null>;
      const number = want.document_number
        ? String(norm(s.LicenseNumber) === norm(want.document_number))
        : "-";
      const birth = want.birth_date
        ? String(s.Birthday?.slice(2).replace(/-/g, "") === want.birth_date)
        : "-";
      const checks = Object.entries(r.checks)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      console.log(
        `| ${spec.file} | ${spec.format ?? "-"} | ${type} | ${number} | ${birth} | ${checks} | ${r.fieldsValid} | ${r.warnings.join(" ")} |`,
      );
      if (!spec.expected_fields) console.log(`  read: ${JSON.stringify(s).slice(0, 400)}`);
    }
  }
}
await engine.close();
