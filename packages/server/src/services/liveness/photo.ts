import { EkycError, errorCatalogue, isEkycError, type PureApiResultCode } from "@openekyc/core";
import { type DecodedImage, decodeImage, type FaceEngineApi } from "@openekyc/engine";
import { referencePhotoIssues } from "../reference-photo.ts";
import { ResultFailure } from "./outcome.ts";

/** Decodes the reference photo and checks it holds one usable face; ends with a LifePhoto* result otherwise. */
export async function loadReferencePhoto(
  engine: FaceEngineApi,
  bytes: Uint8Array,
  field: string,
): Promise<DecodedImage> {
  let image: DecodedImage;
  try {
    image = await decodeImage(bytes);
  } catch (error) {
    if (!isEkycError(error)) throw error;
    if (error.code === "IMAGE_SIZE_TOO_LARGE" || error.tencentCode === "FailedOperation.LifePhotoSizeError") {
      throw new ResultFailure("FailedOperation.LifePhotoSizeError", `${field}: ${error.message}`);
    }
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} must be a JPG or PNG image: ${error.message}`);
  }
  const verdict = await engine.assessQuality(image, { mode: "photo", failOnMultipleFaces: true });
  for (const issue of verdict.issues) {
    const code = referencePhotoIssues[issue.kind];
    // Same gates as at token time; here the verdict is a Result of the action, not an API error.
    if (code)
      throw new ResultFailure(
        errorCatalogue[code].tencent as PureApiResultCode,
        `${field}: ${issue.message}`,
      );
  }
  return image;
}
