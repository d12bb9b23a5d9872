import {
  applyLivenessToken,
  applySdkVerificationToken,
  getFaceIdResultIntl,
  getFaceIdTokenIntl,
  getLivenessResult,
  getSdkVerificationResult,
} from "./sdk.ts";
import type { ActionDefinition } from "./types.ts";
import { createUploadUrl } from "./upload.ts";
import { applyWebVerificationBizTokenIntl, getWebVerificationResultIntl } from "./web-intl.ts";
import { applyWebVerificationToken, getWebVerificationResult } from "./web-legacy.ts";

/** The dispatch table: Tencent action name → definition. */
export const actions: ReadonlyMap<string, ActionDefinition> = new Map(
  [
    applyWebVerificationBizTokenIntl,
    getWebVerificationResultIntl,
    applyWebVerificationToken,
    getWebVerificationResult,
    createUploadUrl,
    getFaceIdTokenIntl,
    getFaceIdResultIntl,
    applySdkVerificationToken,
    getSdkVerificationResult,
    applyLivenessToken,
    getLivenessResult,
  ].map((action) => [action.name, action as ActionDefinition]),
);

export type { ActionContext, ActionDefinition, ActionServices } from "./types.ts";
