import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { IdCardType } from "../../src/cards/types.ts";
import { identity } from "./identities.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardDesign, SYNTHETIC_LAYOUTS } from "./layouts.ts";
import { rng } from "./random.ts";

const LFW_DIR = fileURLToPath(new URL("../../../../../shared/data/face_verify_lfw/images", import.meta.url));
let faces: string[] | null = null;

/** A face photo from the shared LFW set when present; otherwise null (the card gets a drawn placeholder). */
function facePath(seed: number): string | null {
  faces ??= existsSync(LFW_DIR)
    ? readdirSync(LFW_DIR)
        .filter((f) => f.endsWith(".jpg"))
        .sort()
    : [];
  return faces.length ? `${LFW_DIR}/${faces[seed % faces.length]}` : null;
}

/** LFW photos are 350×350 tight crops: the head-and-shoulders part a card prints. */
function lfwPortrait(seed: number): sharp.Sharp | null {
  const path = facePath(seed);
  return path ? sharp(path).extract({ left: 60, top: 40, width: 230, height: 290 }) : null;
}

function guilloche(tint: [string, string]): string {
  const waves: string[] = [];
  for (let i = 0; i < 14; i++) {
    let d = `M0 ${40 + i * 45}`;
    for (let x = 0; x <= CARD_WIDTH; x += 20)
      d += ` L${x} ${(40 + i * 45 + Math.sin((x + i * 37) / 55) * 14).toFixed(1)}`;
    waves.push(`<path d="${d}" stroke="${tint[1]}" stroke-width="2" fill="none" opacity="0.9"/>`);
  }
  return `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="34" fill="${tint[0]}"/>${waves.join("")}`;
}

function placeholder(design: CardDesign): string {
  const { x, y, w, h } = design.photo;
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#c9ced6"/><circle cx="${x + w / 2}" cy="${y + h * 0.38}" r="${w * 0.22}" fill="#8a93a0"/><ellipse cx="${x + w / 2}" cy="${y + h * 0.95}" rx="${w * 0.42}" ry="${h * 0.3}" fill="#8a93a0"/>`;
}

export interface SyntheticCard {
  design: CardDesign;
  /** The flat card, PNG, CARD_WIDTH × CARD_HEIGHT, with transparent rounded corners. */
  png: Buffer;
  /** True when a real face photo was composited into the portrait box. */
  realFace: boolean;
}

export interface RenderOptions {
  /**
   * The holder's photo, already framed as an ID portrait (head and shoulders, about the box's aspect); it is
   * scaled to cover the layout's photo box. Default: an LFW face chosen by `seed`.
   */
  readonly portrait?: Buffer;
  /** Rewrites the printed SVG before rendering: a card whose print was altered (a forged field). */
  readonly alterBody?: (body: string) => string;
}

/** Renders one synthetic card of `type` with identity `seed` (same seed → same card). */
export async function renderCard(
  type: IdCardType,
  seed: number,
  options: RenderOptions = {},
): Promise<SyntheticCard> {
  const layout = SYNTHETIC_LAYOUTS[type];
  if (!layout) throw new Error(`no synthetic layout for ${type}`);
  const r = rng(seed * 7919 + type.length);
  const design = layout(r, identity(r, seed));
  const portrait = options.portrait ? sharp(options.portrait).rotate() : lfwPortrait(seed);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">${guilloche(design.tint)}${portrait ? "" : placeholder(design)}${options.alterBody ? options.alterBody(design.body) : design.body}</svg>`;
  let card = sharp(Buffer.from(svg)).png();
  if (portrait) {
    const { x, y, w, h } = design.photo;
    const photo = await portrait.resize(w, h, { fit: "cover" }).removeAlpha().toBuffer();
    card = sharp(await card.toBuffer()).composite([{ input: photo, left: x, top: y }]);
  }
  return { design, png: await card.png().toBuffer(), realFace: portrait !== null };
}

export const SYNTHETIC_TYPES = Object.keys(SYNTHETIC_LAYOUTS) as IdCardType[];
