/**
 * Synthetic MRZ documents with fake identities, rendered here (SVG → sharp) and degraded like phone photos.
 * The MRZ font is OCR-B when installed (Debian fonts-ocr-b), else DejaVu Sans Mono.
 */
import sharp from "sharp";
import { computeCheckDigit } from "../../src/mrz/check-digit.ts";
import { keystonePhoto } from "../synthetic/perspective.ts";

export type SyntheticFormat = "TD3" | "TD1";
export const PHOTO_VARIANTS = [
  "clean",
  "rotate",
  "blur",
  "noise",
  "lowres",
  "light",
  "photo",
  "perspective",
] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export interface SyntheticIdentity {
  readonly surname: string;
  readonly givenNames: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly expiryDate: string;
  readonly sex: "M" | "F";
}

const SURNAMES = [
  "MARTINEZ",
  "OKAFOR",
  "NGUYEN",
  "LINDQVIST",
  "KOWALCZYK",
  "HASSAN",
  "TANAKA",
  "OLIVEIRA",
  "MULLER",
  "SANTOS",
];
const GIVEN = [
  "ELENA MARIA",
  "DAVID",
  "THI HOA",
  "ANDERS",
  "ZOFIA ANNA",
  "OMAR",
  "YUKI",
  "JOAO PEDRO",
  "PETRA",
  "LUCAS",
];
const STATES = ["NLD", "NGA", "VNM", "SWE", "POL", "EGY", "JPN", "BRA", "DEU", "PRT"];

/** Deterministic PRNG (mulberry32) so every run renders the same documents. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

export function syntheticIdentity(seed: number): SyntheticIdentity {
  const r = rng(seed * 7919 + 13);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  let documentNumber = pick(["C", "P", "X", "N"]);
  for (let i = 0; i < 8; i++) documentNumber += alnum[Math.floor(r() * alnum.length)];
  return {
    surname: pick(SURNAMES),
    givenNames: pick(GIVEN),
    documentNumber,
    nationality: pick(STATES),
    birthDate: `${pad2(50 + Math.floor(r() * 49))}${pad2(1 + Math.floor(r() * 12))}${pad2(1 + Math.floor(r() * 28))}`,
    expiryDate: `${pad2(27 + Math.floor(r() * 8))}${pad2(1 + Math.floor(r() * 12))}${pad2(1 + Math.floor(r() * 28))}`,
    sex: r() < 0.5 ? "F" : "M",
  };
}

const fill = (text: string, width: number) => text.padEnd(width, "<").slice(0, width);
const nameField = (p: SyntheticIdentity, width: number) =>
  fill(`${p.surname.replace(/ /g, "<")}<<${p.givenNames.replace(/ /g, "<")}`, width);
const cd = (data: string) => String(computeCheckDigit(data));

/** ICAO 9303 lines for the identity. */
export function mrzLines(format: SyntheticFormat, p: SyntheticIdentity): string[] {
  if (format === "TD3") {
    const doc = p.documentNumber + cd(p.documentNumber);
    const birth = p.birthDate + cd(p.birthDate);
    const expiry = p.expiryDate + cd(p.expiryDate);
    const personal = fill("", 14);
    const personalCd = "<";
    const composite = cd(doc + birth + expiry + personal + personalCd);
    return [
      fill(`P<${p.nationality}${nameField(p, 39)}`, 44),
      `${doc}${p.nationality}${birth}${p.sex}${expiry}${personal}${personalCd}${composite}`,
    ];
  }
  const line1 = fill(`ID${p.nationality}${p.documentNumber}${cd(p.documentNumber)}`, 30);
  const birth = p.birthDate + cd(p.birthDate);
  const expiry = p.expiryDate + cd(p.expiryDate);
  const optional2 = fill("", 11);
  const composite = cd(line1.slice(5, 30) + birth + expiry + optional2);
  const line2 = `${birth}${p.sex}${expiry}${p.nationality}${optional2}${composite}`;
  return [line1, line2, nameField(p, 30)];
}

