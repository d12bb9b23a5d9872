import { EkycError, isEkycError, type PureApiResultCode } from "@openekyc/core";
import { type DecodedImage, decodeImage, type FaceEngineApi, type QualityIssueKind } from "@openekyc/engine";
import { ResultFailure } from "./outcome.ts";

/**
 * Reference-photo gates that matter for a comparison: exactly one face, big and sharp enough. Lighting,
 * framing and pose gates are for live captures, not for an uploaded photo, so they are not applied here.
 */
const photoResults: Partial<Record<QualityIssueKind, PureApiResultCode>> = {
  NO_FACE: "FailedOperation.LifePhotoDetectNoFaces",
  MULTIPLE_FACES: "FailedOperation.LifePhotoDetectFaces",
  IMAGE_SIZE: "FailedOperation.LifePhotoSizeError",
  FACE_TOO_SMALL: "FailedOperation.LifePhotoSizeError",
  LOW_RESOLUTION: "FailedOperation.LifePhotoPoorQuality",
};

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
    const result = photoResults[issue.kind];
    if (result) throw new ResultFailure(result, `${field}: ${issue.message}`);
  }
  return image;
}
