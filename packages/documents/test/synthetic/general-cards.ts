import { type Identity, myKadNumber, nric, thaiId, titleCase } from "./identities.ts";
import { type CardDesign, t } from "./layouts.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/**
 * Cards whose fields go to the API's GeneralCard: the PhilID and the Thai, Malaysian and Singapore driving
 * licences, in the layout public descriptions give them (labels and field order; positions approximate). Holders
 * are fake. No Thai font is installed, so the Thai licence carries only its English part. `fields` keys are
 * GeneralCard fields (`Address.X` for the nested Address struct) with the values the parser reports.
 */
const label = (x: number, y: number, text: string) => t(x, y, 17, text, { fill: "#3b4a5e" });

const MONTHS = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];
const monthName = (iso: string) => MONTHS[Number(iso.slice(5, 7)) - 1]!;
/** `JANUARY 01, 1990`, the PhilID's date form. */
const philDate = (iso: string) => `${monthName(iso)} ${iso.slice(8, 10)}, ${iso.slice(0, 4)}`;
/** `12 March 2020`, the Thai licence's English date form. */
const thaiDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${titleCase(monthName(iso))} ${iso.slice(0, 4)}`;
const dmySlash = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const dmyDash = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
/** A date in `from`…`to` (years) no earlier than the holder's 18th birthday year. */
function issueDate(r: Rng, p: Identity, from: number, to: number): string {
  const year = int(r, Math.min(to, Math.max(from, Number(p.birth.slice(0, 4)) + 18)), to);
  return `${year}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
}
const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

export function philId(r: Rng, p: Identity): CardDesign {
  const pcn = Array.from({ length: 4 }, () => digits(r, 4)).join("-");
  const street = `${int(r, 1, 999)} ${pick(r, ["RIZAL ST", "MABINI ST", "BONIFACIO AVE"])}, BRGY ${pick(r, ["SAN ISIDRO", "POBLACION", "MALIGAYA"])}`;
  const town = pick(r, ["QUEZON CITY, METRO MANILA", "CEBU CITY, CEBU", "DAVAO CITY, DAVAO DEL SUR"]);
  const body = [
    t(506, 40, 20, "REPUBLIKA NG PILIPINAS", { bold: true, anchor: "middle", fill: "#1d3b72" }),
    t(506, 64, 16, "Republic of the Philippines", { anchor: "middle" }),
    t(506, 96, 24, "PAMBANSANG PAGKAKAKILANLAN", { bold: true, anchor: "middle", fill: "#1d3b72" }),
    t(506, 120, 16, "Philippine Identification Card", { anchor: "middle" }),
    t(310, 172, 30, pcn, { bold: true }),
    label(310, 212, "Apelyido/Last Name"),
    t(310, 244, 28, p.surname, { bold: true }),
    label(310, 284, "Mga Pangalan/Given Names"),
    t(310, 316, 28, p.given, { bold: true }),
    label(310, 356, "Gitnang Apelyido/Middle Name"),
    t(310, 388, 28, p.middle, { bold: true }),
    label(310, 428, "Petsa ng Kapanganakan/Date of Birth"),
    t(310, 460, 26, philDate(p.birth), { bold: true }),
    label(310, 500, "Tirahan/Address"),
    t(310, 530, 21, street),
    t(310, 558, 21, town),
  ].join("");
  return {
    type: "PhilippinesIDCard",
    body,
    tint: ["#eef3f8", "#dfe8f1"],
    photo: { x: 30, y: 150, w: 250, h: 320 },
    truth: { name: `${p.surname}, ${p.given}`, number: pcn, birthDate: p.birth },
    fields: {
      LicenseNumber: pcn,
      LastName: p.surname,
      FirstName: p.given,
      FullName: `${p.given} ${p.middle} ${p.surname}`,
      Birthday: p.birth,
      "Address.FormattedAddress": `${street}, ${town}`,
    },
  };
}

export function thaiLicence(r: Rng, p: Identity): CardDesign {
  const number = String(int(r, 1, 9)) + digits(r, 7);
  const personal = thaiId(r);
  const title = p.sex === "M" ? "Mr." : pick(r, ["Mrs.", "Miss"]);
  const [first, last] = [titleCase(p.given.split(" ")[0]!), titleCase(p.surname)];
  const issued = issueDate(r, p, 2021, 2025);
  // A private car licence runs five years.
  const expires = plusYears(issued, 5);
  const body = [
    t(506, 48, 26, "Private Car Driving Licence", { bold: true, anchor: "middle", fill: "#1d4f91" }),
    t(290, 140, 26, `No. ${number}`, { bold: true }),
    t(290, 188, 22, `Date of Issue ${thaiDate(issued)}`),
    t(290, 230, 22, `Date of Expiry ${thaiDate(expires)}`),
    t(290, 300, 26, `Name ${title} ${first} ${last}`, { bold: true }),
    t(290, 345, 22, `Date of Birth ${thaiDate(p.birth)}`),
    t(290, 410, 26, personal, { bold: true }),
  ].join("");
  return {
    type: "ThailandDrivingLicense",
    body,
    tint: ["#e8f0e0", "#d6e6f0"],
    photo: { x: 30, y: 130, w: 230, h: 290 },
    truth: { name: `${first} ${last}`, number, birthDate: p.birth },
    fields: {
      LicenseNumber: number,
      PersonalNumber: personal,
      FullName: `${title} ${first} ${last}`,
      FirstName: first,
      LastName: last,
      Sex: p.sex,
      Birthday: p.birth,
      IssuedDate: issued,
      ExpirationDate: expires,
    },
  };
}

