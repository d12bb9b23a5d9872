import type { MessageKey } from "./i18n.ts";

/** The three camera problems of the seed, each with its own message. */
export type CameraProblem = "cameraBusy" | "cameraDenied" | "cameraBroken";

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem & MessageKey) {
    super(problem);
  }
}

export function hasLiveCamera(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === "function";
}

/** Front camera, modest resolution: enough for the face, light on the upload. */
export async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } },
    });
  } catch (error) {
    throw new CameraError(classify(error));
  }
}

function classify(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "cameraBusy";
  if (name === "NotAllowedError" || name === "PermissionDeniedError" || name === "SecurityError")
    return "cameraDenied";
  return "cameraBroken";
}

export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
