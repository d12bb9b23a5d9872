import { createHash } from "node:crypto";
import { EkycError, isTerminal, webResultMessage } from "@openekyc/core";
import { z } from "zod";
import { checkImage } from "../../services/images.ts";
import { checkRedirectUrl } from "../../services/redirects.ts";
import { tokenField } from "./fields.ts";
import { evidenceFileInfo, verificationDetail } from "./results.ts";
import { defineAction } from "./types.ts";

/** Legacy web flow (reference §5.14): the reference photo arrives as a CreateUploadUrl ResourceUrl + MD5. */
export const applyWebVerificationToken = defineAction({
  name: "ApplyWebVerificationToken",
  schema: z.strictObject({
    RedirectUrl: z.string().min(1),
    CompareImageUrl: z.string().min(1).max(4096),
    CompareImageMd5: z.string().regex(/^[0-9a-fA-F]{32}$/, "CompareImageMd5 must be 32 hex characters"),
  }),
  async handle(params, { app, services }) {
    const redirectUrl = checkRedirectUrl(app, params.RedirectUrl, "RedirectUrl");
    const blob = await services.uploads.resolveResourceUrl(
      params.CompareImageUrl,
      app.appId,
      "CompareImageUrl",
    );
    const md5 = createHash("md5").update(blob.data).digest("hex");
    if (md5 !== params.CompareImageMd5.toLowerCase()) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "CompareImageMd5 does not match the uploaded file.");
    }
    const image = await checkImage(blob.data, "CompareImageUrl");
    await services.referencePhotos.check(image, "CompareImageUrl");
    const session = await services.sessions.create({
      kind: "web-legacy",
      appId: app.appId,
      config: { CheckMode: 2, SecurityLevel: 3, compareWithReference: true },
      redirectUrl,
      extra: null,
      retryLimit: 3,
      reference: image,
    });
    const url = `${services.publicUrl}/verify?token=${encodeURIComponent(session.token)}`;
    return { VerificationUrl: url, BizToken: session.token };
  },
});

export const getWebVerificationResult = defineAction({
  name: "GetWebVerificationResult",
  schema: z.strictObject({ BizToken: tokenField }),
  async handle(params, { app, services }) {
    const session = await services.sessions.getForApp(params.BizToken, app.appId);
    const attempts = await services.sessions.attempts(session);
    const finished = isTerminal(session.status);
    const last = finished ? attempts.at(-1) : undefined;
    const frame = await evidenceFileInfo(services.blobs, services.uploads, last, "bestFrame");
    const video = await evidenceFileInfo(services.blobs, services.uploads, last, "video");
    return {
      // The legacy action's ErrorCode is an int: 17 is the seeds' "process wasn't finished".
      ErrorCode: finished ? session.resultCode : 17,
      ErrorMsg: finished ? session.resultMessage : webResultMessage(17),
      VideoBestFrameUrl: frame?.Url ?? null,
      VideoBestFrameMd5: frame?.MD5 ?? null,
      VerificationDetailList: attempts.map(verificationDetail),
      VideoUrl: video?.Url ?? null,
      VideoMd5: video?.MD5 ?? null,
    };
  },
});