const MY_TOWNS = [
  ["50450", "KUALA LUMPUR", "WILAYAH PERSEKUTUAN"],
  ["40000", "SHAH ALAM", "SELANGOR"],
  ["80100", "JOHOR BAHRU", "JOHOR"],
] as const;

export function malaysiaLicence(r: Rng, p: Identity): CardDesign {
  const number = myKadNumber(r, p);
  const name = `${p.given} ${p.sex === "M" ? "BIN" : "BINTI"} ${p.surname}`;
  const from = issueDate(r, p, 2021, 2025);
  const to = plusYears(from, int(r, 1, 5));
  const [postcode, town, state] = pick(r, MY_TOWNS);
  const address = [
    `NO ${int(r, 1, 99)} JALAN ${pick(r, ["MAWAR", "MELATI", "KENANGA"])} ${int(r, 1, 9)}`,
    `TAMAN ${pick(r, ["SRI", "BUKIT", "DESA"])} ${pick(r, ["INDAH", "JAYA", "PERMAI"])}`,
    `${postcode} ${town}`,
    state,
  ];
  const body = [
    t(506, 42, 24, "LESEN MEMANDU", { bold: true, anchor: "middle", fill: "#0f3d7a" }),
    t(506, 70, 18, "DRIVING LICENCE", { bold: true, anchor: "middle", fill: "#0f3d7a" }),
    label(300, 122, "Nama / Name"),
    t(300, 154, 26, name, { bold: true }),
    label(300, 194, "No. Pengenalan / Identity No."),
    t(300, 226, 26, number.replace(/-/g, ""), { bold: true }),
    label(300, 266, "Warganegara / Nationality"),
    t(300, 298, 24, "MALAYSIA"),
    label(660, 266, "Kelas / Class"),
    t(660, 298, 24, pick(r, ["D", "B2 D", "D DA"])),
    label(300, 338, "Tempoh / Validity"),
    t(300, 370, 24, `${dmySlash(from)} - ${dmySlash(to)}`),
    label(300, 410, "Alamat / Address"),
    ...address.map((line, i) => t(300, 440 + i * 28, 21, line)),
  ].join("");
  return {
    type: "MLDrivingLicense",
    body,
    tint: ["#f2eadf", "#e0e8f4"],
    photo: { x: 30, y: 120, w: 240, h: 300 },
    truth: { name, number, birthDate: p.birth },
    fields: {
      LicenseNumber: number,
      FullName: name,
      Sex: p.sex,
      Birthday: p.birth,
      Nationality: "MALAYSIA",
      IssuedDate: from,
      ExpirationDate: to,
      "Address.FormattedAddress": address.join(", "),
      "Address.PostalCode": postcode,
    },
  };
}

export function singaporeLicence(r: Rng, p: Identity): CardDesign {
  const number = nric(r, p);
  const name = `${p.surname} ${p.given}`;
  const issued = issueDate(r, p, 2000, 2025);
  const body = [
    t(506, 48, 26, "SINGAPORE DRIVING LICENCE", { bold: true, anchor: "middle", fill: "#9b1c2c" }),
    label(310, 120, "Licence No."),
    t(310, 154, 28, number, { bold: true }),
    label(310, 204, "Name"),
    t(310, 238, 28, name, { bold: true }),
    label(310, 288, "Date of Birth"),
    t(310, 320, 24, dmyDash(p.birth)),
    label(620, 288, "Date of Issue"),
    t(620, 320, 24, dmyDash(issued)),
    label(310, 370, "Class"),
    t(310, 402, 24, pick(r, ["3", "3A", "2B  3"])),
  ].join("");
  return {
    type: "SingaporeDrivingLicense",
    body,
    tint: ["#f5e6e9", "#ebeef7"],
    photo: { x: 30, y: 110, w: 250, h: 320 },
    truth: { name, number, birthDate: p.birth },
    fields: { LicenseNumber: number, FullName: name, Birthday: p.birth, IssuedDate: issued },
  };
}
