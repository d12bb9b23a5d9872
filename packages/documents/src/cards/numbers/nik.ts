import { birthDateFromTwoDigitYear, todayIso } from "./dates.ts";

/**
 * Indonesian NIK (Nomor Induk Kependudukan), 16 digits: province (2), regency/city (2), district (2), birth day
 * (+40 for women), birth month, two-digit birth year, serial 0001–9999. No check digit: validation is structural.
 */
export interface NikNumber {
  nik: string;
  provinceCode: string;
  province: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: "M" | "F";
  serial: string;
}

export const INDONESIA_PROVINCES: Readonly<Record<string, string>> = {
  "11": "ACEH",
  "12": "SUMATERA UTARA",
  "13": "SUMATERA BARAT",
  "14": "RIAU",
  "15": "JAMBI",
  "16": "SUMATERA SELATAN",
  "17": "BENGKULU",
  "18": "LAMPUNG",
  "19": "KEPULAUAN BANGKA BELITUNG",
  "21": "KEPULAUAN RIAU",
  "31": "DKI JAKARTA",
  "32": "JAWA BARAT",
  "33": "JAWA TENGAH",
  "34": "DI YOGYAKARTA",
  "35": "JAWA TIMUR",
  "36": "BANTEN",
  "51": "BALI",
  "52": "NUSA TENGGARA BARAT",
  "53": "NUSA TENGGARA TIMUR",
  "61": "KALIMANTAN BARAT",
  "62": "KALIMANTAN TENGAH",
  "63": "KALIMANTAN SELATAN",
  "64": "KALIMANTAN TIMUR",
  "65": "KALIMANTAN UTARA",
  "71": "SULAWESI UTARA",
  "72": "SULAWESI TENGAH",
  "73": "SULAWESI SELATAN",
  "74": "SULAWESI TENGGARA",
  "75": "GORONTALO",
  "76": "SULAWESI BARAT",
  "81": "MALUKU",
  "82": "MALUKU UTARA",
  "91": "PAPUA",
  "92": "PAPUA BARAT",
  "93": "PAPUA SELATAN",
  "94": "PAPUA TENGAH",
  "95": "PAPUA PEGUNUNGAN",
  "96": "PAPUA BARAT DAYA",
};

export function parseNik(input: string, referenceDate = todayIso()): NikNumber | null {
  const nik = input.replace(/\s/g, "");
  if (!/^\d{16}$/.test(nik)) return null;
  const provinceCode = nik.slice(0, 2);
  const province = INDONESIA_PROVINCES[provinceCode];
  const regencyCode = nik.slice(2, 4);
  const districtCode = nik.slice(4, 6);
  if (!province || regencyCode === "00" || districtCode === "00") return null;
  const rawDay = Number(nik.slice(6, 8));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const birthDate = birthDateFromTwoDigitYear(
    Number(nik.slice(10, 12)),
    Number(nik.slice(8, 10)),
    day,
    referenceDate,
  );
  const serial = nik.slice(12);
  if (!birthDate || serial === "0000") return null;
  return {
    nik,
    provinceCode,
    province,
    regencyCode,
    districtCode,
    birthDate,
    sex: female ? "F" : "M",
    serial,
  };
}

export function isValidNik(input: string, referenceDate = todayIso()): boolean {
  return parseNik(input, referenceDate) !== null;
}
