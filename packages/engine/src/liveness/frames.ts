import type { FaceEngineApi, FaceObservation } from "../types.ts";
import type { VideoFrame } from "../video/decode.ts";
import { ENGINE_CALLS_IN_FLIGHT, mapConcurrent } from "./concurrent.ts";

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

/** Runs detection + mesh on every frame, a few frames in flight so every worker of a pool is busy. */
export async function analyseFrames(
  engine: FaceEngineApi,
  frames: readonly VideoFrame[],
): Promise<FrameFinding[]> {
  return mapConcurrent(frames, ENGINE_CALLS_IN_FLIGHT, async (frame) => {
    const faces = await engine.detect(frame, { maxFaces: 3, retryWithPadding: false });
    const [subject, ...others] = faces;
    const significantOtherFaces = subject
      ? others.filter((face) => face.box.width >= subject.box.width * SECOND_FACE_MIN_RELATIVE_WIDTH).length
      : 0;
    return {
      index: frame.index,
      timestampMs: frame.timestampMs,
      faceCount: faces.length,
      significantOtherFaces,
      subject: subject ? withoutMesh(subject) : null,
    };
  });
}

function withoutMesh(face: FaceObservation): Omit<FaceObservation, "mesh"> {
  const { mesh: _mesh, ...rest } = face;
  return rest;
}
