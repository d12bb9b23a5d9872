import { z } from "zod";

/** Field shapes shared by several actions. Integers are int64 on the wire; JS numbers cover the used range. */
export const int = () => z.number().int();

/** Pass-through text, at most 1000 characters (code points, so emoji count once). */
export const extraField = z
  .string()
  // 1000 code points take at most 2000 UTF-16 units; the cheap check first.
  .max(2000, "Extra must be at most 1000 characters")
  .refine((value) => [...value].length <= 1000, "Extra must be at most 1000 characters")
  .optional();

export const tokenField = z.string().min(1).max(128);

export const actionNames = ["blink", "mouth", "nod", "shake"] as const;

/** "blink" or "blink,nod": one or two distinct actions. */
export const actionListField = z
  .string()
  .refine((value) => {
    const parts = value.split(",").map((part) => part.trim());
    return (
      parts.length >= 1 &&
      parts.length <= 2 &&
      new Set(parts).size === parts.length &&
      parts.every((part) => (actionNames as readonly string[]).includes(part))
    );
  }, "ActionList must be one or two of blink, mouth, nod, shake, comma-separated")
  .optional();

export function parseActionList(value: string | undefined): string[] {
  return (value ?? "blink").split(",").map((part) => part.trim());
}

export const sdkVersionField = z.enum(["BASIC", "ENHANCE", "ENHANCED", "PRO", "PLUS"]).optional();

/** Document types of the web flow (reference §6.1 plus the seeds' longer list). */
export const webIdCardTypes = [
  "HKIDCard",
  "MLIDCard",
  "IndonesiaIDCard",
  "IndonesiaDrivingLicense",
  "PhilippinesVoteID",
  "PhilippinesDrivingLicense",
  "PhilippinesTinID",
  "PhilippinesSSSID",
  "PhilippinesUMID",
  "PhilippinesIDCard",
  "InternationalIDPassport",
  "ThailandIDCard",
  "ThailandDrivingLicense",
  "MLDrivingLicense",
  "SingaporeIDCard",
  "SingaporeDrivingLicense",
  "JapanIDCard",
  "JapanDrivingLicense",
  "MainlandIDCard",
  "MacaoIDCard",
  "TaiWanIDCard",
  "HMTPermit",
  "GeneralCard",
] as const;

/** Document types of the SDK flow (ApplySdkVerificationToken.IdCardType). */
export const sdkIdCardTypes = [
  "HK",
  "ML",
  "IndonesiaIDCard",
  "PhilippinesVoteID",
  "PhilippinesDrivingLicense",
  "PhilippinesTinID",
  "PhilippinesSSSID",
  "PhilippinesUMID",
  "MLIDPassport",
  "ThailandIDCard",
  "MainlandIDCard",
  "SingaporeIDCard",
  "HMTPermit",
] as const;

export const webWarningCodes = [-9101, -9102, -9103, -9104, -9107, -9108, -9109] as const;
export const sdkWarningCodes = [-9101, -9102, -9103, -9104, -9107, -9108, -9901] as const;
