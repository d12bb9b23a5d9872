import {
  formatThaiId,
  hkidCheckDigit,
  isValidTaiwanId,
  mainlandCheckCharacter,
  nricCheckLetter,
  thaiCheckDigit,
} from "../../src/cards/numbers/index.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/** Fake person data; every number carries a valid check digit where the card type has one. */
export interface Identity {
  surname: string;
  given: string;
  middle: string;
  sex: "M" | "F";
  /** ISO date of birth. */
  birth: string;
  seed: number;
}

const SURNAMES = [
  "CHAN",
  "WONG",
  "LEE",
  "TAN",
  "LIM",
  "SANTOS",
  "REYES",
  "CRUZ",
  "BAUTISTA",
  "WIJAYA",
  "SETIAWAN",
  "NGUYEN",
  "AHMAD",
  "RAHMAN",
  "KUMAR",
  "JAIDEE",
  "SRISAI",
  "GARCIA",
  "MENDOZA",
  "HALIM",
];
const GIVEN = [
  "TAI MAN",
  "SIU MING",
  "MEI LING",
  "WEI JIE",
  "JUAN",
  "MARIA",
  "JOSE",
  "ANA",
  "BUDI",
  "SITI",
  "AHMAD FAIZ",
  "NUR AISYAH",
  "SOMCHAI",
  "MALAI",
  "KAR WAI",
  "HUI SHAN",
  "ROBERTO",
  "LIZA",
  "DEWI",
  "ARIF",
];
const MIDDLE = ["SANTOS", "DELA", "REYES", "GARCIA", "LOPEZ", "RAMOS", "TORRES", "FLORES"];

export function identity(r: Rng, seed: number): Identity {
  const year = int(r, 1950, 2006);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  return {
    surname: pick(r, SURNAMES),
    given: pick(r, GIVEN),
    middle: pick(r, MIDDLE),
    sex: r() < 0.5 ? "M" : "F",
    birth: `${year}-${pad2(month)}-${pad2(day)}`,
    seed,
  };
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
export const dmy = (iso: string, sep = "-") =>
  `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
export const mdy = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
export const ymd = (iso: string) => iso.replace(/-/g, "/");
export { titleCase };

export function hkidNumber(r: Rng): string {
  const prefix = pick(r, ["A", "C", "D", "E", "G", "K", "P", "R", "Y", "Z", "M", "F", "WX", "XA"]);
  const body = prefix + digits(r, 6);
  return `${body}(${hkidCheckDigit(body)})`;
}

export function myKadNumber(r: Rng, p: Identity): string {
  const pb = pad2(int(r, 1, 14));
  const tail = digits(r, 3) + String(p.sex === "M" ? pick(r, [1, 3, 5, 7, 9]) : pick(r, [0, 2, 4, 6, 8]));
  return `${p.birth.slice(2, 4)}${p.birth.slice(5, 7)}${p.birth.slice(8, 10)}-${pb}-${tail}`;
}

export function nik(r: Rng, p: Identity): string {
  const day = Number(p.birth.slice(8, 10)) + (p.sex === "F" ? 40 : 0);
  const region = pick(r, ["3171", "3273", "3578", "5171", "1271", "7371"]);
  return `${region}${pad2(int(r, 1, 12))}${pad2(day)}${p.birth.slice(5, 7)}${p.birth.slice(2, 4)}${String(int(r, 1, 9999)).padStart(4, "0")}`;
}

export function thaiId(r: Rng): string {
  const body = String(int(r, 1, 8)) + digits(r, 11);
  return formatThaiId(body + thaiCheckDigit(body));
}

export function nric(r: Rng, p: Identity): string {
  const series = Number(p.birth.slice(0, 4)) >= 2000 ? "T" : pick(r, ["S", "S", "F", "G", "M"]);
  const body = (series === "T" ? p.birth.slice(2, 4) : "") + digits(r, series === "T" ? 5 : 7);
  return `${series}${body}${nricCheckLetter(series, body)}`;
}

export function mainlandId(r: Rng, p: Identity): string {
  const area = pick(r, ["110105", "310104", "440305", "510107", "330106"]);
  const seq = digits(r, 2) + String(p.sex === "M" ? pick(r, [1, 3, 5, 7, 9]) : pick(r, [0, 2, 4, 6, 8]));
  const first17 = area + p.birth.replace(/-/g, "") + seq;
  return first17 + mainlandCheckCharacter(first17);
}

export const voterVin = (r: Rng) =>
  `${digits(r, 4)}-${digits(r, 4)}${pick(r, ["A", "B", "C"])}-${pick(r, ["A", "B"])}${digits(r, 4)}${pick(r, ["ERM", "JPC", "MNB"])}${digits(r, 5)}`;
export const ltoLicense = (r: Rng) =>
  `${pick(r, ["N01", "N25", "D07", "A03"])}-${digits(r, 2)}-${digits(r, 6)}`;
export const tinNumber = (r: Rng) => `${digits(r, 3)}-${digits(r, 3)}-${digits(r, 3)}-000`;
export const sssNumber = (r: Rng) => `${digits(r, 2)}-${digits(r, 7)}-${digits(r, 1)}`;
export const umidCrn = (r: Rng) => `CRN-${digits(r, 4)}-${digits(r, 7)}-${digits(r, 1)}`;

/** Taiwan national ID: letter + sex digit (1 male, 2 female) + 7 digits + the check digit that makes it valid. */
export function taiwanId(r: Rng, p: Identity): string {
  const body = pick(r, [..."ABCDEFGHJKMNPQTUVWXZ"]) + (p.sex === "M" ? "1" : "2") + digits(r, 7);
  const check = [..."0123456789"].find((d) => isValidTaiwanId(body + d));
  return body + check;
}
