import { ageOn, INDONESIA_PROVINCES } from "../../src/cards/numbers/index.ts";
import type { IdCardType } from "../../src/cards/types.ts";
import { malaysiaLicence, philId, singaporeLicence, thaiLicence } from "./general-cards.ts";
import { hmtPermitFront } from "./hmt-permit.ts";
import {
  dmy,
  hkidNumber,
  type Identity,
  ltoLicense,
  mdy,
  myKadNumber,
  nik,
  nric,
  sssNumber,
  thaiId,
  tinNumber,
  titleCase,
  umidCrn,
  voterVin,
  ymd,
} from "./identities.ts";
import { indonesiaLicence } from "./indonesia-licence.ts";
import { japanLicence, myNumberFront } from "./japan.ts";
import { macaoFront } from "./macao.ts";
import { cjk, hongKongChineseName, mainlandFront } from "./mainland.ts";
import { int, pick, type Rng } from "./random.ts";
import { taiwanFront } from "./taiwan.ts";

/** ID-1 card at about 300 dpi (85.6 × 54 mm). */
export const CARD_WIDTH = 1012;
export const CARD_HEIGHT = 638;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CardDesign {
  type: IdCardType;
  /** SVG elements drawn over the background, in card pixels. */
  body: string;
  /** Two background colours for the tinted guilloche. */
  tint: [string, string];
  /** Where the portrait goes. */
  photo: Box;
  /** Expected key fields, in the form the parser reports them. */
  truth: { name: string; number: string; birthDate: string };
  /**
   * Printed fields whose truth the layout gives, under their struct names, as the parser reports them ("" for a
   * field the card does not print).
   */
  fields?: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
export function t(
  x: number,
  y: number,
  size: number,
  text: string,
  opts: { bold?: boolean; fill?: string; anchor?: string } = {},
) {
  const weight = opts.bold ? ' font-weight="bold"' : "";
  const anchor = opts.anchor ? ` text-anchor="${opts.anchor}"` : "";
  return `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}"${weight}${anchor} fill="${opts.fill ?? "#1a1a1a"}">${esc(text)}</text>`;
}
const label = (x: number, y: number, text: string) => t(x, y, 17, text, { fill: "#34495e" });

function hkid(r: Rng, p: Identity): CardDesign {
  const number = hkidNumber(r);
  const name = `${p.surname}, ${titleCase(p.given)}`;
  const telex = Array.from({ length: 3 }, () => String(int(r, 1000, 9999))).join(" ");
  // Dates and symbols kept consistent the way the department issues them: first registration at 11 or later,
  // current card from 2019, "***" only for holders 18 or over on the issue date.
  const birthYear = Number(p.birth.slice(0, 4));
  const issueYear = int(r, 2019, 2025);
  const [issueDay, issueMonth] = [
    String(int(r, 1, 28)).padStart(2, "0"),
    String(int(r, 1, 12)).padStart(2, "0"),
  ];
  const issue = `${issueDay}-${issueMonth}-${issueYear - 2000}`;
  const adult = ageOn(p.birth, `${issueYear}-${issueMonth}-${issueDay}`) >= 18;
  const firstYear = Math.min(issueYear - 1, birthYear + int(r, 12, 25));
  const first = `(${String(int(r, 1, 12)).padStart(2, "0")}-${String(firstYear % 100).padStart(2, "0")})`;
  // Holders with a Chinese name have it printed above the English one; others have none (no random draw, so
  // the rest of the card is what it was before the Chinese line was added).
  const chinese = hongKongChineseName(p);
  const body = [
    t(40, 62, 30, "HONG KONG PERMANENT IDENTITY CARD", { bold: true, fill: "#7a1f2b" }),
    chinese ? cjk(40, 138, 44, chinese, { spacing: 6 }) : "",
    t(40, 190, 36, name, { bold: true }),
    t(40, 240, 28, telex),
    label(40, 300, "Date of Birth"),
    label(330, 300, "Sex"),
    t(40, 340, 32, dmy(p.birth), { bold: true }),
    t(330, 340, 32, p.sex, { bold: true }),
    t(40, 400, 30, adult ? "***AZ" : "*AZ", { bold: true }),
    t(330, 400, 28, first),
    label(40, 520, "Date of Issue"),
    t(40, 565, 30, issue, { bold: true }),
    t(600, 590, 44, number, { bold: true }),
  ].join("");
  return {
    type: "HKIDCard",
    body,
    tint: ["#e9f0e4", "#d9e6f2"],
    photo: { x: 640, y: 130, w: 300, h: 380 },
    truth: { name, number, birthDate: p.birth },
    fields: { ChineseName: chinese ?? "" },
  };
}

function mykad(r: Rng, p: Identity): CardDesign {
  const number = myKadNumber(r, p);
  const name = `${p.given} ${p.sex === "M" ? "BIN" : "BINTI"} ${p.surname}`;
  const body = [
    t(40, 60, 28, "KAD PENGENALAN", { bold: true, fill: "#123c7a" }),
    t(40, 92, 22, "MALAYSIA", { bold: true, fill: "#123c7a" }),
    t(820, 70, 30, "MyKad", { bold: true, fill: "#123c7a" }),
    t(40, 190, 40, number, { bold: true }),
    t(40, 400, 28, name, { bold: true }),
    t(40, 445, 24, `NO ${int(r, 1, 99)} JALAN ${pick(r, ["MAWAR", "MELATI", "KENANGA"])} ${int(r, 1, 9)}`),
    t(40, 480, 24, `TAMAN ${pick(r, ["SRI", "BUKIT", "DESA"])} ${pick(r, ["INDAH", "JAYA", "PERMAI"])}`),
    t(40, 515, 24, `${int(r, 10000, 98999)} ${pick(r, ["KUALA LUMPUR", "SHAH ALAM", "JOHOR BAHRU"])}`),
    t(40, 590, 24, "WARGANEGARA"),
    t(620, 590, 24, p.sex === "M" ? "LELAKI" : "PEREMPUAN"),
  ].join("");
  return {
    type: "MLIDCard",
    body,
    tint: ["#dfe9f7", "#f3e4ef"],
    photo: { x: 660, y: 120, w: 290, h: 360 },
    truth: { name, number, birthDate: p.birth },
  };
}

function ktp(r: Rng, p: Identity): CardDesign {
  const number = nik(r, p);
  const name = `${p.given} ${p.surname}`;
  const place = pick(r, ["JAKARTA", "BANDUNG", "SURABAYA", "MEDAN"]);
  const rows: [string, string][] = [
    ["Nama", name],
    ["Tempat/Tgl Lahir", `${place}, ${dmy(p.birth)}`],
    ["Jenis Kelamin", p.sex === "M" ? "LAKI-LAKI" : "PEREMPUAN"],
    ["Alamat", `JL. ${pick(r, ["MERDEKA", "SUDIRMAN", "DIPONEGORO"])} NO. ${int(r, 1, 99)}`],
    ["RT/RW", `00${int(r, 1, 9)}/00${int(r, 1, 9)}`],
    ["Kel/Desa", pick(r, ["MENTENG", "CIKINI", "GAMBIR"])],
    ["Kecamatan", pick(r, ["MENTENG", "TEBET", "SETIABUDI"])],
    ["Agama", pick(r, ["ISLAM", "KRISTEN", "KATOLIK", "HINDU"])],
    ["Status Perkawinan", pick(r, ["BELUM KAWIN", "KAWIN"])],
    ["Pekerjaan", pick(r, ["KARYAWAN SWASTA", "PELAJAR/MAHASISWA", "WIRASWASTA"])],
    ["Kewarganegaraan", "WNI"],
    ["Berlaku Hingga", "SEUMUR HIDUP"],
  ];
  const body = [
    t(506, 40, 26, `PROVINSI ${INDONESIA_PROVINCES[number.slice(0, 2)]}`, { bold: true, anchor: "middle" }),
    t(506, 74, 26, "KOTA JAKARTA SELATAN", { bold: true, anchor: "middle" }),
    t(30, 128, 30, "NIK", { bold: true }),
    t(250, 128, 30, `: ${number}`, { bold: true }),
    ...rows.map(([k, v], i) => t(30, 172 + i * 38, 20, k) + t(250, 172 + i * 38, 20, `: ${v}`)),
    t(860, 560, 18, "JAKARTA SELATAN", { anchor: "middle" }),
    t(860, 590, 18, dmy(`${int(r, 2012, 2022)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`), { anchor: "middle" }),
  ].join("");
  return {
    type: "IndonesiaIDCard",
    body,
    tint: ["#cfe3f5", "#e8f1fb"],
    photo: { x: 740, y: 140, w: 240, h: 300 },
    truth: { name, number, birthDate: p.birth },
  };
}

const MONTH_ABBR = [
  "Jan.",
  "Feb.",
  "Mar.",
  "Apr.",
  "May",
  "Jun.",
  "Jul.",
  "Aug.",
  "Sep.",
  "Oct.",
  "Nov.",
  "Dec.",
];
const textDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTH_ABBR[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function thai(r: Rng, p: Identity): CardDesign {
  const number = thaiId(r);
  const first = titleCase(p.given.split(" ")[0]!);
  const last = titleCase(p.surname);
  const issueYear = int(r, 2016, 2024);
  const body = [
    t(300, 50, 26, "Thai National ID Card", { bold: true, fill: "#1d3f8f" }),
    t(40, 110, 20, "Identification Number"),
    t(300, 112, 34, number, { bold: true }),
    t(200, 230, 26, `Name ${p.sex === "M" ? "Mr." : "Miss"} ${first}`),
    t(200, 275, 26, `Last name ${last}`),
    t(200, 340, 24, `Date of Birth ${textDate(p.birth)}`),
    t(40, 560, 20, textDate(`${issueYear}-03-15`)),
    t(40, 590, 17, "Date of Issue"),
    t(520, 560, 20, textDate(`${issueYear + 8}-03-14`)),
    t(520, 590, 17, "Date of Expiry"),
  ].join("");
  return {
    type: "ThailandIDCard",
    body,
    tint: ["#f4eadb", "#dde9f5"],
    photo: { x: 760, y: 300, w: 210, h: 260 },
    truth: { name: `${first} ${last}`, number, birthDate: p.birth },
  };
}

function singapore(r: Rng, p: Identity): CardDesign {
  const number = nric(r, p);
  const name = `${p.surname} ${p.given}`;
  const body = [
    t(340, 55, 26, "REPUBLIC OF SINGAPORE", { bold: true, fill: "#9b1c2c" }),
    t(340, 100, 24, `IDENTITY CARD NO. ${number}`, { bold: true }),
    label(340, 170, "Name"),
    t(340, 210, 30, name, { bold: true }),
    label(340, 280, "Race"),
    t(340, 315, 26, pick(r, ["CHINESE", "MALAY", "INDIAN", "EURASIAN"])),
    label(340, 380, "Date of birth"),
    label(700, 380, "Sex"),
    t(340, 415, 26, dmy(p.birth)),
    t(700, 415, 26, p.sex),
    label(340, 480, "Country/Place of birth"),
    t(340, 515, 26, pick(r, ["SINGAPORE", "MALAYSIA"])),
  ].join("");
  return {
    type: "SingaporeIDCard",
    body,
    tint: ["#f6dde3", "#f1eef6"],
    photo: { x: 40, y: 140, w: 260, h: 330 },
    truth: { name, number, birthDate: p.birth },
  };
}

function voter(r: Rng, p: Identity): CardDesign {
  const vin = voterVin(r);
  const first = `${p.given} ${p.middle}`;
  const body = [
    t(506, 45, 24, "COMMISSION ON ELECTIONS", { bold: true, anchor: "middle", fill: "#12408a" }),
    t(506, 80, 22, "VOTER'S IDENTIFICATION CARD", { bold: true, anchor: "middle" }),
    t(330, 140, 22, `VIN: ${vin}`, { bold: true }),
    t(330, 200, 22, `Name: ${p.surname}, ${first}`, { bold: true }),
    t(330, 250, 20, `Date of Birth: ${mdy(p.birth)}`),
    t(330, 295, 20, `Civil Status: ${pick(r, ["SINGLE", "MARRIED"])}`),
    t(330, 340, 20, "Citizenship: FILIPINO"),
    t(330, 385, 20, `Address: ${int(r, 1, 999)} RIZAL ST, QUEZON CITY`),
    t(330, 430, 20, `Precinct No: ${String(int(r, 1, 9999)).padStart(4, "0")}A`),
  ].join("");
  return {
    type: "PhilippinesVoteID",
    body,
    tint: ["#e3ecf7", "#f7f1e1"],
    photo: { x: 40, y: 130, w: 250, h: 310 },
    truth: { name: `${p.surname}, ${first}`, number: vin, birthDate: p.birth },
  };
}

function driving(r: Rng, p: Identity): CardDesign {
  const license = ltoLicense(r);
  const body = [
    t(506, 45, 22, "REPUBLIC OF THE PHILIPPINES", { bold: true, anchor: "middle" }),
    t(506, 78, 22, "LAND TRANSPORTATION OFFICE", { bold: true, anchor: "middle", fill: "#12408a" }),
    label(300, 140, "Last Name, First Name, Middle Name"),
    t(300, 178, 28, `${p.surname}, ${p.given}, ${p.middle}`, { bold: true }),
    label(300, 230, "Nationality"),
    label(480, 230, "Sex"),
    label(580, 230, "Date of Birth"),
    t(300, 262, 24, "PHL"),
    t(480, 262, 24, p.sex),
    t(580, 262, 24, ymd(p.birth)),
    label(300, 315, "Address"),
    t(300, 347, 22, `${int(r, 1, 999)} MABINI ST, MANILA`),
    label(300, 405, "License No."),
    label(580, 405, "Expiration Date"),
    t(300, 440, 26, license, { bold: true }),
    t(580, 440, 24, ymd(`${int(r, 2026, 2034)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`)),
    label(800, 405, "Agency Code"),
    t(800, 440, 24, license.slice(0, 3)),
  ].join("");
  return {
    type: "PhilippinesDrivingLicense",
    body,
    tint: ["#e6f2e6", "#f3efd9"],
    photo: { x: 30, y: 120, w: 240, h: 300 },
    truth: { name: `${p.surname}, ${p.given}`, number: license, birthDate: p.birth },
  };
}

function tin(r: Rng, p: Identity): CardDesign {
  const number = tinNumber(r);
  const name = `${p.given} ${p.middle} ${p.surname}`;
  const body = [
    t(506, 45, 20, "REPUBLIC OF THE PHILIPPINES", { bold: true, anchor: "middle" }),
    t(506, 75, 22, "BUREAU OF INTERNAL REVENUE", { bold: true, anchor: "middle", fill: "#12408a" }),
    t(330, 150, 30, `TIN ${number}`, { bold: true }),
    t(330, 215, 24, `Name: ${name}`, { bold: true }),
    t(330, 265, 20, `Address: ${int(r, 1, 999)} BONIFACIO AVE, PASIG`),
    t(330, 315, 20, `Date of Birth: ${mdy(p.birth)}`),
    t(330, 365, 20, `Date of Issue: ${mdy(`${int(r, 2010, 2022)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`)}`),
  ].join("");
  return {
    type: "PhilippinesTinID",
    body,
    tint: ["#eef0f7", "#f7ece4"],
    photo: { x: 40, y: 120, w: 250, h: 300 },
    truth: { name, number, birthDate: p.birth },
  };
}

function sss(r: Rng, p: Identity): CardDesign {
  const number = sssNumber(r);
  const name = `${p.given} ${p.middle.slice(0, 1)}. ${p.surname}`;
  const body = [
    t(506, 55, 28, "SOCIAL SECURITY SYSTEM", { bold: true, anchor: "middle", fill: "#12408a" }),
    t(330, 150, 36, `SS Number ${number}`, { bold: true }),
    t(330, 230, 28, `Name: ${name}`, { bold: true }),
    t(330, 290, 22, `Date of Birth: ${mdy(p.birth)}`),
  ].join("");
  return {
    type: "PhilippinesSSSID",
    body,
    tint: ["#e2eef9", "#fbf5df"],
    photo: { x: 40, y: 110, w: 250, h: 310 },
    truth: { name, number, birthDate: p.birth },
  };
}

function umid(r: Rng, p: Identity): CardDesign {
  const crn = umidCrn(r);
  const body = [
    t(506, 45, 22, "UNIFIED MULTI-PURPOSE ID", { bold: true, anchor: "middle", fill: "#12408a" }),
    t(330, 105, 30, crn, { bold: true }),
    label(330, 160, "SURNAME"),
    t(330, 192, 26, p.surname, { bold: true }),
    label(330, 235, "GIVEN NAME"),
    t(330, 267, 26, p.given, { bold: true }),
    label(330, 310, "MIDDLE NAME"),
    t(330, 342, 26, p.middle, { bold: true }),
    label(330, 385, "SEX"),
    label(480, 385, "DATE OF BIRTH"),
    t(330, 417, 24, p.sex),
    t(480, 417, 24, ymd(p.birth)),
    label(330, 460, "ADDRESS"),
    t(330, 492, 20, `${int(r, 1, 999)} LUNA ST, CEBU CITY`),
  ].join("");
  return {
    type: "PhilippinesUMID",
    body,
    tint: ["#e9eef5", "#f5e9e9"],
    photo: { x: 40, y: 120, w: 250, h: 310 },
    truth: { name: `${p.surname}, ${p.given}`, number: crn, birthDate: p.birth },
  };
}

export const SYNTHETIC_LAYOUTS: Partial<Record<IdCardType, (r: Rng, p: Identity) => CardDesign>> = {
  HKIDCard: hkid,
  MLIDCard: mykad,
  IndonesiaIDCard: ktp,
  ThailandIDCard: thai,
  SingaporeIDCard: singapore,
  PhilippinesVoteID: voter,
  PhilippinesDrivingLicense: driving,
  PhilippinesTinID: tin,
  PhilippinesSSSID: sss,
  PhilippinesUMID: umid,
  MainlandIDCard: mainlandFront,
  TaiWanIDCard: taiwanFront,
  HMTPermit: hmtPermitFront,
  MacaoIDCard: macaoFront,
  PhilippinesIDCard: philId,
  ThailandDrivingLicense: thaiLicence,
  MLDrivingLicense: malaysiaLicence,
  SingaporeDrivingLicense: singaporeLicence,
  JapanIDCard: myNumberFront,
  JapanDrivingLicense: japanLicence,
  IndonesiaDrivingLicense: indonesiaLicence,
};
