import type { OcrEngine } from "../ocr/engine.ts";
import type { OrientedBox } from "../ocr/geometry.ts";
import { decodeImage, type RgbImage, warpBox } from "../ocr/image.ts";
import { enclose, mergeRows } from "../ocr/rows.ts";
import { chooseBlock, looksLikeMrz, type MrzBlock, median, mergeBlocks, type RowRead } from "./locate.ts";
import { composeNameLine, nameHeadBox } from "./name-head.ts";
import { toInternationalIdPassport } from "./passport.ts";
import type { InternationalIDPassport, MrzReading } from "./types.ts";
import { checkNameAgainstViz, type NameCheck } from "./viz.ts";

export interface MrzImageReading extends MrzReading {
  /** MRZ name vs the printed name: `mismatch` also adds a NAME_MISMATCH_VIZ warning. */
  readonly nameCheck: NameCheck;
  /** Tencent's struct (filled for every format; the MRZ is the passport's source of truth). */
  readonly passport: InternationalIDPassport | null;
  /** Where the MRZ lines are, in the decoded image's coordinates (empty when not found). */
  readonly mrzBoxes: OrientedBox[];
  readonly timingsMs: { readonly total: number; readonly ocr: number };
}

export interface ReadMrzOptions {
  /** Read the rest of the page to cross-check the MRZ name (default true; costs one more recogniser pass). */
  readonly crossCheckName?: boolean;
  /** Reference time for expiry warnings and the century of birth dates. */
  readonly now?: Date;
}

/** Rows at least this many heights long may be MRZ lines (a 30-character TD1 line is ~15). */
const MIN_ROW_ASPECT = 8;
const MAX_CANDIDATE_ROWS = 8;
/** Pixel height of an MRZ row box in the second-pass crop. */
const CROP_ROW_HEIGHT = 44;
const MAX_CROP_WIDTH = 1600;
const VIZ_BATCH = 8;
/** Name search tolerates one slip per part, so the VIZ is read squeezed (40% fewer columns). */
const VIZ_WIDTH_SCALE = 0.6;

interface Pass {
  readonly block: MrzBlock | null;
  readonly rows: RowRead[];
  /** Detector boxes not part of a candidate row, for the VIZ read. */
  readonly otherBoxes: OrientedBox[];
}

async function readRows(
  engine: OcrEngine,
  image: RgbImage,
  detectorSide: number,
  maxRowGap: number,
): Promise<Pass> {
  const boxes = await engine.detect(image, { detectorSide });
  const rows = mergeRows(boxes, maxRowGap).map((members) => ({ members, box: enclose(members) }));
  const candidates = rows
    .filter((r) => r.box.width >= MIN_ROW_ASPECT * r.box.height)
    .sort((a, b) => b.box.width - a.box.width)
    .slice(0, MAX_CANDIDATE_ROWS);
  const read = new Map<OrientedBox, RowRead>();
  const readSome = async (boxesToRead: readonly OrientedBox[]) => {
    const todo = boxesToRead.filter((b) => !read.has(b));
    const texts = await engine.readBoxes(image, todo);
    todo.forEach((box, i) => {
      const t = texts[i];
      read.set(box, {
        box,
        mrz: t?.mrz.text ?? "",
        text: t?.text.text ?? "",
        confidence: t?.mrz.confidence ?? 0,
      });
    });
  };
  // The recogniser is the expensive part: read the likeliest MRZ-shaped group of rows first and the
  // other long rows only when that group does not give a valid MRZ.
  let block: MrzBlock | null = null;
  const group = likeliestGroup(candidates.map((c) => c.box));
  if (group.length > 0) {
    await readSome(group);
    block = chooseBlock([...read.values()]);
  }
  if (!block?.reading.valid || block.adjustment >= 2) {
    await readSome(candidates.map((c) => c.box));
    block = chooseBlock([...read.values()]);
  }
  if (!block?.reading.valid) {
    // Rows the detector saw only in part, widened to the extent of the widest MRZ line and read again. On
    // the whole page too: an overprint (SAMPLE across a TD1 MRZ) splits lines already in the first pass.
    const reference = [...read.values()].filter(looksLikeMrz).sort((a, b) => b.box.width - a.box.width)[0];
    if (reference) {
      const widened = rows
        .map((r) => alignedTo(r.box, reference.box))
        .filter((b): b is OrientedBox => b !== null);
      await readSome(widened);
      block = chooseBlock([...read.values()]);
    }
    // Noise or glare can hide a line's filler tail from the detector and the recogniser alike: extend the
    // MRZ rows rightwards to the full 44 or 36 characters at the reference's pitch and read them again.
    const lines = [...read.values()].filter(looksLikeMrz);
    for (const chars of [44, 36]) {
      if (!reference || block?.reading.valid) break;
      const pitch = reference.box.width / Math.max(1, reference.mrz.length);
      const width = chars * pitch * 1.03;
      if (width < 1.08 * reference.box.width) continue;
      // 1.5 characters of room on the left too: the first character is often clipped with the tail.
      await readSome(lines.map((r) => extendRight(r.box, width, 1.5 * pitch)));
      block = chooseBlock([...read.values()]);
    }
  }
  if (block?.nameLineFitted) {
    const head = await rereadNameHead(engine, image, block);
    if (head) {
      read.set(head.box, head);
      block = chooseBlock([...read.values()]);
    }
  }
  const readBoxesSet = new Set(read.keys());
  const otherBoxes = rows.filter((r) => !readBoxesSet.has(r.box)).flatMap((r) => r.members);
  return { block, rows: [...read.values()], otherBoxes };
}

