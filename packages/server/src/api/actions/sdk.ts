import { EkycError, type Session } from "@openekyc/core";
import { z } from "zod";
import type { CheckedImage } from "../../services/images.ts";
import { checkBase64Image } from "../../services/images.ts";
import { cardVerifyResult, finalDocuments, profileImage } from "./documents.ts";
import {
  actionListField,
  extraField,
  int,
  parseActionList,
  sdkIdCardTypes,
  sdkVersionField,
  sdkWarningCodes,
  tokenField,
} from "./fields.ts";
import { evidenceBase64, evidenceFileInfo, sdkResult } from "./results.ts";
import { type ActionContext, defineAction } from "./types.ts";

const secureLevel = z.enum(["1", "2", "3", "4"]).default("4");

async function createSdkSession(
  context: ActionContext,
  kind: Session["kind"],
  config: Record<string, unknown>,
  extra: string | undefined,
  retryLimit: number,
  reference: CheckedImage | null,
): Promise<string> {
  const session = await context.services.sessions.create({
    kind,
    appId: context.app.appId,
    config,
    redirectUrl: null,
    extra: extra ?? null,
    retryLimit,
    reference,
  });
  return session.token;
}

function assertActionListAllowed(actionList: string | undefined, level: number, field: string): void {
  if (actionList !== undefined && level !== 2 && level !== 4) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `ActionList is only valid with ${field} 2 or 4.`);
  }
}

export const getFaceIdTokenIntl = defineAction({
  name: "GetFaceIdTokenIntl",
  schema: z.strictObject({
    CheckMode: z.enum(["liveness", "compare"]).default("liveness"),
    SecureLevel: secureLevel,
    Image: z.string().optional(),
    Extra: extraField,
    ActionList: actionListField,
    SdkVersion: sdkVersionField,
    RetryLimit: int().min(1).max(5).default(5),
  }),
  async handle(params, context) {
    if (params.CheckMode === "compare" && params.Image === undefined) {
      throw new EkycError("MISSING_PARAMETER", "Image is required when CheckMode is compare.");
    }
    assertActionListAllowed(params.ActionList, Number(params.SecureLevel), "SecureLevel");
    const image = params.Image ? await checkBase64Image(params.Image, "Image") : null;
    if (image) await context.services.referencePhotos.check(image, "Image");
    const config = {
      CheckMode: params.CheckMode,
      SecureLevel: params.SecureLevel,
      ActionList: parseActionList(params.ActionList),
      SdkVersion: params.SdkVersion ?? "BASIC",
      compareWithReference: params.CheckMode === "compare",
    };
    return {
      SdkToken: await createSdkSession(context, "sdk-faceid", config, params.Extra, params.RetryLimit, image),
    };
  },
});

export const getFaceIdResultIntl = defineAction({
  name: "GetFaceIdResultIntl",
  schema: z.strictObject({ SdkToken: tokenField }),
  async handle(params, { app, services }) {
    const session = await services.sessions.getForApp(params.SdkToken, app.appId);
    const result = sdkResult(session);
    const done = result.Result !== "-999";
    const last = done ? (await services.sessions.attempts(session)).at(-1) : undefined;
    return {
      ...result,
      BestFrame: await evidenceBase64(services.blobs, last, "bestFrame"),
      Video: await evidenceBase64(services.blobs, last, "video"),
      ActionVideo: await evidenceBase64(services.blobs, last, "actionVideo"),
      // Meaningful only in compare mode; 0 in liveness mode, as documented.
      Similarity: done ? (last?.similarity ?? 0) : null,
      Extra: session.extra,
      DeviceInfoLevel: "",
      LivenessInfoTag: last ? [...last.livenessInfoTags] : [],
    };
  },
});

