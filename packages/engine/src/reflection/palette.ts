/**
 * The colours the screen may flash. Chosen for photosensitive safety (no saturated red, per WCAG 2.3.1's red-flash
 * rule) and for signal: each colour differs from the others in at least two channels, so the face's chroma change
 * identifies the colour, not only its brightness.
 */
export type Rgb = readonly [number, number, number];

export interface PaletteColour {
  readonly name: string;
  readonly rgb: Rgb;
}

export const safePalette: readonly PaletteColour[] = [
  { name: "white", rgb: [255, 255, 255] },
  { name: "blue", rgb: [40, 70, 255] },
  { name: "green", rgb: [50, 230, 80] },
  { name: "cyan", rgb: [40, 225, 235] },
  { name: "magenta", rgb: [215, 60, 230] },
  { name: "yellow", rgb: [240, 225, 50] },
  { name: "grey", rgb: [60, 60, 60] },
];

const srgbToLinearTable: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) {
    const c = v / 255;
    table[v] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }
  return table;
})();

/** sRGB 8-bit value → linear light in [0, 1]. Reflection adds light, so sums happen in linear space. */
export function srgbToLinear(value: number): number {
  return srgbToLinearTable[Math.max(0, Math.min(255, Math.round(value)))] ?? 0;
}

export function linearToSrgb(linear: number): number {
  const c = Math.max(0, Math.min(1, linear));
  const v = c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(v * 255);
}

export function linearRgb(rgb: Rgb): [number, number, number] {
  return [srgbToLinear(rgb[0]), srgbToLinear(rgb[1]), srgbToLinear(rgb[2])];
}

/** WCAG "saturated red": red's share of linear light ≥ 0.8. Such a colour must never fill the screen. */
export function isSaturatedRed(rgb: Rgb): boolean {
  const [r, g, b] = linearRgb(rgb);
  const sum = r + g + b;
  return sum > 0 && r / sum >= 0.8;
}

export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

export function hexToRgb(hex: string): Rgb | null {
  const match = /^#([0-9a-fA-F]{6})$/.exec(hex);
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
