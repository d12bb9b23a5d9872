import type { Config, FaceResult } from "@vladmandic/human";
import { laplacianVariance, luma, mean, padImage, squareCrop } from "./image-ops.ts";
import { meshEyeOpenness, meshLandmarks, meshMouthOpenness } from "./mesh-measures.ts";
import type { ModelStack } from "./runtime/models.ts";
import type { Box, DetectOptions, FaceObservation, RgbImage } from "./types.ts";

/** A detected face plus the optional model outputs the same Human pass produced. */
export interface HumanFace {
  readonly observation: FaceObservation;
  readonly real?: number;
  readonly live?: number;
  readonly faceres?: readonly number[];
}

export interface HumanParts {
  readonly faceres?: boolean;
  readonly antispoof?: boolean;
}

/** Border sizes (fraction of the longer side) tried when a tightly cropped face is not found. */
const paddingRetries = [0.25, 0.75, 1.5];

const degrees = (radians: number): number => (radians * 180) / Math.PI;

function faceStats(image: RgbImage, box: Box): { sharpness: number; brightness: number } {
  const { chip } = squareCrop(image, box, 0, 112);
  const grey = luma(chip);
  return { sharpness: laplacianVariance(grey, 112, 112), brightness: mean(grey) };
}

function toObservation(image: RgbImage, face: FaceResult, shift: number): FaceObservation {
  const mesh = face.mesh.map((p) => [p[0] - shift, p[1] - shift, p[2] ?? 0] as const);
  const box = { x: face.box[0] - shift, y: face.box[1] - shift, width: face.box[2], height: face.box[3] };
  const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  return {
    box,
    score: face.boxScore,
    meshScore: face.faceScore,
    landmarks: meshLandmarks(mesh),
    mesh,
    pose: { yaw: degrees(angle.yaw), pitch: degrees(angle.pitch), roll: degrees(angle.roll) },
    eyeOpenness: meshEyeOpenness(mesh),
    mouthOpenness: meshMouthOpenness(mesh),
    ...faceStats(image, box),
  };
}

async function runHuman(
  models: ModelStack,
  image: RgbImage,
  parts: HumanParts,
  maxFaces: number,
): Promise<FaceResult[]> {
  const { human } = models;
  const input = human.tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
  try {
    const config = {
      face: {
        detector: { maxDetected: maxFaces },
        description: { enabled: parts.faceres === true },
        antispoof: { enabled: parts.antispoof === true },
        liveness: { enabled: parts.antispoof === true },
      },
    } as Partial<Config>;
    const result = await human.detect(input as never, config);
    if ("error" in result && result.error) throw new Error(`face detection failed: ${result.error}`);
    return result.face.filter((face) => face.mesh.length > 0);
  } finally {
    input.dispose();
  }
}

/** Detects faces, largest first; retries with a grey border when none is found in a tight crop. */
export async function detectFaces(
  models: ModelStack,
  image: RgbImage,
  options: DetectOptions & HumanParts = {},
): Promise<HumanFace[]> {
  const maxFaces = options.maxFaces ?? 5;
  let faces = await runHuman(models, image, options, maxFaces);
  let shift = 0;
  if (faces.length === 0 && options.retryWithPadding !== false) {
    for (const fraction of paddingRetries) {
      shift = Math.round(Math.max(image.width, image.height) * fraction);
      faces = await runHuman(models, padImage(image, shift), options, maxFaces);
      if (faces.length > 0) break;
    }
  }
  return faces
    .map((face) => ({
      observation: toObservation(image, face, shift),
      ...(face.real !== undefined ? { real: face.real } : {}),
      ...(face.live !== undefined ? { live: face.live } : {}),
      ...(face.embedding?.length ? { faceres: face.embedding } : {}),
    }))
    .sort(
      (p, q) =>
        q.observation.box.width * q.observation.box.height -
        p.observation.box.width * p.observation.box.height,
    );
}