const MRZ_FONT = "OCR-B, OCRB, 'OCR B', 'DejaVu Sans Mono', monospace";
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A passport data page (TD3, 1250×880) or ID card back (TD1, 856×540) at 10 px/mm. */
export async function renderDocument(
  format: SyntheticFormat,
  p: SyntheticIdentity,
  vizSurname = p.surname,
): Promise<Buffer> {
  const lines = mrzLines(format, p);
  const [width, height] = format === "TD3" ? [1250, 880] : [856, 540];
  // OCR-B pitch is 2.54 mm (25.4 px here): every character is placed on its own cell, whatever the font.
  const pitch = 25.4;
  const mrzTop = format === "TD3" ? 745 : 330;
  const left = format === "TD3" ? 66 : 47;
  const mrz = lines
    .flatMap((l, i) =>
      [...l].map(
        (ch, k) =>
          `<text x="${(left + (k + 0.5) * pitch).toFixed(1)}" y="${mrzTop + i * 48}" text-anchor="middle" font-family="${MRZ_FONT}" font-size="34" fill="#111">${xmlEscape(ch)}</text>`,
      ),
    )
    .join("");
  const waves = Array.from({ length: 18 }, (_, i) => {
    const y = 40 + i * (height / 18);
    return `<path d="M0 ${y} Q ${width / 4} ${y - 30} ${width / 2} ${y} T ${width} ${y}" stroke="#c9d8e6" stroke-width="2" fill="none"/>`;
  }).join("");
  const viz =
    format === "TD3"
      ? `<rect x="60" y="150" width="300" height="380" fill="#b8bcc4"/>
         <text x="420" y="120" font-family="DejaVu Sans" font-size="34" font-weight="bold" fill="#223">PASSPORT</text>
         <text x="420" y="190" font-family="DejaVu Sans" font-size="18" fill="#556">Surname</text>
         <text x="420" y="225" font-family="DejaVu Sans" font-size="30" fill="#111">${xmlEscape(vizSurname)}</text>
         <text x="420" y="280" font-family="DejaVu Sans" font-size="18" fill="#556">Given names</text>
         <text x="420" y="315" font-family="DejaVu Sans" font-size="30" fill="#111">${xmlEscape(p.givenNames)}</text>
         <text x="420" y="370" font-family="DejaVu Sans" font-size="18" fill="#556">Nationality</text>
         <text x="420" y="405" font-family="DejaVu Sans" font-size="30" fill="#111">${p.nationality}</text>
         <text x="800" y="370" font-family="DejaVu Sans" font-size="18" fill="#556">Passport No.</text>
         <text x="800" y="405" font-family="DejaVu Sans" font-size="30" fill="#111">${p.documentNumber}</text>`
      : `<text x="47" y="80" font-family="DejaVu Sans" font-size="26" fill="#223">IDENTITY CARD</text>
         <text x="47" y="130" font-family="DejaVu Sans" font-size="18" fill="#556">Issued under the laws of ${p.nationality}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#eef2ea"/>${waves}${viz}${mrz}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Phone-photo degradations; `seed` makes each one reproducible. */
export async function degradeDocument(png: Buffer, variant: PhotoVariant, seed: number): Promise<Buffer> {
  const r = rng(seed);
  const signed = (lo: number, hi: number) => (r() < 0.5 ? -1 : 1) * (lo + r() * (hi - lo));
  const dark = { r: 40, g: 38, b: 36, alpha: 1 };
  switch (variant) {
    case "clean":
      return sharp(png).jpeg({ quality: 90 }).toBuffer();
    case "rotate":
      return sharp(png).rotate(signed(5, 20), { background: dark }).jpeg({ quality: 85 }).toBuffer();
    case "blur":
      return sharp(png).blur(1.6).jpeg({ quality: 85 }).toBuffer();
    case "noise":
      return sharp(await addNoise(png, 18, r))
        .jpeg({ quality: 35 })
        .toBuffer();
    case "lowres": {
      const meta = await sharp(png).metadata();
      return sharp(png)
        .resize(Math.round((meta.width ?? 1000) * 0.45))
        .jpeg({ quality: 80 })
        .toBuffer();
    }
    case "light":
      return sharp(await unevenLight(png))
        .jpeg({ quality: 80 })
        .toBuffer();
    case "perspective": {
      // Hand-held at an angle: keystone, foreshortening and a turn, on the dark table.
      const meta = await sharp(png).metadata();
      const width = Math.round((meta.width ?? 1000) / 0.7);
      const height = Math.round(((meta.height ?? 700) * width) / (meta.width ?? 1000));
      const scene = await keystonePhoto(png, r, { width, height });
      return sharp(scene).flatten({ background: dark }).jpeg({ quality: 85 }).toBuffer();
    }
    case "photo": {
      const lit = await unevenLight(png);
      const tilted = await sharp(lit).rotate(signed(2, 8), { background: dark }).blur(1).png().toBuffer();
      const meta = await sharp(tilted).metadata();
      const small = await sharp(tilted)
        .resize(Math.round((meta.width ?? 1000) * 0.6))
        .png()
        .toBuffer();
      return sharp(await addNoise(small, 10, r))
        .jpeg({ quality: 50 })
        .toBuffer();
    }
  }
}

async function addNoise(png: Buffer, sigma: number, r: () => number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) {
    // Box-Muller Gaussian noise.
    const n = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    data[i] = Math.max(0, Math.min(255, (data[i] as number) + n * sigma));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A lamp on one side: brightness falls from 100% to ~45% across the page, plus a glare spot. */
async function unevenLight(png: Buffer): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = meta.width ?? 1000;
  const h = meta.height ?? 700;
  const shade = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0.4">
      <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#727272"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const glare = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><radialGradient id="s"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <ellipse cx="${w * 0.3}" cy="${h * 0.35}" rx="${w * 0.18}" ry="${h * 0.12}" fill="url(#s)"/></svg>`;
  return sharp(png)
    .composite([
      { input: Buffer.from(shade), blend: "multiply" },
      { input: Buffer.from(glare), blend: "over" },
    ])
    .png()
    .toBuffer();
}

/** A page with text but no MRZ (a letter), for the no-MRZ code. */
export async function renderNoMrzPage(): Promise<Buffer> {
  const rows = [
    "Dear customer, thank you for your order.",
    "Your parcel will arrive within 3 working days.",
    "Reference 2024-118 / Invoice 88213",
  ]
    .map(
      (t, i) =>
        `<text x="60" y="${120 + i * 60}" font-family="DejaVu Sans" font-size="30" fill="#222">${xmlEscape(t)}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500"><rect width="100%" height="100%" fill="#fafafa"/>${rows}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
