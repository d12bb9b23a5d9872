import { luma, mean, squareCrop } from "./image-ops.ts";
import { issue } from "./quality-codes.ts";
import type {
  Box,
  DecodedImage,
  FaceObservation,
  Point,
  QualityIssue,
  QualityOptions,
  QualityVerdict,
  RgbImage,
} from "./types.ts";

/** Gate limits. Brightness is mean face luma 0-255; sharpness is the Laplacian variance at 112 px. */
export const qualityLimits = {
  minImageSide: 80,
  /** Face width in source pixels below which the face is unusable (2004) or too coarse (2014). */
  minFaceSide: 40,
  minFaceSideForResolution: 64,
  minBrightness: 50,
  maxBrightness: 215,
  minSharpness: 25,
  maxYaw: 30,
  maxPitch: 25,
  maxRoll: 30,
  /** Std-dev of luma in an eye or mouth patch below this means something flat covers it. */
  minFeatureContrast: 7,
  minMeshScore: 0.5,
  /** A second face counts when it is at least this fraction of the largest face's width. */
  secondFaceRatio: 0.5,
  /** Selfie framing: face width over image width, and face centre x over image width. */
  minFaceFraction: 0.2,
  maxFaceFraction: 0.8,
  minCentreX: 0.3,
  maxCentreX: 0.7,
} as const;

const isDecoded = (image: RgbImage): image is DecodedImage => "sourceWidth" in image;

function patchContrast(image: RgbImage, centre: Point, side: number): number {
  const box: Box = { x: centre.x - side / 2, y: centre.y - side / 2, width: side, height: side };
  const grey = luma(squareCrop(image, box, 0, 24).chip);
  const m = mean(grey);
  let variance = 0;
  for (const v of grey) variance += (v - m) ** 2;
  return Math.sqrt(variance / grey.length);
}

function occlusionIssues(image: RgbImage, face: FaceObservation): QualityIssue[] {
  const limits = qualityLimits;
  const found: QualityIssue[] = [];
  const { leftEye, rightEye, mouthLeft, mouthRight } = face.landmarks;
  const eyeGap = Math.hypot(rightEye.x - leftEye.x, rightEye.y - leftEye.y);
  const eyeContrast = Math.min(
    patchContrast(image, leftEye, eyeGap * 0.4),
    patchContrast(image, rightEye, eyeGap * 0.4),
  );
  if (eyeContrast < limits.minFeatureContrast)
    found.push(issue("EYE_OCCLUSION", eyeContrast, limits.minFeatureContrast));
  const mouth = { x: (mouthLeft.x + mouthRight.x) / 2, y: (mouthLeft.y + mouthRight.y) / 2 };
  const mouthContrast = patchContrast(image, mouth, eyeGap * 0.6);
  if (mouthContrast < limits.minFeatureContrast) {
    found.push(issue("MOUTH_OCCLUSION", mouthContrast, limits.minFeatureContrast));
  }
  if (found.length === 0 && face.meshScore < limits.minMeshScore) {
    found.push(issue("OCCLUDED", face.meshScore, limits.minMeshScore));
  }
  return found;
}

function framingIssues(image: RgbImage, face: FaceObservation): QualityIssue[] {
  const limits = qualityLimits;
  const fraction = face.box.width / image.width;
  const centreX = (face.box.x + face.box.width / 2) / image.width;
  const found: QualityIssue[] = [];
  if (fraction > limits.maxFaceFraction) found.push(issue("TOO_CLOSE", fraction, limits.maxFaceFraction));
  if (fraction < limits.minFaceFraction) found.push(issue("TOO_FAR", fraction, limits.minFaceFraction));
  if (centreX < limits.minCentreX) found.push(issue("OFF_LEFT", centreX, limits.minCentreX));
  if (centreX > limits.maxCentreX) found.push(issue("OFF_RIGHT", centreX, limits.maxCentreX));
  return found;
}

/** Applies every gate to detected faces; `faces` must be largest first (as `detect` returns them). */
export function judgeQuality(
  image: RgbImage,
  faces: readonly FaceObservation[],
  options: QualityOptions = {},
): QualityVerdict {
  const limits = qualityLimits;
  const face = faces[0];
  const significant = face
    ? faces.filter((f) => f.box.width >= face.box.width * limits.secondFaceRatio).length
    : 0;
  const base = { faceCount: faces.length, multifacesTag: significant > 1 ? "1" : "0" } as const;
  const sourceScale = isDecoded(image) ? image.sourceWidth / image.width : 1;
  const sourceSide = isDecoded(image)
    ? Math.min(image.sourceWidth, image.sourceHeight)
    : Math.min(image.width, image.height);
  const issues: QualityIssue[] = [];
  if (sourceSide < limits.minImageSide) issues.push(issue("IMAGE_SIZE", sourceSide, limits.minImageSide));
  if (!face) return { ...base, ok: false, issues: [issue("NO_FACE"), ...issues] };
  if (significant > 1 && options.failOnMultipleFaces !== false)
    issues.push(issue("MULTIPLE_FACES", significant, 1));
  const faceSide = face.box.width * sourceScale;
  if (faceSide < limits.minFaceSide) issues.push(issue("FACE_TOO_SMALL", faceSide, limits.minFaceSide));
  else if (faceSide < limits.minFaceSideForResolution) {
    issues.push(issue("LOW_RESOLUTION", faceSide, limits.minFaceSideForResolution));
  }
  if (face.brightness < limits.minBrightness)
    issues.push(issue("TOO_DARK", face.brightness, limits.minBrightness));
  if (face.brightness > limits.maxBrightness)
    issues.push(issue("TOO_BRIGHT", face.brightness, limits.maxBrightness));
  if (face.sharpness < limits.minSharpness)
    issues.push(issue("BLURRED", face.sharpness, limits.minSharpness));
  issues.push(...occlusionIssues(image, face));
  if (Math.abs(face.pose.yaw) > limits.maxYaw) issues.push(issue("SIDE_FACE", face.pose.yaw, limits.maxYaw));
  else if (Math.abs(face.pose.roll) > limits.maxRoll)
    issues.push(issue("SIDE_FACE", face.pose.roll, limits.maxRoll));
  if (Math.abs(face.pose.pitch) > limits.maxPitch)
    issues.push(issue("UPDOWN_FACE", face.pose.pitch, limits.maxPitch));
  if (options.mode === "selfie") issues.push(...framingIssues(image, face));
  return { ...base, ok: issues.length === 0, face, issues };
}
