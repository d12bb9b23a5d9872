/** The IJG (libjpeg) standard luminance quantisation table, in natural (row-major) order. */
const STANDARD_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
/** DQT tables are stored in zig-zag order; this maps zig-zag position → natural index. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
];

/**
 * The quality (1–100) the JPEG was last saved with, estimated from its luminance quantisation table the way
 * libjpeg scales the standard table (the estimate ImageMagick and forensic tools use). Null for anything that is
 * not a baseline/progressive JPEG with a luminance table (PNG, WebP, truncated files). Encoders with their own
 * tables (some phone cameras) give the nearest IJG-equivalent quality.
 */
export function jpegQuality(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Start of scan: the tables come before it, so there was no luminance table.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    if (marker === 0xdb) {
      const quality = luminanceQuality(view, at + 4, at + 2 + length);
      if (quality !== null) return quality;
    }
    at += 2 + length;
  }
  return null;
}

/** Walks the tables of one DQT segment; the quality of table 0 (luminance) when it is there. */
function luminanceQuality(view: DataView, start: number, end: number): number | null {
  let at = start;
  while (at < end) {
    const precision = view.getUint8(at) >> 4;
    const id = view.getUint8(at) & 15;
    const size = precision ? 128 : 64;
    if (at + 1 + size > end) return null;
    if (id === 0) {
      let scaleSum = 0;
      for (let k = 0; k < 64; k++) {
        const value = precision ? view.getUint16(at + 1 + 2 * k) : view.getUint8(at + 1 + k);
        scaleSum += (value * 100) / STANDARD_LUMINANCE[ZIGZAG[k]!]!;
      }
      const scale = scaleSum / 64;
      const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
      return Math.max(1, Math.min(100, Math.round(quality)));
    }
    at += 1 + size;
  }
  return null;
}

/** What the JPEG-ghost check needs to know about the uploaded file; null when its 8×8 grid is not the pixels'. */
export interface GhostSource {
  /** The file's last-save quality; null when unknown (not a JPEG): every earlier quality is then tried. */
  readonly lastQuality: number | null;
}

/**
 * The ghost source of an upload decoded into `decoded`: the grid survives only when the decoder neither resized
 * (the working-size cap) nor turned the picture (EXIF orientation), so the check is skipped otherwise.
 */
export async function ghostSourceOf(
  bytes: Uint8Array,
  decoded: { readonly width: number; readonly height: number },
): Promise<GhostSource | null> {
  const { default: sharp } = await import("sharp");
  const meta = await sharp(bytes).metadata();
  const turned = (meta.orientation ?? 1) > 1;
  if (turned || meta.width !== decoded.width || meta.height !== decoded.height) return null;
  return { lastQuality: jpegQuality(bytes) };
}
