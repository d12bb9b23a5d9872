import { type CardLine, cleanValue, digitsOnly, readingOrder, valueForLabel } from "../lines.ts";
import { parseNik } from "../numbers/nik.ts";
import { findPrintedDate } from "../printed-dates.ts";
import type { IndonesiaIDCard, NormalIndonesiaIDCard } from "../types.ts";
import { cleanName, finish, type ParsedCard } from "./result.ts";

/**
 * Indonesian e-KTP, front. `PROVINSI …` and `KABUPATEN/KOTA …` titles; then label : value rows (NIK, Nama,
 * Tempat/Tgl Lahir, Jenis Kelamin + Gol. Darah, Alamat, RT/RW, Kel/Desa, Kecamatan, Agama, Status Perkawinan,
 * Pekerjaan, Kewarganegaraan, Berlaku Hingga); photo, place and issue date on the right.
 */
const LABELS = {
  nik: /\bNIK\b/i,
  nama: /\bNama\b/i,
  ttl: /Tempat\s?\/?\s?Tgl\.?\s?Lahir/i,
  jk: /Jenis\s?Kelamin/i,
  gol: /Gol\.?\s?Darah/i,
  alamat: /\bAlamat\b/i,
  rtrw: /\bRT\s?\/\s?RW\b/i,
  kel: /Kel\s?\/\s?Desa/i,
  kec: /Kecamatan/i,
  agama: /\bAgama\b/i,
  status: /Status\s?Perkawinan/i,
  kerja: /Pekerjaan/i,
  warga: /Kewarganegaraan/i,
  berlaku: /Berlaku\s?Hingga/i,
};
const ANY_LABEL = new RegExp(
  Object.values(LABELS)
    .map((r) => r.source)
    .join("|"),
  "i",
);

function field(lines: readonly CardLine[], label: RegExp): string | null {
  const hit = valueForLabel(lines, label, {
    below: false,
    accept: (v) => v.length > 0 && ANY_LABEL.exec(v)?.index !== 0,
  });
  if (!hit) return null;
  // "Jenis Kelamin : LAKI-LAKI Gol. Darah : O" arrives as one line: cut at the next label.
  const next = ANY_LABEL.exec(hit.value);
  return cleanValue(next ? hit.value.slice(0, next.index) : hit.value) || null;
}

export function parseKtp(lines: readonly CardLine[], referenceDate: string): ParsedCard {
  const nikText =
    field(lines, LABELS.nik) ?? readingOrder(lines).find((l) => /\d{16}/.test(digitsOnly(l.text)))?.text;
  const nik = nikText ? digitsOnly(nikText).slice(0, 16) : null;
  const parsed = nik ? parseNik(nik, referenceDate) : null;
  const nama = cleanName(field(lines, LABELS.nama));
  const ttl = field(lines, LABELS.ttl);
  const birth = ttl ? findPrintedDate(ttl) : null;
  const jk = field(lines, LABELS.jk)?.match(/LAKI-LAKI|PEREMPUAN/)?.[0] ?? null;
  const golLine = lines.find((l) => LABELS.gol.test(l.text));
  const gol = golLine
    ? cleanValue(golLine.text.slice(LABELS.gol.exec(golLine.text)!.index).replace(LABELS.gol, "")) || null
    : null;
  const alamat = field(lines, LABELS.alamat);
  const rtrw = field(lines, LABELS.rtrw);
  const kel = field(lines, LABELS.kel);
  const kec = field(lines, LABELS.kec);
  const agama = field(lines, LABELS.agama);
  const status = field(lines, LABELS.status);
  const kerja = field(lines, LABELS.kerja);
  const warga = field(lines, LABELS.warga);
  const berlaku = field(lines, LABELS.berlaku);
  const provinsi =
    readingOrder(lines)
      .find((l) => /^PROVINSI\b/i.test(l.text))
      ?.text.replace(/^PROVINSI\s*/i, "") ?? null;
  const kota = readingOrder(lines).find((l) => /^(KOTA|KABUPATEN)\b/i.test(l.text))?.text ?? null;
  const issued = readingOrder(lines)
    .filter((l) => l.x0 > 0.65 && l.y0 > 0.6)
    .map((l) => findPrintedDate(l.text))
    .find((d) => d !== null);

  const checks: Record<string, boolean> = { nikStructure: parsed !== null };
  if (parsed && birth) checks.birthDateMatchesNik = parsed.birthDate === birth.iso;
  if (parsed && jk) checks.sexMatchesNik = (jk === "PEREMPUAN") === (parsed.sex === "F");
  if (parsed && provinsi) checks.provinceMatchesNik = parsed.province === provinsi.toUpperCase();
  const birthIso = birth?.iso ?? parsed?.birthDate ?? null;
  const address = [alamat, rtrw && `RT/RW ${rtrw}`, kel, kec].filter(Boolean).join(", ") || null;
  const legacy: IndonesiaIDCard = {
    NIK: nik,
    Nama: nama,
    TempatTglLahir: ttl,
    JenisKelamin: jk,
    GolDarah: gol,
    Alamat: alamat,
    RTRW: rtrw,
    KelDesa: kel,
    Kecamatan: kec,
    Agama: agama,
    StatusPerkawinan: status,
    Perkerjaan: kerja,
    KewargaNegaraan: warga,
    BerlakuHingga: berlaku,
    IssuedDate: issued?.raw ?? null,
    Provinsi: provinsi,
    Kota: kota,
  };
  const normal: NormalIndonesiaIDCard = {
    LicenseNumber: nik,
    FullName: nama,
    Birthday: birthIso,
    Sex: jk,
    BloodType: gol,
    FormattedAddress: address,
    Street: alamat,
    Village: kel,
    Area: kec,
    Religion: agama,
    MaritalStatus: status,
    Occupation: kerja,
    Nationality: warga,
    DueDate: berlaku,
    IssuedDate: issued?.iso ?? null,
    Province: provinsi,
    City: kota,
  };
  return finish(
    { IndonesiaIDCard: normal },
    { IndonesiaIDCard: legacy },
    { name: nama, number: nik, birthDate: birthIso },
    checks,
  );
}
