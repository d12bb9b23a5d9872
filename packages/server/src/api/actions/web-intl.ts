import { EkycError, isTerminal, type Session } from "@openekyc/core";
import { z } from "zod";
import { checkBase64Image } from "../../services/images.ts";
import { checkRedirectUrl } from "../../services/redirects.ts";
import { finalDocuments, ocrResult } from "./documents.ts";
import {
  actionListField,
  extraField,
  int,
  parseActionList,
  tokenField,
  webIdCardTypes,
  webWarningCodes,
} from "./fields.ts";
import { evidenceBase64, verificationDetail } from "./results.ts";
import { type ActionContext, defineAction } from "./types.ts";

const idCardType = z.enum(webIdCardTypes).optional();

/** WebVerificationConfigIntl (reference §6.1), defaults applied. */
export const webVerificationConfigSchema = z.strictObject({
  AutoSkipStartPage: z.boolean().default(false),
  AutoSkip: z.boolean().default(false),
  CheckMode: int().min(1).max(4).default(2),
  IDCardType: idCardType,
  // The spec's own example spells it IdCardType; accept both.
  IdCardType: idCardType,
  DisableCheckOcrWarnings: z.boolean().default(false),
  SecurityLevel: int().min(1).max(5).default(3),
  SkipPrivacyPolicy: z.boolean().default(false),
  IdCardCutReturn: z.boolean().default(false),
  // An invalid colour falls back to the default, as documented.
  ThemeColor: z
    .string()
    .max(64)
    .default("#2d72f1")
    .transform((value) => (/^#[0-9a-fA-F]{6}$/.test(value) ? value : "#2d72f1")),
  Language: z.enum(["th", "en", "zh-cn", "zh-tc", "id"]).default("en"),
  AutoDowngrade: int().min(1).max(2).default(1),
  ActionList: actionListField,
  LivenessRetryLimit: int().min(1).max(99).default(99),
  LivenessTimeout: int().min(1).max(600).default(45),
  SelectedWarningCodes: z
    .string()
    .default("")
    .refine(
      (value) =>
        value === "" ||
        value
          .split(",")
          .every((code) => (webWarningCodes as readonly number[]).includes(Number(code.trim()))),
      "SelectedWarningCodes must be a comma-separated list of -9101, -9102, -9103, -9104, -9107, -9108, -9109",
    ),
  AllowExpiredDocument: z.boolean().default(true),
  Version: z.enum(["BASIC", "PLUS"]).default("BASIC"),
});

const applySchema = z.strictObject({
  RedirectURL: z.string().min(1),
  CompareImageBase64: z.string().optional(),
  Extra: extraField,
  RuleId: z.string().max(64).optional(),
  Config: webVerificationConfigSchema.optional(),
});

export const applyWebVerificationBizTokenIntl = defineAction({
  name: "ApplyWebVerificationBizTokenIntl",
  schema: applySchema,
  async handle(params, { app, services }) {
    const redirectUrl = checkRedirectUrl(app, params.RedirectURL, "RedirectURL");
    const { IdCardType, IDCardType, ActionList, ...config } =
      params.Config ?? webVerificationConfigSchema.parse({});
    const cardType = IDCardType ?? IdCardType;
    if ((config.CheckMode === 1 || config.CheckMode === 4) && !cardType) {
      throw new EkycError(
        "MISSING_PARAMETER",
        "Config.IDCardType is required when Config.CheckMode is 1 or 4.",
      );
    }
    if (ActionList !== undefined && ![2, 4, 5].includes(config.SecurityLevel)) {
      throw new EkycError(
        "INVALID_PARAMETER_VALUE",
        "Config.ActionList is only valid with Config.SecurityLevel 2, 4 or 5.",
      );
    }
    const compares = config.CheckMode === 1 || config.CheckMode === 2;
    if (config.CheckMode === 2 && params.CompareImageBase64 === undefined) {
      throw new EkycError(
        "MISSING_PARAMETER",
        "CompareImageBase64 is required when Config.CheckMode is 2 (liveness + face comparison).",
      );
    }
    const image = params.CompareImageBase64
      ? await checkBase64Image(params.CompareImageBase64, "CompareImageBase64")
      : null;
    if (image) await services.referencePhotos.check(image, "CompareImageBase64");
    const session = await services.sessions.create({
      kind: "web-intl",
      appId: app.appId,
      config: {
        ...config,
        IDCardType: cardType ?? null,
        ActionList: parseActionList(ActionList),
        RuleId: params.RuleId ?? null,
        compareWithReference: compares && image !== null,
      },
      redirectUrl,
      extra: params.Extra ?? null,
      retryLimit: config.LivenessRetryLimit,
      reference: image,
    });
    const url = `${services.publicUrl}/verify?token=${encodeURIComponent(session.token)}`;
    return { BizToken: session.token, VerificationURL: url, VerificationUrl: url };
  },
});

/** Null when the session has no finished document step: the seeds' "OCR failed or not done". */
async function ocrResults(
  services: ActionContext["services"],
  session: Session,
): Promise<Record<string, unknown>[] | null> {
  const documents = finalDocuments(await services.sessions.documents(session));
  if (documents.length === 0) return null;
  const cutReturn = session.config.IdCardCutReturn === true;
  return Promise.all(documents.map((document) => ocrResult(services.blobs, document, cutReturn)));
}

export const getWebVerificationResultIntl = defineAction({
  name: "GetWebVerificationResultIntl",
  schema: z.strictObject({ BizToken: tokenField }),
  async handle(params, { app, services }) {
    const session = await services.sessions.getForApp(params.BizToken, app.appId);
    const attempts = await services.sessions.attempts(session);
    const finished = isTerminal(session.status);
    const last = attempts.at(-1);
    return {
      // Null until the session has finished: the documented way to tell "not finished yet".
      ErrorCode: finished ? session.resultCode : null,
      ErrorMsg: finished ? session.resultMessage : null,
      VerificationDetailList: attempts.map(verificationDetail),
      VideoBase64: finished ? await evidenceBase64(services.blobs, last, "video") : null,
      BestFrameBase64: finished ? await evidenceBase64(services.blobs, last, "bestFrame") : null,
      OCRResult: finished ? await ocrResults(services, session) : null,
      Extra: session.extra ?? "",
    };
  },
});
