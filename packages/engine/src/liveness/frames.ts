import type { FaceEngineApi, FaceObservation } from "../types.ts";
import type { VideoFrame } from "../video/decode.ts";

/** What one analysed frame showed. The subject is the largest face. */
export interface FrameFinding {
  readonly index: number;
  readonly timestampMs: number;
  readonly faceCount: number;
  /** Faces other than the subject that are big enough to be a second person in front of the camera. */
  readonly significantOtherFaces: number;
  /** The subject without its mesh (468 points per frame are not needed after the measures are taken). */
  readonly subject: Omit<FaceObservation, "mesh"> | null;
}

/** A second face counts when its box is at least this share of the subject's width (not a poster far behind). */
const SECOND_FACE_MIN_RELATIVE_WIDTH = 0.4;

/** Runs detection + mesh on every frame, in order, one at a time (the engine pool parallelises internally). */
export async function analyseFrames(
  engine: FaceEngineApi,
  frames: readonly VideoFrame[],
): Promise<FrameFinding[]> {
  const findings: FrameFinding[] = [];
  for (const frame of frames) {
    const faces = await engine.detect(frame, { maxFaces: 3, retryWithPadding: false });
    const [subject, ...others] = faces;
    const significantOtherFaces = subject
      ? others.filter((face) => face.box.width >= subject.box.width * SECOND_FACE_MIN_RELATIVE_WIDTH).length
      : 0;
    findings.push({
      index: frame.index,
      timestampMs: frame.timestampMs,
      faceCount: faces.length,
      significantOtherFaces,
      subject: subject ? withoutMesh(subject) : null,
    });
  }
  return findings;
}

function withoutMesh(face: FaceObservation): Omit<FaceObservation, "mesh"> {
  const { mesh: _mesh, ...rest } = face;
  return rest;
}
