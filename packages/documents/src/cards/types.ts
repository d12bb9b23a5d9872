/**
 * Document structs of the FaceID API (reference §6.7), field names exactly as on the wire.
 * Every field is a string that may be null; we emit `null` for what the card does not show or we could not read.
 */
type Fields<K extends string> = { [P in K]: string | null };

/** Values accepted in `Config.IDCardType` (the seeds' list plus the members of the result containers). */
export const ID_CARD_TYPES = [
  "HKIDCard",
  "MLIDCard",
  "IndonesiaIDCard",
  "PhilippinesVoteID",
  "PhilippinesDrivingLicense",
  "PhilippinesTinID",
  "PhilippinesSSSID",
  "PhilippinesUMID",
  "InternationalIDPassport",
  "ThailandIDCard",
  "SingaporeIDCard",
  "MainlandIDCard",
  "IndonesiaDrivingLicense",
  "MacaoIDCard",
  "TaiWanIDCard",
  "JapanIDCard",
  "HMTPermit",
  "PhilippinesIDCard",
  "ThailandDrivingLicense",
  "MLDrivingLicense",
  "SingaporeDrivingLicense",
  "JapanDrivingLicense",
  "GeneralCard",
] as const;
export type IdCardType = (typeof ID_CARD_TYPES)[number];

export function isIdCardType(value: string): value is IdCardType {
  return (ID_CARD_TYPES as readonly string[]).includes(value);
}

/** Types without a struct of their own in NormalCardInfo / CardInfo: their fields go to `GeneralCard`. */
export const GENERAL_CARD_TYPES = [
  "PhilippinesIDCard",
  "ThailandDrivingLicense",
  "MLDrivingLicense",
  "SingaporeDrivingLicense",
  "JapanDrivingLicense",
  // Any identity document: read from its MRZ when it has one, else by its labels (read-card.ts, general-mrz.ts).
  "GeneralCard",
] as const satisfies readonly IdCardType[];

/**
 * The NormalCardInfo member a type's fields are reported under: GeneralCard for the types without a struct of
 * their own, HMTPermitCard for HMTPermit (reference §6.7), the type's own name otherwise.
 */
export function cardInfoMember(type: IdCardType): string {
  if ((GENERAL_CARD_TYPES as readonly string[]).includes(type)) return "GeneralCard";
  return type === "HMTPermit" ? "HMTPermitCard" : type;
}

export type HKIDCard = Fields<
  | "CnName"
  | "EnName"
  | "TelexCode"
  | "Sex"
  | "Birthday"
  | "Permanent"
  | "IdNum"
  | "Symbol"
  | "FirstIssueDate"
  | "CurrentIssueDate"
>;
export type NormalHKIDCard = Fields<
  | "ChineseName"
  | "FullName"
  | "RegistrationNumber"
  | "Sex"
  | "Birthday"
  | "Permanent"
  | "LicenseNumber"
  | "Symbol"
  | "IssuedDate"
  | "CurrentIssueDate"
  | "HKIDVersion"
>;
export type MLIDCard = Fields<"Name" | "ID" | "Sex" | "Address" | "Type" | "Birthday">;
export type NormalMLIDCard = Fields<
  "FullName" | "LicenseNumber" | "Sex" | "FormattedAddress" | "Type" | "Birthday"
>;
export type InternationalIDPassport = Fields<
  | "LicenseNumber"
  | "FullName"
  | "Surname"
  | "GivenName"
  | "Birthday"
  | "Sex"
  | "DateOfExpiration"
  | "IssuingCountry"
  | "NationalityCode"
  | "PassportCodeFirst"
  | "PassportCodeSecond"
>;
export type MainlandIDCard = Fields<
  | "FullName"
  | "Sex"
  | "Nation"
  | "Birthday"
  | "Address"
  | "LicenseNumber"
  | "FormattedAddress"
  | "Authority"
  | "ValidDate"
>;
export type HMTPermit = Fields<
  "Name" | "EnglishName" | "Number" | "Sex" | "ValidDate" | "IssueAuthority" | "IssueAddress" | "Birthday"