export const applySdkVerificationToken = defineAction({
  name: "ApplySdkVerificationToken",
  schema: z.strictObject({
    CheckMode: int().min(1).max(3).default(1),
    SecurityLevel: int().min(1).max(4).default(4),
    IdCardType: z.enum(sdkIdCardTypes).default("HK"),
    CompareImage: z.string().optional(),
    NeedVerifyIdCard: z.boolean().default(false),
    DisableChangeOcrResult: z.boolean().default(false),
    DisableCheckOcrWarnings: z.boolean().default(false),
    SelectedWarningCodes: z
      .array(
        int().refine((code) => (sdkWarningCodes as readonly number[]).includes(code), "unknown warning code"),
      )
      .default([]),
    Extra: extraField,
    SdkVersion: sdkVersionField,
    ActionList: actionListField,
    AllowExpiredDocument: z.boolean().default(true),
    SkipResultPage: z.boolean().default(false),
    SkipLaunchPage: z.boolean().default(false),
    SkipOcrConfirmPage: z.boolean().default(false),
    HideProgressBar: z.boolean().default(false),
    AllowUploadPhoto: z.boolean().default(false),
    EnableForgeryDetectionImages: z.boolean().default(false),
    CardOcrDisplayFields: z.array(z.string().max(64)).max(64).default([]),
    RetryLimit: int().min(1).max(5).default(5),
    MetaData: z.string().max(65_536).optional(),
  }),
  async handle(params, context) {
    if (params.CheckMode === 2 && params.CompareImage === undefined) {
      throw new EkycError("MISSING_PARAMETER", "CompareImage is required when CheckMode is 2.");
    }
    assertActionListAllowed(params.ActionList, params.SecurityLevel, "SecurityLevel");
    const image = params.CompareImage ? await checkBase64Image(params.CompareImage, "CompareImage") : null;
    if (image) await context.services.referencePhotos.check(image, "CompareImage");
    const { CompareImage: _image, Extra, RetryLimit, MetaData: _metaData, ...options } = params;
    const config = {
      ...options,
      ActionList: parseActionList(params.ActionList),
      SdkVersion: params.SdkVersion ?? "BASIC",
      compareWithReference: params.CheckMode === 2,
    };
    return { SdkToken: await createSdkSession(context, "sdk-ekyc", config, Extra, RetryLimit, image) };
  },
});

async function cardVerifyResults(
  services: ActionContext["services"],
  session: Session,
): Promise<Record<string, unknown>[]> {
  const documents = finalDocuments(await services.sessions.documents(session));
  return Promise.all(
    documents.map((document) => cardVerifyResult(services.blobs, services.uploads, document)),
  );
}

export const getSdkVerificationResult = defineAction({
  name: "GetSdkVerificationResult",
  schema: z.strictObject({ SdkToken: tokenField }),
  async handle(params, { app, services }) {
    const session = await services.sessions.getForApp(params.SdkToken, app.appId);
    const result = sdkResult(session);
    const attempts = await services.sessions.attempts(session);
    const profile = attempts.length
      ? await profileImage(services.blobs, services.uploads, await services.sessions.documents(session))
      : null;
    const compareResults = await Promise.all(
      attempts.map(async (attempt) => ({
        ErrorCode: String(attempt.errorCode),
        ErrorMsg: attempt.errorMsg,
        LiveData: await evidenceFileInfo(services.blobs, services.uploads, attempt, "liveData"),
        LiveVideo: await evidenceFileInfo(services.blobs, services.uploads, attempt, "video"),
        ActionVideo: await evidenceFileInfo(services.blobs, services.uploads, attempt, "actionVideo"),
        LiveErrorCode: attempt.livenessErrorCode === null ? null : String(attempt.livenessErrorCode),
        LiveErrorMsg: attempt.livenessErrorMsg,
        BestFrame: await evidenceFileInfo(services.blobs, services.uploads, attempt, "bestFrame"),
        ProfileImage: profile,
        CompareErrorCode: attempt.compareErrorCode === null ? null : String(attempt.compareErrorCode),
        CompareErrorMsg: attempt.compareErrorMsg,
        Sim: attempt.similarity,
        IsNeedCharge: attempt.errorCode === 0 || attempt.errorCode === 2016,
        CardInfoInputJson: null,
        RequestId: attempt.seq,
        LivenessInfoTag: [...attempt.livenessInfoTags],
      })),
    );
    return {
      ...result,
      ChargeCount: compareResults.filter((entry) => entry.IsNeedCharge).length,
      CardVerifyResults: result.Result === "-999" ? [] : await cardVerifyResults(services, session),
      CompareResults: compareResults,
      Extra: session.extra ?? "",
      DeviceInfoLevel: "",
    };
  },
});

export const applyLivenessToken = defineAction({
  name: "ApplyLivenessToken",
  schema: z.strictObject({ SecureLevel: secureLevel }),
  async handle(params, context) {
    const config = { SecureLevel: params.SecureLevel, compareWithReference: false };
    return { SdkToken: await createSdkSession(context, "sdk-liveness", config, undefined, 5, null) };
  },
});

export const getLivenessResult = defineAction({
  name: "GetLivenessResult",
  schema: z.strictObject({ SdkToken: tokenField }),
  async handle(params, { app, services }) {
    const session = await services.sessions.getForApp(params.SdkToken, app.appId);
    const result = sdkResult(session);
    const last = result.Result !== "-999" ? (await services.sessions.attempts(session)).at(-1) : undefined;
    return {
      ...result,
      BestFrame: await evidenceFileInfo(services.blobs, services.uploads, last, "bestFrame"),
      Video: await evidenceFileInfo(services.blobs, services.uploads, last, "video"),
    };
  },
});
