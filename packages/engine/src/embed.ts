import type * as tf from "@tensorflow/tfjs-core";
import { mirror, squareCrop, warpChip } from "./image-ops.ts";
import type { ModelStack } from "./runtime/models.ts";
import { fitSimilarity } from "./similarity-fit.ts";
import type { Box, Point, RgbImage } from "./types.ts";

/** Bumped whenever detection, alignment or description changes (evaluation caches are keyed by it). */
export const embeddingPipelineVersion = "e5-mirror-fr-v1";

/** face-api's recogniser (dlib ResNet) was trained on 150 px chips aligned this way. */
const chipSize = 150;
const chipPadding = 0.25;
/** dlib's mean-face positions of the 5-point model (eye corners right-outer, right-inner, left-outer,
 * left-inner as seen in the image, then the nose base), in a unit face box. */
const dlibTemplate: readonly Point[] = [
  { x: 0.8595674595992, y: 0.2134981538014 },
  { x: 0.6460604764104, y: 0.2289674387677 },
  { x: 0.1205750620789, y: 0.2137274526848 },
  { x: 0.3340850613712, y: 0.2290642403242 },
  { x: 0.4901123135679, y: 0.6277975316475 },
].map((p) => ({
  x: ((chipPadding + p.x) / (2 * chipPadding + 1)) * chipSize,
  y: ((chipPadding + p.y) / (2 * chipPadding + 1)) * chipSize,
}));
/** The 68-point indices matching the template, in the same order. */
const dlibFivePointIndices = [45, 42, 36, 39, 33] as const;

/** Landmark crop: the detector box grown by this fraction, resampled to the landmark net's 112 px. */
const landmarkMargin = 0.2;
const landmarkInput = 112;

function toTensor(models: ModelStack, image: RgbImage): tf.Tensor3D {
  return models.human.tf.tensor3d(
    image.data,
    [image.height, image.width, 3],
    "int32",
  ) as unknown as tf.Tensor3D;
}

/** face-api's 68 landmarks on a crop around the detector box, returned in image coordinates. */
export async function landmarks68(models: ModelStack, image: RgbImage, box: Box): Promise<Point[]> {
  const { chip, map } = squareCrop(image, box, landmarkMargin, landmarkInput);
  const input = toTensor(models, chip);
  try {
    const result = await models.faceapi.nets.faceLandmark68Net.detectLandmarks(input as never);
    const marks = Array.isArray(result) ? result[0]! : result;
    return marks.positions.map((p) => ({ x: map.a * p.x + map.tx, y: map.a * p.y + map.ty }));
  } finally {
    input.dispose();
  }
}

/** The 150 px chip aligned onto dlib's template by a 5-point similarity transform. */
export function alignedChip(image: RgbImage, marks: readonly Point[]): RgbImage {
  const target = dlibFivePointIndices.map((i) => marks[i]!);
  return warpChip(image, fitSimilarity(dlibTemplate, target), chipSize);
}

/** The 128-d descriptors of an aligned chip and of its mirror image (one batch of two). */
export async function describeChip(
  models: ModelStack,
  chip: RgbImage,
): Promise<{ plain: number[]; mirrored: number[] }> {
  const inputs = [chip, mirror(chip)].map((c) => toTensor(models, c));
  try {
    const result = await models.faceapi.nets.faceRecognitionNet.computeFaceDescriptor(inputs as never);
    const [plain, mirrored] = Array.isArray(result) ? result : [result, result];
    return { plain: Array.from(plain!), mirrored: Array.from(mirrored!) };
  } finally {
    for (const input of inputs) input.dispose();
  }
}

/**
 * The matching descriptor: optionally averaged with the mirror view (a test-time augmentation that cancels some
 * pose and lighting asymmetry), optionally scaled to unit length. The calibration says which (both, today).
 */
export function finalDescriptor(
  views: { plain: readonly number[]; mirrored: readonly number[] },
  options: { mirror: boolean; normalize: boolean },
): number[] {
  const vector = options.mirror ? views.plain.map((v, i) => (v + views.mirrored[i]!) / 2) : [...views.plain];
  if (!options.normalize) return vector;
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}