>;
export type PhilippinesVoteID = Fields<
  "VIN" | "FirstName" | "LastName" | "Birthday" | "CivilStatus" | "Citizenship" | "Address" | "PrecinctNo"
>;
export type PhilippinesDrivingLicense = Fields<
  | "Name"
  | "LastName"
  | "FirstName"
  | "MiddleName"
  | "Nationality"
  | "Sex"
  | "Address"
  | "LicenseNo"
  | "ExpiresDate"
  | "AgencyCode"
  | "Birthday"
>;
export type PhilippinesTinID = Fields<"LicenseNumber" | "FullName" | "Address" | "Birthday" | "IssueDate">;
export type PhilippinesSSSID = Fields<"LicenseNumber" | "FullName" | "Birthday">;
export type PhilippinesUMID = Fields<
  "Surname" | "MiddleName" | "GivenName" | "Sex" | "Birthday" | "Address" | "CRN"
>;
export type IndonesiaIDCard = Fields<
  | "NIK"
  | "Nama"
  | "TempatTglLahir"
  | "JenisKelamin"
  | "GolDarah"
  | "Alamat"
  | "RTRW"
  | "KelDesa"
  | "Kecamatan"
  | "Agama"
  | "StatusPerkawinan"
  | "Perkerjaan"
  | "KewargaNegaraan"
  | "BerlakuHingga"
  | "IssuedDate"
  | "Provinsi"
  | "Kota"
>;
export type NormalIndonesiaIDCard = Fields<
  | "LicenseNumber"
  | "FullName"
  | "Birthday"
  | "Sex"
  | "BloodType"
  | "FormattedAddress"
  | "Street"
  | "Village"
  | "Area"
  | "Religion"
  | "MaritalStatus"
  | "Occupation"
  | "Nationality"
  | "DueDate"
  | "IssuedDate"
  | "Province"
  | "City"
>;
export type IndonesiaDrivingLicense = Fields<
  | "LastName"
  | "FirstName"
  | "LicenseNumber"
  | "Birthday"
  | "Address"
  | "ExpirationDate"
  | "IssuedDate"
  | "IssuedCountry"
>;
export type ThailandIDCard = Fields<
  | "LastName"
  | "FirstName"
  | "LicenseNumber"
  | "DateOfBirth"
  | "DateOfExpiry"
  | "DateOfIssue"
  | "IssuedCountry"
>;
export type NormalThailandIDCard = Fields<
  | "LicenseNumber"
  | "FullName"
  | "LastName"
  | "FirstName"
  | "Birthday"
  | "FormattedAddress"
  | "ExpirationDate"
  | "IssuedDate"
  | "RegistrationNumber"
  | "Religion"
  | "ThaiBirthday"
  | "ThaiExpirationDate"
  | "ThaiIssueDate"
>;
export type SingaporeIDCard = Fields<
  | "ChName"
  | "ChineseName"
  | "EnName"
  | "FullName"
  | "ID"
  | "LicenseNumber"
  | "Sex"
  | "CountryOfBirth"
  | "Nationality"
  | "Birthday"
  | "Address"
  | "Race"
  | "NRICCode"
  | "PostCode"
  | "DateOfExpiration"
  | "DateOfIssue"
>;
export type MacaoIDCard = Fields<
  | "FirstName"
  | "LastName"
  | "Birthday"
  | "ExpirationDate"
  | "LicenseNumber"
  | "Sex"
  | "Age"
  | "IssuedCountry"
  | "Field1"
  | "Field2"
>;
export type TaiWanIDCard = Fields<
  "FullName" | "LicenseNumber" | "Sex" | "IssuedCountry" | "RegistrationNumber"
>;
export type JapanIDCard = Fields<
  "FullName" | "LicenseNumber" | "Age" | "Birthday" | "ExpirationDate" | "FormattedAddress"
>;
type SimpleForeignCard = Fields<
  "LastName" | "FirstName" | "LicenseNumber" | "Age" | "Birthday" | "IssuedCountry"
