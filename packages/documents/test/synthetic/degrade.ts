import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH } from "./layouts.ts";
import { keystonePhoto } from "./perspective.ts";
import { rng } from "./random.ts";

/** Capture conditions applied to a rendered card, as a phone photo of it on a table would show them. */
export const VARIANTS = [
  "clean",
  "rot",
  "blur",
  "noise",
  "lowres",
  "glare",
  "photocopy",
  "screen",
  "perspective",
  "cutoff",
  "edited",
] as const;
export type Variant = (typeof VARIANTS)[number];

/** Variants whose printed fields are all visible and unaltered; cut-off and edited cards are warning tests only. */
export const READABLE_VARIANTS: readonly Variant[] = VARIANTS.filter((v) => v !== "cutoff" && v !== "edited");

const SCENE_W = 1400;
const SCENE_H = 1000;

async function onTable(card: Buffer, angle: number, offset: { x: number; y: number }): Promise<Buffer> {
  const rotated = await sharp(card)
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const meta = await sharp(rotated).metadata();
  const left = Math.round((SCENE_W - meta.width!) / 2 + offset.x);
  const top = Math.round((SCENE_H - meta.height!) / 2 + offset.y);
  return table([{ input: rotated, left, top }]);
}

/** The wooden table, SCENE_W × SCENE_H, with `layers` laid on it. */
async function table(layers: sharp.OverlayOptions[] = []): Promise<Buffer> {
  return sharp({
    create: { width: SCENE_W, height: SCENE_H, channels: 3, background: { r: 92, g: 70, b: 52 } },
  })
    .composite([{ input: await woodNoise(), blend: "overlay" }, ...layers])
    .png()
    .toBuffer();
}

let wood: Buffer | null = null;
async function woodNoise(): Promise<Buffer> {
  if (wood) return wood;
  const data = Buffer.alloc(SCENE_W * SCENE_H * 3);
  const r = rng(99);
  for (let y = 0; y < SCENE_H; y++) {
    const band = Math.sin(y / 9) * 25;
    for (let x = 0; x < SCENE_W; x++) {
      const v = 128 + band + (r() - 0.5) * 30;
      data.fill(Math.max(0, Math.min(255, v)), (y * SCENE_W + x) * 3, (y * SCENE_W + x) * 3 + 3);
    }
  }
  wood = await sharp(data, { raw: { width: SCENE_W, height: SCENE_H, channels: 3 } })
    .png()
    .toBuffer();
  return wood;
}

async function addNoise(png: Buffer, sigma: number, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const r = rng(seed);
  for (let i = 0; i < data.length; i++) {
    // Sum of uniforms ≈ Gaussian; cheap and deterministic.
    const n = (r() + r() + r() - 1.5) * 2 * sigma;
    data[i] = Math.max(0, Math.min(255, data[i]! + n));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .png()
    .toBuffer();
}

function glareSpot(x: number, y: number, rx: number, ry: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_W}" height="${SCENE_H}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.55" stop-color="#fff" stop-opacity="0.97"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${x}" cy="${y}" rx="${rx}" ry="${ry}" fill="url(#g)"/></svg>`,
  );
}

function moire(): Buffer {
  // A display's sub-pixel grid photographed slightly off-axis: fine periodic lines in two directions.
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_W}" height="${SCENE_H}"><defs><pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(3)"><rect width="4" height="4" fill="#fff"/><rect width="1.4" height="4" fill="#7d8fb0"/><rect width="4" height="1.1" fill="#9aa6bf"/></pattern></defs><rect width="100%" height="100%" fill="url(#p)"/></svg>`,
  );
}

/** A JPEG photo of the card under `variant` (deterministic per seed). */
export async function degrade(card: Buffer, variant: Variant, seed: number): Promise<Buffer> {
  const r = rng(seed * 31 + variant.length);
  const smallTilt = (r() - 0.5) * 2;
  const jpeg = (img: sharp.Sharp, quality = 90) => img.jpeg({ quality }).toBuffer();
  switch (variant) {
    case "clean":
      return jpeg(sharp(await onTable(card, smallTilt, { x: 0, y: 0 })));
    case "rot": {
      const angle = (r() < 0.5 ? -1 : 1) * (4 + r() * 6);
      return jpeg(sharp(await onTable(card, angle, { x: 0, y: 0 })));
    }
    case "perspective": {
      // Held at an angle: one edge farther from the lens (keystone), foreshortened, turned 2–12°.
      const page = await keystonePhoto(card, r, { width: SCENE_W, height: SCENE_H });
      return jpeg(sharp(await table()).composite([{ input: page }]));
    }
    case "blur":
      return jpeg(sharp(await onTable(card, smallTilt, { x: 0, y: 0 })).blur(2.2));
    case "noise":
      return jpeg(sharp(await addNoise(await onTable(card, smallTilt, { x: 0, y: 0 }), 18, seed)), 35);
    case "lowres":
      return jpeg(
        sharp(await onTable(card, smallTilt, { x: 0, y: 0 })).resize(Math.round(SCENE_W * 0.45)),
        80,
      );
    case "glare": {
      const x = SCENE_W / 2 + (r() - 0.5) * CARD_WIDTH * 0.5;
      const y = SCENE_H / 2 + (r() - 0.5) * CARD_HEIGHT * 0.4;
      const scene = await onTable(card, smallTilt, { x: 0, y: 0 });
      return jpeg(sharp(scene).composite([{ input: glareSpot(x, y, 150, 105) }]));
    }
    case "photocopy": {
      const scene = await onTable(card, smallTilt, { x: 0, y: 0 });
      return jpeg(
        sharp(
          await addNoise(await sharp(scene).greyscale().linear(1.35, -30).png().toBuffer(), 6, seed),
        ).greyscale(),
        85,
      );
    }
    case "screen": {
      const scene = await onTable(card, smallTilt, { x: 0, y: 0 });
      return jpeg(
        sharp(scene)
          .composite([{ input: moire(), blend: "multiply" }])
          .modulate({ brightness: 1.25 }),
        88,
      );
    }
    case "edited": {
      // Saved once at q60, then a field-sized patch with new digits is pasted and the result saved at q92:
      // the double-compression history a quick edit of a card photo leaves behind.
      const first = await sharp(await onTable(card, smallTilt, { x: 0, y: 0 }))
        .jpeg({ quality: 60 })
        .toBuffer();
      const patch = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="330" height="60"><rect width="330" height="60" fill="#eef2ea"/><text x="10" y="45" font-family="DejaVu Sans" font-size="40" font-weight="bold" fill="#1a1a1a">${String(seed * 7919).padStart(7, "4")}</text></svg>`,
      );
      const left = Math.round((SCENE_W - CARD_WIDTH) / 2 + CARD_WIDTH * 0.3);
      const top = Math.round((SCENE_H - CARD_HEIGHT) / 2 + CARD_HEIGHT * 0.55);
      return jpeg(sharp(first).composite([{ input: patch, left, top }]), 92);
    }
    case "cutoff":
      return jpeg(sharp(await onTable(card, smallTilt, { x: SCENE_W * 0.22, y: SCENE_H * 0.12 })));
  }
}
