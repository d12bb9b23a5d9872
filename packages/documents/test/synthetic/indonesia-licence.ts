import { dmy, type Identity } from "./identities.ts";
import { type CardDesign, t } from "./layouts.ts";
import { digits, int, pad2, pick, type Rng } from "./random.ts";

/**
 * The Indonesian driving licence (SIM) front as public descriptions of the current card give it: the title
 * "SURAT IZIN MENGEMUDI" and the licence class, the 12–14 digit SIM number under it, the numbered rows 1. name,
 * 2. place, date of birth, 3. blood type - sex, 4. address, 5. occupation, 6. issuing police; the portrait on the
 * left with the expiry date under it, the place and date of issue by the signature. Positions and sizes are a
 * reconstruction, not a specimen; holders are fake. `fields` keys are IndonesiaDrivingLicense fields.
 */
const PLACES = ["JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "SEMARANG"];
const POLICE: Record<string, string> = {
  JAKARTA: "POLDA METRO JAYA",
  BANDUNG: "POLDA JAWA BARAT",
  SURABAYA: "POLDA JAWA TIMUR",
  MEDAN: "POLDA SUMATERA UTARA",
  SEMARANG: "POLDA JAWA TENGAH",
};

/** `1234-5678-901234`: 12 or 14 digits in groups of four, the last group taking the rest. */
function simNumber(r: Rng): string {
  const all = String(int(r, 1, 9)) + digits(r, pick(r, [11, 13]));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8)}`;
}

export function indonesiaLicence(r: Rng, p: Identity): CardDesign {
  const number = simNumber(r);
  const name = `${p.given} ${p.surname}`;
  const birthPlace = pick(r, PLACES);
  const issuePlace = pick(r, PLACES);
  const birthYear = Number(p.birth.slice(0, 4));
  const issueYear = int(r, Math.min(2025, Math.max(2019, birthYear + 17)), 2025);
  const issued = `${issueYear}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
  // A SIM runs five years and ends on the holder's birthday (the rule before the 2024 change; cards in use carry it).
  const expires = `${issueYear + 5}${p.birth.slice(4)}`;
  const street = `JL. ${pick(r, ["MERDEKA", "SUDIRMAN", "DIPONEGORO", "GATOT SUBROTO"])} NO. ${int(r, 1, 99)}`;
  const area = `RT ${pad2(int(r, 1, 9))}/RW ${pad2(int(r, 1, 9))} ${pick(r, ["MENTENG", "CIKINI", "TEBET", "DAGO"])}`;
  const rows: [string, string, boolean][] = [
    ["1.", name, true],
    ["2.", `${birthPlace}, ${dmy(p.birth)}`, false],
    ["3.", `${pick(r, ["A", "B", "AB", "O"])} - ${p.sex === "M" ? "PRIA" : "WANITA"}`, false],
    ["4.", street, false],
    ["", area, false],
    ["5.", pick(r, ["KARYAWAN SWASTA", "PELAJAR/MAHASISWA", "WIRASWASTA", "PEGAWAI NEGERI SIPIL"]), false],
    ["6.", POLICE[issuePlace]!, false],
  ];
  const body = [
    t(560, 48, 28, "SURAT IZIN MENGEMUDI", { bold: true, anchor: "middle", fill: "#16325c" }),
    t(940, 60, 44, pick(r, ["A", "C", "B I"]), { bold: true, anchor: "middle", fill: "#b3202a" }),
    t(290, 128, 32, number, { bold: true }),
    ...rows.map(([mark, value, bold], i) => {
      const y = 182 + i * 42;
      return (mark ? t(290, y, 22, mark) : "") + t(330, y, bold ? 26 : 22, value, { bold });
    }),
    t(145, 470, 24, dmy(expires), { bold: true, anchor: "middle" }),
    t(760, 560, 18, `${issuePlace}, ${dmy(issued)}`, { anchor: "middle" }),
  ].join("");
  return {
    type: "IndonesiaDrivingLicense",
    body,
    tint: ["#e4ecf6", "#f3ecdc"],
    photo: { x: 30, y: 130, w: 230, h: 300 },
    truth: { name, number, birthDate: p.birth },
    fields: {
      LicenseNumber: number.replace(/-/g, ""),
      FirstName: p.given,
      LastName: p.surname,
      Birthday: p.birth,
      Address: `${street}, ${area}`,
      ExpirationDate: expires,
      IssuedDate: issued,
      IssuedCountry: "Indonesia",
    },
  };
}