>;
export type BangladeshIDCard = SimpleForeignCard;
export type PakistanIDCard = SimpleForeignCard;
export type PakistanDrivingLicense = SimpleForeignCard;
export type NigeriaIDCard = SimpleForeignCard & Fields<"Sex">;
export type NigeriaDrivingLicense = NigeriaIDCard & Fields<"ExpirationDate" | "IssuedDate">;

export type Address = Fields<
  | "Country"
  | "PostalCode"
  | "Subdivision"
  | "City"
  | "FormattedAddress"
  | "LineOne"
  | "LineTwo"
  | "LineThree"
  | "LineFour"
  | "LineFive"
>;
export type GeneralCard = Fields<
  | "LicenseNumber"
  | "PersonalNumber"
  | "PassportCodeFirst"
  | "PassportCodeSecond"
  | "ExpirationDate"
  | "DueDate"
  | "IssuedDate"
  | "IssuedAuthority"
  | "IssuedCountry"
  | "FullName"
  | "FirstName"
  | "LastName"
  | "Sex"
  | "Age"
  | "Birthday"
  | "BirthPlace"
  | "Nationality"
  | "RegistrationNumber"
  | "FullNameLocal"
  | "FirstNameLocal"
  | "LastNameLocal"
> & { Address: Address | null };

/** [deprecated on the wire, still emitted] legacy container. */
export interface CardInfo {
  HKIDCard?: HKIDCard | null;
  MLIDCard?: MLIDCard | null;
  IndonesiaIDCard?: IndonesiaIDCard | null;
  ThailandIDCard?: ThailandIDCard | null;
  PhilippinesVoteID?: PhilippinesVoteID | null;
  PhilippinesDrivingLicense?: PhilippinesDrivingLicense | null;
  PhilippinesTinID?: PhilippinesTinID | null;
  PhilippinesSSSID?: PhilippinesSSSID | null;
  PhilippinesUMID?: PhilippinesUMID | null;
  InternationalIDPassport?: InternationalIDPassport | null;
  GeneralCard?: GeneralCard | null;
  IndonesiaDrivingLicense?: IndonesiaDrivingLicense | null;
  SingaporeIDCard?: SingaporeIDCard | null;
  MacaoIDCard?: MacaoIDCard | null;
  TaiWanIDCard?: TaiWanIDCard | null;
  JapanIDCard?: JapanIDCard | null;
  BangladeshIDCard?: BangladeshIDCard | null;
  NigeriaIDCard?: NigeriaIDCard | null;
  NigeriaDrivingLicense?: NigeriaDrivingLicense | null;
  PakistanIDCard?: PakistanIDCard | null;
  PakistanDrivingLicense?: PakistanDrivingLicense | null;
}

/** Current normalised container. */
export interface NormalCardInfo {
  HKIDCard?: NormalHKIDCard | null;
  MLIDCard?: NormalMLIDCard | null;
  IndonesiaIDCard?: NormalIndonesiaIDCard | null;
  ThailandIDCard?: NormalThailandIDCard | null;
  HMTPermitCard?: HMTPermit | null;
  PhilippinesVoteID?: PhilippinesVoteID | null;
  PhilippinesDrivingLicense?: PhilippinesDrivingLicense | null;
  PhilippinesTinID?: PhilippinesTinID | null;
  PhilippinesSSSID?: PhilippinesSSSID | null;
  PhilippinesUMID?: PhilippinesUMID | null;
  InternationalIDPassport?: InternationalIDPassport | null;
  GeneralCard?: GeneralCard | null;
  IndonesiaDrivingLicense?: IndonesiaDrivingLicense | null;
  SingaporeIDCard?: SingaporeIDCard | null;
  MacaoIDCard?: MacaoIDCard | null;
  MainlandIDCard?: MainlandIDCard | null;
  JapanIDCard?: JapanIDCard | null;
  TaiWanIDCard?: TaiWanIDCard | null;
}

/** Builds a struct with every listed field null, so emitted objects always carry the full key set. */
export function emptyFields<K extends string>(keys: readonly K[]): Fields<K> {
  const out = {} as Fields<K>;
  for (const key of keys) out[key] = null;
  return out;
}
