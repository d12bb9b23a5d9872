import type { MessageKey } from "./i18n.ts";

interface DetectedFace {
  readonly boundingBox: DOMRectReadOnly;
}
type FaceDetectorCtor = new (options?: {
  maxDetectedFaces?: number;
  fastMode?: boolean;
}) => {
  detect(source: CanvasImageSource): Promise<DetectedFace[]>;
};

/**
 * Live framing hints. Light comes from the pixels; position, size and face count from the browser's
 * FaceDetector when it has one (no model download). The server re-checks everything: these only guide.
 */
export function createFramingCheck(video: HTMLVideoElement) {
  const canvas = document.createElement("canvas");
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  const Detector = (globalThis as { FaceDetector?: FaceDetectorCtor }).FaceDetector;
  const detector = Detector ? new Detector({ maxDetectedFaces: 3, fastMode: true }) : null;
  return async (): Promise<MessageKey | null> => {
    if (!video.videoWidth) return "framing";
    context.drawImage(video, 0, 0, 64, 48);
    const { data } = context.getImageData(16, 8, 32, 32);
    let luma = 0;
    for (let i = 0; i < data.length; i += 4)
      luma += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    luma /= data.length / 4;
    if (luma < 45) return "tooDark";
    if (luma > 225) return "tooBright";
    if (!detector) return null;
    const faces = await detector.detect(video).catch(() => null);
    if (!faces) return null;
    if (faces.length === 0) return "noFace";
    if (faces.length > 1) return "severalFaces";
    const box = faces[0]!.boundingBox;
    const share = box.width / video.videoWidth;
    if (share < 0.25) return "tooFar";
    if (share > 0.75) return "tooClose";
    const cx = (box.x + box.width / 2) / video.videoWidth;
    const cy = (box.y + box.height / 2) / video.videoHeight;
    if (Math.abs(cx - 0.5) > 0.15 || Math.abs(cy - 0.5) > 0.2) return "notCentred";
    return null;
  };
}
