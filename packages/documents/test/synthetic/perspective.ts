import sharp from "sharp";
import type { Quad } from "../../src/crop/quad.ts";
import { applyHomography, homography, sampleBilinear } from "../../src/crop/warp.ts";
import type { Rng } from "./random.ts";

/**
 * A document photographed at an angle: the phone tilted away from the page's plane, so one edge comes out
 * shorter than the opposite one (keystone), the page foreshortened along the tilt, and turned in the image
 * plane. This is the everyday hand-held capture; the plain rotations of the other variants keep the page a
 * rectangle.
 */
export interface KeystoneOptions {
  /** Scene size; the document fills about 70 % of its width. */
  readonly width: number;
  readonly height: number;
}

/** The page's corners (top-left, top-right, bottom-right, bottom-left) in the scene: one edge shortened by 10–22 %,
 * the page foreshortened across it by half that, turned 2–12°. */
function keystoneQuad(r: Rng, docW: number, docH: number, options: KeystoneOptions): Quad {
  const scale = (options.width * 0.7) / docW;
  const w = (docW * scale) / 2;
  const h = (docH * scale) / 2;
  const shrink = 0.1 + r() * 0.12;
  const near = 1 - shrink / 2;
  const far = 1 - shrink;
  const edge = Math.floor(r() * 4);
  // edge 0: the top is the far edge, 1: the right, 2: the bottom, 3: the left. The far edge's two corners move in
  // by `far`; the page is foreshortened by `near` across it.
  const farCorners = [edge, (edge + 1) % 4];
  const acrossY = edge % 2 === 0;
  const corners = [
    [-w, -h],
    [w, -h],
    [w, h],
    [-w, h],
  ].map(([x, y], i) => {
    const along = farCorners.includes(i) ? far : 1;
    return acrossY ? [x! * along, y! * near] : [x! * near, y! * along];
  });
  const turn = ((r() < 0.5 ? -1 : 1) * ((2 + r() * 10) * Math.PI)) / 180;
  const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
  return corners.map(([x, y]) => ({
    x: options.width / 2 + x! * cos - y! * sin,
    y: options.height / 2 + x! * sin + y! * cos,
  })) as Quad;
}

/**
 * Renders `document` (PNG, alpha respected) into a scene as a keystoned quadrilateral: an RGBA PNG, transparent
 * around the page, for the caller to lay on its table.
 */
export async function keystonePhoto(document: Buffer, r: Rng, options: KeystoneOptions): Promise<Buffer> {
  const { data: src, info } = await sharp(document).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const quad = keystoneQuad(r, info.width, info.height, options);
  const page: Quad = [
    { x: 0, y: 0 },
    { x: info.width - 1, y: 0 },
    { x: info.width - 1, y: info.height - 1 },
    { x: 0, y: info.height - 1 },
  ];
  const toPage = homography(quad, page);
  const { width, height } = options;
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = applyHomography(toPage, { x, y });
      if (p.x < 0 || p.y < 0 || p.x > info.width - 1 || p.y > info.height - 1) continue;
      sampleBilinear(src, info.width, info.height, 4, p.x, p.y, out, (y * width + x) * 4);
    }
  }
  return sharp(out, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}
