import { genuinenessOf } from "./antispoof.ts";
import { defaultCalibration } from "./calibration/load.ts";
import type { FaceCalibration } from "./calibration/scores.ts";
import { compareEmbeddings } from "./compare.ts";
import { detectFaces } from "./detect.ts";
import { alignedChip, describeChip, finalDescriptor, landmarks68 } from "./embed.ts";
import { judgeQuality } from "./quality.ts";
import { loadModels, type ModelStack } from "./runtime/models.ts";
import type {
  AntiSpoofResult,
  CompareResult,
  DetectOptions,
  EmbedOptions,
  FaceEmbedding,
  FaceEngineApi,
  FaceObservation,
  QualityOptions,
  QualityVerdict,
  RgbImage,
} from "./types.ts";

export interface FaceEngineOptions {
  /** Defaults to the committed calibration. */
  readonly calibration?: FaceCalibration;
}

/**
 * The biometric engine on the calling thread. Models load once per thread; every call is independent (no caching
 * between inputs). tfjs-wasm is single-threaded, so use `FaceEnginePool` to keep a server responsive.
 */
export class FaceEngine implements FaceEngineApi {
  private constructor(
    private readonly models: ModelStack,
    private readonly givenCalibration: FaceCalibration | undefined,
  ) {}

  static async load(options: FaceEngineOptions = {}): Promise<FaceEngine> {
    return new FaceEngine(await loadModels(), options.calibration);
  }

  /** Read on first use, so the calibration script can embed before a calibration exists. */
  get calibration(): FaceCalibration {
    return this.givenCalibration ?? defaultCalibration();
  }

  /** Detector + mesh only: cheap enough for every video frame. */
  async detect(image: RgbImage, options: DetectOptions = {}): Promise<FaceObservation[]> {
    const faces = await detectFaces(this.models, image, options);
    return faces.map((face) => face.observation);
  }

  async assessQuality(image: RgbImage, options: QualityOptions = {}): Promise<QualityVerdict> {
    return judgeQuality(image, await this.detect(image), options);
  }

  async embed(image: RgbImage, options: EmbedOptions = {}): Promise<FaceEmbedding | null> {
    const faceres = options.faceres ?? this.calibration.metric.faceresWeight > 0;
    const faces = await detectFaces(this.models, image, { faceres });
    const face = faces[0];
    if (!face) return null;
    const marks = await landmarks68(this.models, image, face.observation.box);
    const views = await describeChip(this.models, alignedChip(image, marks));
    return {
      descriptor: finalDescriptor(views, this.descriptorOptions(options)),
      ...(options.keepViews ? { views } : {}),
      ...(face.faceres ? { faceres: face.faceres } : {}),
      face: face.observation,
      faceCount: faces.length,
    };
  }

  private descriptorOptions(options: EmbedOptions): { mirror: boolean; normalize: boolean } {
    // The evaluation pass (keepViews) must not depend on a calibration that may not exist yet.
    if (options.keepViews) return { mirror: true, normalize: false };
    return { mirror: this.calibration.metric.mirror, normalize: this.calibration.metric.normalize };
  }

  async compare(a: RgbImage, b: RgbImage): Promise<CompareResult> {
    const embeddingA = await this.embed(a);
    const embeddingB = await this.embed(b);
    return compareEmbeddings(this.calibration, embeddingA, embeddingB);
  }

  async antiSpoof(image: RgbImage): Promise<AntiSpoofResult> {
    return genuinenessOf(image, await detectFaces(this.models, image, { antispoof: true }));
  }

  async close(): Promise<void> {
    // Models belong to the thread and live until it exits; nothing to release per engine.
  }
}
