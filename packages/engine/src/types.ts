/**
 * Public data shapes of the biometric engine. Everything here is plain data (structured-clone safe), so the same
 * values travel between the in-process `FaceEngine` and the worker-thread `FaceEnginePool`.
 * Coordinates are pixels of the image that was passed in; angles are degrees.
 */

/** Tightly packed 8-bit RGB, row-major (HWC). Video frames (e.g. ffmpeg `rgb24`) can be passed as is. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes. */
  readonly data: Uint8Array;
}

/** An uploaded image after EXIF rotation, alpha removal, grey → RGB expansion and optional downscale. */
export interface DecodedImage extends RgbImage {
  readonly format: "jpeg" | "png" | "webp";
  /** Size of the upload after EXIF rotation, before any downscale (used by the resolution gates). */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

export interface DecodeLimits {
  /** Largest encoded upload accepted, bytes. */
  readonly maxBytes: number;
  /** Largest width * height accepted before decoding pixels (decompression-bomb guard). */
  readonly maxPixels: number;
  /** Largest side accepted, px. */
  readonly maxSide: number;
  /** Smallest side accepted, px. */
  readonly minSide: number;
  /** Decoded pixels are downscaled so the longer side is at most this (inference gains nothing above it). */
  readonly maxInferenceSide: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Five landmarks in image coordinates; left/right are as seen in the image (not the subject's). */
export interface FiveLandmarks {
  readonly leftEye: Point;
  readonly rightEye: Point;
  readonly nose: Point;
  readonly mouthLeft: Point;
  readonly mouthRight: Point;
}

export interface HeadPose {
  /** Turn left/right; 0 = facing the camera. */
  readonly yaw: number;
  /** Nod up/down; 0 = level. */
  readonly pitch: number;
  /** In-plane tilt; 0 = upright. */
  readonly roll: number;
}

export interface FaceObservation {
  readonly box: Box;
  /** Detector confidence 0-1. */
  readonly score: number;
  readonly landmarks: FiveLandmarks;
  /** Face mesh points [x, y, z] (468, or 478 with iris); empty when the mesh was not run. */
  readonly mesh: ReadonlyArray<readonly [number, number, number]>;
  readonly pose: HeadPose;
  /** Eye aspect ratio from the mesh (≈0.25-0.35 open, < 0.15 closed), per image side. */
  readonly eyeOpenness: { readonly left: number; readonly right: number };
  /** Inner-lip gap over mouth width (≈0 closed, > 0.3 wide open). */
  readonly mouthOpenness: number;
  /** Variance of the Laplacian of the grey face crop at 112 px (higher = sharper). */
  readonly sharpness: number;
  /** Mean luma 0-255 inside the face box. */
  readonly brightness: number;
  /** Human's mesh confidence 0-1 (low when the face is occluded or not a face). */
  readonly meshScore: number;
}

export interface DetectOptions {
  /** Most faces returned, largest first (default 5). */
  readonly maxFaces?: number;
  /** Retry with grey padding when nothing is found (default true for photos; video callers may turn it off). */
  readonly retryWithPadding?: boolean;
}

/** Every quality problem the engine recognises, with the code spellings of each wire API. */
export type QualityIssueKind =
  | "NO_FACE"
  | "MULTIPLE_FACES"
  | "IMAGE_SIZE"
  | "FACE_TOO_SMALL"
  | "LOW_RESOLUTION"
  | "TOO_DARK"
  | "TOO_BRIGHT"
  | "TOO_CLOSE"
  | "TOO_FAR"
  | "OFF_LEFT"
  | "OFF_RIGHT"
  | "EYE_OCCLUSION"
  | "MOUTH_OCCLUSION"
  | "OCCLUDED"
  | "SIDE_FACE"
  | "UPDOWN_FACE"
  | "BLURRED";

export interface QualityIssue {
  readonly kind: QualityIssueKind;
  readonly message: string;
  /** Tencent web / App-SDK numeric `ErrorCode` (e.g. 2013). */
  readonly tencentCode: number;
  /** Tencent pure-API `Result` string, where the seeds give one. */
  readonly tencentResult?: string;
  /** FaceID Lite `liveness_result.details` counter name (e.g. FACE_NOT_FOUND), where one exists. */
  readonly liteDetail?: string;
  /** The measured value that failed and the limit it was held against. */
  readonly measured?: number;
  readonly limit?: number;
}

export interface QualityOptions {
  /** "photo": an uploaded reference or ID photo; "selfie": a framed camera capture (adds framing gates). */
  readonly mode?: "photo" | "selfie";
  /** Fail when several faces are present (default true; FaceID Lite `fail_when_multiple_faces`). */
  readonly failOnMultipleFaces?: boolean;
}

export interface QualityVerdict {
  readonly ok: boolean;
  readonly faceCount: number;
  /** The face the verdict is about (the largest), when there is one. */
  readonly face?: FaceObservation;
  /** All problems found, most severe first; `issues[0]` is the one to report. */
  readonly issues: readonly QualityIssue[];
  /** FaceID Lite `multifaces_tag`: "1" when several faces were found. */
  readonly multifacesTag: "0" | "1";
}

/** One face's identity template. */
export interface FaceEmbedding {
  /** face-api 128-d descriptor of the aligned face, averaged with its mirror. */
  readonly descriptor: readonly number[];
  /** Human faceres 1024-d vector, present when score fusion is enabled. */
  readonly faceres?: readonly number[];
  readonly face: FaceObservation;
  readonly faceCount: number;
  /** The plain and mirrored descriptors behind `descriptor` (only with `EmbedOptions.keepViews`). */
  readonly views?: { readonly plain: readonly number[]; readonly mirrored: readonly number[] };
}

export interface EmbedOptions {
  /** Also compute Human's faceres vector (default: when the calibration fuses it). */
  readonly faceres?: boolean;
  /** Keep the plain and mirrored descriptors (evaluation). */
  readonly keepViews?: boolean;
}

/** FaceID Lite `thresholds`: confidence needed at each false-accept rate. */
export interface FarThresholds {
  readonly "1e-3": number;
  readonly "1e-4": number;
  readonly "1e-5": number;
  readonly "1e-6": number;
}

export type CompareErrorCode = "NO_FACE_FOUND";

export interface CompareResult {
  /** Tencent `Sim`/`Similarity` 0-100: 70 ↔ FAR 1e-3, 80 ↔ FAR 1e-4. 0 when a face is missing. */
  readonly similarity: number;
  /** FaceID Lite `confidence` 0-100, read against `thresholds`. */
  readonly confidence: number;
  readonly thresholds: FarThresholds;
  /** Raw fused distance (lower = more alike); null when a face is missing. */
  readonly distance: number | null;
  /** Estimated false-accept rate at this score (from the calibration). */
  readonly far: number | null;
  readonly facesA: number;
  readonly facesB: number;
  /** Set when a face is missing from either image; `missing` says which. */
  readonly error?: CompareErrorCode;
  readonly missing?: "a" | "b" | "both";
}

/** FaceID Lite `face_genuineness`: a confidence above its threshold flags that attack type. Weak signal only. */
export interface FaceGenuineness {
  readonly synthetic_face_confidence: number;
  readonly synthetic_face_threshold: number;
  readonly mask_confidence: number;
  readonly mask_threshold: number;
  readonly screen_replay_confidence: number;
  readonly screen_replay_threshold: number;
}

export interface AntiSpoofResult {
  readonly faceCount: number;
  /** Null when no face was found. */
  readonly genuineness: FaceGenuineness | null;
  /** Raw model outputs behind the mapping: Human antispoof "real" and liveness "live" (0-1). */
  readonly raw: { readonly antispoofReal: number; readonly liveness: number } | null;
}

/** What both the in-process engine and the worker pool offer. Inputs are decoded RGB images. */
export interface FaceEngineApi {
  detect(image: RgbImage, options?: DetectOptions): Promise<FaceObservation[]>;
  assessQuality(image: RgbImage | DecodedImage, options?: QualityOptions): Promise<QualityVerdict>;
  /** Null when no face is found. Uses the largest face. */
  embed(image: RgbImage, options?: EmbedOptions): Promise<FaceEmbedding | null>;
  compare(a: RgbImage, b: RgbImage): Promise<CompareResult>;
  antiSpoof(image: RgbImage): Promise<AntiSpoofResult>;
  close(): Promise<void>;
}