/**
 * The name line of `block` read again from the head of its box (see name-head.ts): an alternative read of
 * that line, on the line's own box so that it groups with it, or null when the head read proves nothing.
 */
async function rereadNameHead(engine: OcrEngine, image: RgbImage, block: MrzBlock): Promise<RowRead | null> {
  const row = block.nameLine === null ? undefined : block.rows[block.nameLine];
  if (!row) return null;
  const box = nameHeadBox(row.box, row.mrz, block.width);
  if (!box) return null;
  const [head] = await engine.readBoxes(image, [box]);
  const line = head ? composeNameLine(head.mrz.text, row.mrz, block.width) : null;
  if (!head || !line) return null;
  return { box: { ...row.box }, mrz: line, text: head.text.text, confidence: head.mrz.confidence };
}

/**
 * MRZ lines are the longest rows of a page, equally long and equally spaced: the widest run of 2-3 such
 * rows, judged on geometry alone (before any recognition).
 */
function likeliestGroup(boxes: readonly OrientedBox[]): OrientedBox[] {
  if (boxes.length < 2) return [...boxes];
  const angle = median(boxes.map((b) => b.angle));
  const acrossOf = (b: OrientedBox) => -b.cx * Math.sin(angle) + b.cy * Math.cos(angle);
  const sorted = [...boxes].sort((a, b) => acrossOf(a) - acrossOf(b));
  let best: OrientedBox[] = [];
  let bestWidth = 0;
  for (let i = 0; i < sorted.length; i++) {
    const chain = [sorted[i] as OrientedBox];
    for (let j = i + 1; j < sorted.length && chain.length < 3; j++) {
      const last = chain[chain.length - 1] as OrientedBox;
      const next = sorted[j] as OrientedBox;
      const step = acrossOf(next) - acrossOf(last);
      const h = (last.height + next.height) / 2;
      if (step > 3.2 * h) break;
      if (step < 0.6 * h) continue;
      if (Math.max(last.width, next.width) > 1.2 * Math.min(last.width, next.width)) continue;
      chain.push(next);
    }
    if (chain.length < 2) continue;
    const width = Math.min(...chain.map((b) => b.width));
    if (width > bestWidth) {
      best = chain;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * MRZ lines of one document start at the same place and are equally long. In the MRZ crop, a row the
 * detector saw only in part (glare, a finger, a pen mark) is widened to the reference MRZ line's extent so
 * the recogniser reads the whole line. Null when the row is not a partial line next to the reference.
 */
function alignedTo(b: OrientedBox, ref: OrientedBox): OrientedBox | null {
  const ux = Math.cos(ref.angle);
  const uy = Math.sin(ref.angle);
  const dx = b.cx - ref.cx;
  const dy = b.cy - ref.cy;
  const across = -dx * uy + dy * ux;
  const alignedSlant = Math.abs(b.angle - ref.angle) < (8 * Math.PI) / 180;
  const partial = b.width < 0.9 * ref.width && b.width >= 3 * b.height;
  const near = Math.abs(across) > 0.5 * ref.height && Math.abs(across) < 3.5 * ref.height;
  if (!alignedSlant || !partial || !near) return null;
  return {
    cx: ref.cx - across * uy,
    cy: ref.cy + across * ux,
    width: ref.width,
    height: b.height,
    angle: ref.angle,
  };
}

/** The same row starting `left` earlier and `width + left` long. */
function extendRight(b: OrientedBox, width: number, left: number): OrientedBox {
  const shift = (width - b.width) / 2;
  const total = width + left;
  const move = shift - left / 2;
  return { ...b, cx: b.cx + move * Math.cos(b.angle), cy: b.cy + move * Math.sin(b.angle), width: total };
}

/**
 * Second look at the MRZ region: deskewed, scaled to a known row height and with a white-space margin
 * around it (the detector finds lines far better with context), wide enough for a full line even when the
 * first pass saw only part of it.
 */
function mrzRegion(rows: readonly RowRead[]): { box: OrientedBox; scale: number } {
  const box = enclose(rows.map((r) => r.box));
  const h = median(rows.map((r) => r.box.height));
  // A line read short may belong to any layout (its filler tail lost): leave room for 44 characters.
  const chars = 44;
  const pitch = Math.max(...rows.map((r) => r.box.width / Math.max(1, r.mrz.length)));
  const missing = Math.max(h, chars * pitch * 1.05 - box.width);
  const vertical = rows.length >= 2 ? 1.5 * h : 2.6 * h;
  const region = { ...box, width: box.width + 2 * missing, height: box.height + 2 * vertical };
  const scale = Math.min(CROP_ROW_HEIGHT / h, MAX_CROP_WIDTH / region.width);
  return { box: region, scale };
}

async function secondPass(engine: OcrEngine, image: RgbImage, rows: readonly RowRead[]): Promise<Pass> {
  const { box, scale } = mrzRegion(rows);
  const width = Math.max(32, Math.round(box.width * scale));
  const height = Math.max(32, Math.round(box.height * scale));
  const crop = warpBox(image, box, width, height);
  // Inside the MRZ crop anything on one baseline is the same MRZ line, even across a glare gap.
  return readRows(engine, crop, Math.ceil(Math.max(width, height) / 32) * 32, 8);
}

function notFound(started: number, ocr: number, reason: string): MrzImageReading {
  return {
    found: false,
    format: null,
    lines: [],
    rawLines: [],
    fields: null,
    checks: [],
    valid: false,
    corrections: [],
    warnings: [],
    error: { code: "MRZ_NOT_FOUND", message: reason },
    nameCheck: { status: "unchecked", missing: [] },
    passport: null,
    mrzBoxes: [],
    timingsMs: { total: Date.now() - started, ocr },
  };
}

/** Finds, reads, corrects (only provably) and validates the MRZ of a document photo. */
export async function readMrzWithEngine(
  engine: OcrEngine,
  bytes: Uint8Array,
  options: ReadMrzOptions = {},
): Promise<MrzImageReading> {
  const started = Date.now();
  const image = await decodeImage(bytes);
  const first = await readRows(engine, image, 960, 2.5);
  let block = first.block;
  let mrzBoxes = block?.rows.map((r) => r.box) ?? [];
  // A second look when the read is invalid, needed much fitting, or fitted the name line: no check digit
  // covers the name, so a character lost there (YUKI read as UKI) passes every check. Also when a check
  // digit was made to pass by a look-alike substitution: the arithmetic confirms a wrong guess now and then
  // (a C read as 0, "fixed" elsewhere), and a read that needs no substitution is the better evidence.
  const guessed = block?.reading.corrections.some((c) => c.reason === "check-digit") ?? false;
  if (!block?.reading.valid || block.adjustment >= 2 || block.nameLineFitted || guessed) {
    const seeds = block?.rows ?? first.rows.filter(looksLikeMrz).slice(0, 3);
    if (seeds.length > 0) {
      const second = await secondPass(engine, image, seeds);
      const merged = block && second.block ? mergeBlocks(block, second.block) : null;
      if (merged && merged.score > Math.max(block?.score ?? 0, second.block?.score ?? 0)) {
        block = merged;
      } else if (second.block && (!block || second.block.score > block.score)) {
        block = second.block;
        mrzBoxes = seeds.map((r) => r.box);
      }
    }
  }
  const ocrMs = Date.now() - started;
  if (!block) return notFound(started, ocrMs, "No machine-readable zone was found in the image.");

  let nameCheck: NameCheck = { status: "unchecked", missing: [] };
  const warnings = [...block.reading.warnings];
  const fields = block.reading.fields;
  if ((options.crossCheckName ?? true) && fields) {
    const texts = first.rows.filter((r) => !looksLikeMrz(r)).map((r) => r.text);
    nameCheck = checkNameAgainstViz(fields.surname, fields.givenNames, texts);
    // Read the page top-down in small batches and stop as soon as every name part is found.
    const angle = median(first.rows.map((r) => r.box.angle).concat([0]));
    const queue = first.otherBoxes
      .filter((b) => b.width >= 1.5 * b.height)
      .sort(
        (a, b) =>
          -a.cx * Math.sin(angle) +
          a.cy * Math.cos(angle) -
          (-b.cx * Math.sin(angle) + b.cy * Math.cos(angle)),
      );
    for (let i = 0; i < queue.length && nameCheck.status !== "match"; i += VIZ_BATCH) {
      const viz = await engine.readBoxes(image, queue.slice(i, i + VIZ_BATCH), VIZ_WIDTH_SCALE);
      texts.push(...viz.map((v) => v.text.text));
      nameCheck = checkNameAgainstViz(fields.surname, fields.givenNames, texts);
    }
    if (nameCheck.status === "mismatch") {
      warnings.push({
        code: "NAME_MISMATCH_VIZ",
        message: `The MRZ name part(s) ${nameCheck.missing.join(", ")} do not appear in the printed name.`,
      });
    } else if (nameCheck.status === "unchecked") {
      warnings.push({
        code: "NAME_NOT_IN_VIZ",
        message: "The MRZ name could not be compared with a printed name.",
      });
    }
  }
  const reading: MrzReading = { ...block.reading, warnings };
  return {
    ...reading,
    nameCheck,
    passport: toInternationalIdPassport(reading, options.now),
    mrzBoxes,
    timingsMs: { total: Date.now() - started, ocr: ocrMs },
  };
}
