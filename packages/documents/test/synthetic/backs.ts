import sharp from "sharp";
import type { IdCardType } from "../../src/cards/types.ts";
import { hmtPermitBack } from "./hmt-permit.ts";
import { identity } from "./identities.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardDesign, SYNTHETIC_LAYOUTS, t } from "./layouts.ts";
import { mainlandBack } from "./mainland.ts";
import { int, type Rng, rng } from "./random.ts";

/** One synthetic card back: SVG body and what it prints. */
export interface BackDesign {
  type: IdCardType;
  body: string;
  tint: [string, string];
  /**
   * What the back prints, in the form the back parser reports it; `crossCheck`: what it prints that the struct
   * has no field for (ParsedBack.crossCheck).
   */
  truth: { number: string | null; fields: Record<string, string>; crossCheck?: Record<string, string> };
}

/**
 * MyKad back (JPN design, simplified): the identity number printed again top left, the contact chip, the
 * Director-General's signature with "KETUA PENGARAH PENDAFTARAN NEGARA", a property notice. Drawn in DejaVu
 * Sans like the fronts. The chip's gold and the signature stroke are there so the OCR sees non-text ink too.
 */
function mykadBack(r: Rng, front: CardDesign): BackDesign {
  const signature = Array.from({ length: 6 }, (_, i) => {
    const x = 640 + i * 45;
    return `Q${x - 20} ${470 + int(r, -30, 30)} ${x} ${485 + int(r, -12, 12)}`;
  }).join(" ");
  const body = [
    t(40, 80, 32, front.truth.number, { bold: true }),
    `<rect x="70" y="210" width="160" height="125" rx="18" fill="#d8b45a" stroke="#8a6d22" stroke-width="3"/>`,
    `<path d="M70 272 H230 M150 210 V335 M110 240 H190 M110 305 H190" stroke="#8a6d22" stroke-width="3"/>`,
    `<path d="M620 490 ${signature}" stroke="#1b2a6b" stroke-width="4" fill="none"/>`,
    t(600, 545, 20, "KETUA PENGARAH", { fill: "#1b2a6b" }),
    t(600, 575, 20, "PENDAFTARAN NEGARA", { fill: "#1b2a6b" }),
    t(40, 600, 16, "KAD INI HAK MILIK KERAJAAN MALAYSIA", { fill: "#34495e" }),
  ].join("");
  return {
    type: "MLIDCard",
    body,
    tint: ["#e6edf5", "#efe3ec"],
    truth: { number: front.truth.number, fields: {} },
  };
}

const BACK_LAYOUTS: Partial<Record<IdCardType, (r: Rng, front: CardDesign) => BackDesign>> = {
  MLIDCard: mykadBack,
  MainlandIDCard: mainlandBack,
  HMTPermit: hmtPermitBack,
};

/** Types with both a synthetic front and a synthetic back. */
export const SYNTHETIC_BACK_TYPES = Object.keys(BACK_LAYOUTS) as IdCardType[];

export interface SyntheticBack {
  design: BackDesign;
  /** The flat back, PNG, CARD_WIDTH × CARD_HEIGHT, with transparent rounded corners. */
  png: Buffer;
}

function background(tint: [string, string]): string {
  const waves: string[] = [];
  for (let i = 0; i < 10; i++) {
    let d = `M0 ${60 + i * 60}`;
    for (let x = 0; x <= CARD_WIDTH; x += 20)
      d += ` L${x} ${(60 + i * 60 + Math.cos((x + i * 53) / 70) * 12).toFixed(1)}`;
    waves.push(`<path d="${d}" stroke="${tint[1]}" stroke-width="2" fill="none" opacity="0.9"/>`);
  }
  return `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="34" fill="${tint[0]}"/>${waves.join("")}`;
}

/**
 * Renders the back of the card `renderCard(type, seed)` renders (same seed → same holder, so the back's number
 * is the front's).
 */
export async function renderCardBack(type: IdCardType, seed: number): Promise<SyntheticBack> {
  const front = SYNTHETIC_LAYOUTS[type];
  const back = BACK_LAYOUTS[type];
  if (!front || !back) throw new Error(`no synthetic back layout for ${type}`);
  // The front's random stream, drawn exactly as renderCard draws it, then the back's own draws after it.
  const r = rng(seed * 7919 + type.length);
  const design = back(r, front(r, identity(r, seed)));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">${background(design.tint)}${design.body}</svg>`;
  return { design, png: await sharp(Buffer.from(svg)).png().toBuffer() };
}
