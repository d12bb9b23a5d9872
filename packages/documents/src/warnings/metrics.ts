import { type GreyImage, toGrey } from "../crop/raster.ts";
import type { RgbImage } from "../ocr/image.ts";

/**
 * Image measurements behind the capture warnings. Each returns a plain number; thresholds live in detect.ts and
 * were calibrated on the synthetic degradations (docs/documents.md gives the measured separation).
 */

/** Variance of the 4-neighbour Laplacian of the card scaled to ~640 px wide: low = blurred or upscaled. */
export function laplacianVariance(card: RgbImage): number {
  const grey = toGrey(card, 640);
  const { data, width: w, height: h } = grey;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** The largest blob of saturated pixels (all channels ≥ 250) and how it sits in the card. */
export interface SaturatedBlob {
  /** Share of the card area. */
  share: number;
  /**
   * Mean luma of a ring just outside the blob minus the card's median luma. A specular highlight fades out through
   * a bright halo; a white printed area (passport pages, white card fields) ends on the card's ordinary print.
   */
  haloLift: number;
}

export function largestSaturatedBlob(card: RgbImage): SaturatedBlob {
  const step = 4;
  const w = Math.floor(card.width / step);
  const h = Math.floor(card.height / step);
  const mask = new Uint8Array(w * h);
  const luma = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * step * card.width + x * step) * 3;
      const [r, g, b] = [card.data[i]!, card.data[i + 1]!, card.data[i + 2]!];
      luma[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
      if (r >= 250 && g >= 250 && b >= 250) mask[y * w + x] = 1;
    }
  }
  let best: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    stack.push(start);
    const members: number[] = [];
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % w;
      for (const j of [i - w, i + w, x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1]) {
        if (j >= 0 && j < mask.length && mask[j] === 1) {
          mask[j] = 2;
          stack.push(j);
        }
      }
    }
    if (members.length > best.length) best = members;
  }
  if (best.length === 0) return { share: 0, haloLift: 0 };
  const inBlob = new Uint8Array(w * h);
  for (const i of best) inBlob[i] = 1;
  // Ring 2–4 cells (8–16 px) outside the blob.
  let ringSum = 0;
  let ringCount = 0;
  for (const i of best) {
    const x = i % w;
    const y = Math.floor(i / w);
    for (const [dx, dy] of [
      [3, 0],
      [-3, 0],
      [0, 3],
      [0, -3],
    ] as const) {
      const [nx, ny] = [x + dx, y + dy];
      if (nx < 0 || ny < 0 || nx >= w || ny >= h || inBlob[ny * w + nx]) continue;
      ringSum += luma[ny * w + nx]!;
      ringCount++;
    }
  }
  const sorted = Float32Array.from(luma).sort();
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { share: best.length / (w * h), haloLift: ringCount ? ringSum / ringCount - median : 0 };
}

/**
 * Colour variety left after removing the global colour cast: RMS of the opponent channels (R−G, (R+G)/2−B) around
 * their mean. A colour card under any white balance keeps tints, coloured print and a photo; a black-and-white
 * copy has only noise left.
 */
export function chromaSpread(card: RgbImage): number {
  const step = 3;
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < card.data.length; i += 3 * step) {
    const r = card.data[i]!;
    const g = card.data[i + 1]!;
    const b = card.data[i + 2]!;
    const c1 = r - g;
    const c2 = (r + g) / 2 - b;
    s1 += c1;
    s2 += c2;
    q1 += c1 * c1;
    q2 += c2 * c2;
    n++;
  }
  const v1 = q1 / n - (s1 / n) ** 2;
  const v2 = q2 / n - (s2 / n) ** 2;
  return Math.sqrt(Math.max(0, v1) + Math.max(0, v2));
}

/** In-place radix-2 FFT of one row/column (re, im of length 2^k). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
      }
    }
  }
}

/** The least median magnitude spectralPeakRatio divides by (see there). */
const MEDIAN_FLOOR = 150;

/**
 * Strongest isolated peak in the high-frequency half of the 2-D spectrum of a 256×256 patch, relative to the
 * median magnitude there (log ratio). A display's pixel grid and the moiré it makes produce sharp peaks; print,
 * text and paper texture spread their energy.
 */
export function spectralPeakRatio(patch: GreyImage): number {
  const n = 256;
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  let mean = 0;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mean += patch.data[y * patch.width + x]!;
  mean /= n * n;
  for (let y = 0; y < n; y++) {
    const wy = 0.5 - 0.5 * Math.cos((2 * Math.PI * y) / (n - 1));
    for (let x = 0; x < n; x++) {
      const wx = 0.5 - 0.5 * Math.cos((2 * Math.PI * x) / (n - 1));
      re[y * n + x] = (patch.data[y * patch.width + x]! - mean) * wx * wy;
    }
  }
  const rowRe = new Float64Array(n);
  const rowIm = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) {
        const idx = pass === 0 ? k * n + j : j * n + k;
        rowRe[j] = re[idx]!;
        rowIm[j] = im[idx]!;
      }
      fft(rowRe, rowIm);
      for (let j = 0; j < n; j++) {
        const idx = pass === 0 ? k * n + j : j * n + k;
        re[idx] = rowRe[j]!;
        im[idx] = rowIm[j]!;
      }
    }
  }
  const band: number[] = [];
  let peak = 0;
  for (let y = 0; y < n; y++) {
    const fy = y < n / 2 ? y : y - n;
    for (let x = 0; x < n / 2; x++) {
      const r = Math.hypot(x, fy) / (n / 2);
      if (r < 0.35 || r > 1) continue;
      const m = Math.hypot(re[y * n + x]!, im[y * n + x]!);
      band.push(m);
      if (m > peak) peak = m;
    }
  }
  band.sort((a, b) => a - b);
  // A camera photo always carries sensor noise, which keeps the band's median well above zero; a render that never
  // went through a camera (a PDF page, a synthetic card) has almost none, and dividing by its near-zero median made
  // any sharp edge look like a moiré peak (clean synthetic passport pages scored 2.7). The floor is the median this
  // window gives white noise of σ ≈ 1.8 grey levels (E|bin| = σ·√Σw²·√π/2 ≈ 85σ for a 256² Hann window): below
  // anything a phone produces, so camera photos and screen captures score as before (measured 2026-12-05: the 20
  // specimens and 15 synthetic screen captures unchanged, clean synthetic passports 2.7 → 1.9).
  const median = Math.max(band[Math.floor(band.length / 2)] ?? 0, MEDIAN_FLOOR);
  return Math.log10(peak / median);
}
