import { EkycError, type ErrorCode } from "@openekyc/core";
import { decodeImage, type FaceEngineApi, type QualityIssueKind } from "@openekyc/engine";
import type { CheckedImage } from "./images.ts";

/**
 * The gates a reference photo must pass to be compared with: exactly one face, big and sharp enough. Lighting,
 * framing and pose gates are for live captures, not for an uploaded photo, so they are not applied.
 */
export const referencePhotoIssues: Partial<Record<QualityIssueKind, ErrorCode>> = {
  NO_FACE: "REFERENCE_NO_FACE",
  MULTIPLE_FACES: "REFERENCE_MULTIPLE_FACES",
  IMAGE_SIZE: "REFERENCE_SIZE_ERROR",
  FACE_TOO_SMALL: "REFERENCE_SIZE_ERROR",
  LOW_RESOLUTION: "REFERENCE_POOR_QUALITY",
};

/** Refuses a reference photo without exactly one usable face when a token is requested. */
export class ReferencePhotoCheck {
  constructor(private readonly engine: () => Promise<FaceEngineApi>) {}

  async check(image: CheckedImage, field: string): Promise<void> {
    const decoded = await decodeImage(image.data);
    const verdict = await (await this.engine()).assessQuality(decoded, {
      mode: "photo",
      failOnMultipleFaces: true,
    });
    for (const issue of verdict.issues) {
      const code = referencePhotoIssues[issue.kind];
      if (code) throw new EkycError(code, `${field}: ${issue.message}`);
    }
  }
}
