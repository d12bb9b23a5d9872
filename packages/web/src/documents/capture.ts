import type { OcrMode } from "@openekyc/sdk/browser";
import { announce, h, show } from "../page/dom.ts";
import { t } from "./messages.ts";
import { canvasJpeg, preparePhoto } from "./photo.ts";
import { SteadinessJudge, toGrey } from "./steadiness.ts";

export interface CaptureOptions {
  readonly side: "front" | "back";
  readonly ocrMode: OcrMode;
  /** auto+manual: the manual button appears after this long without an automatic shot. */
  readonly ocrAutoTimeoutMs: number;
  /** A message from the previous try (e.g. "could not read"), shown above the viewfinder. */
  readonly hint?: string;
  /** The SDK's hideAlbum: no album upload while the camera works (without a camera it is the only way). */
  readonly hideAlbum?: boolean;
}

export interface CapturedPhoto {
  readonly photo: Blob;
  readonly how: "auto" | "manual" | "album";
}

const sampleWidth = 128;
const sampleHeight = 80;
const sampleEveryMs = 150;

/** The phone's back camera, or null when there is none or it was refused (the album still works). */
async function openCamera(): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getUserMedia) return null;
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 } },
    });
  } catch {
    return null;
  }
}

function grabFrame(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")?.drawImage(video, 0, 0);
  return canvas;
}

/**
 * One side of the document: camera with automatic capture when the card is steady and sharp, a manual
 * shutter (per the OCR mode), and upload from the album. Resolves with the photo to send.
 */
export async function capturePhoto(options: CaptureOptions): Promise<CapturedPhoto> {
  const stream = await openCamera();
  return new Promise<CapturedPhoto>((resolve) => {
    let finished = false;
    let timer = 0;
    const done = (photo: CapturedPhoto) => {
      if (finished) return;
      finished = true;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      resolve(photo);
    };
    const input = h("input", {
      type: "file",
      accept: "image/*",
      class: "sr-only",
      "data-role": "album",
    }) as HTMLInputElement;
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (file) done({ photo: await preparePhoto(file), how: "album" });
    });
    const album = h("label", { class: "button secondary" }, t("uploadPhoto"), input);
    const status = h("p", { class: "muted" }, stream ? t("alignCard") : t("cameraUnavailable"));
    const heading = h("h1", {}, options.side === "front" ? t("captureFront") : t("captureBack"));
    const hint = options.hint ? h("p", { class: "error", role: "alert" }, options.hint) : null;
    if (!stream) {
      show("document-capture", heading, hint, status, album);
      return;
    }
    const video = h("video", { autoplay: true, muted: true, playsinline: true }) as HTMLVideoElement;
    video.srcObject = stream;
    const guide = h("div", { class: "guide" });
    const shutter = h(
      "button",
      { type: "button", "data-role": "shutter" },
      t("takePhoto"),
    ) as HTMLButtonElement;
    shutter.addEventListener("click", async () =>
      done({ photo: await canvasJpeg(grabFrame(video)), how: "manual" }),
    );
    shutter.hidden = options.ocrMode === "auto" || options.ocrMode === "auto+manual";
    show(
      "document-capture",
      heading,
      hint,
      h("div", { class: "viewfinder" }, video, guide),
      status,
      shutter,
      options.hideAlbum ? null : album,
    );
    if (options.ocrMode === "manual") return;
    if (options.ocrMode === "auto+manual") {
      window.setTimeout(() => {
        shutter.hidden = false;
      }, options.ocrAutoTimeoutMs);
    }
    const judge = new SteadinessJudge();
    const sample = document.createElement("canvas");
    sample.width = sampleWidth;
    sample.height = sampleHeight;
    const context = sample.getContext("2d", { willReadFrequently: true });
    timer = window.setInterval(async () => {
      if (!context || video.readyState < 2 || finished) return;
      // The middle of the picture, where the guide frame is: that is where the card should be still and sharp.
      const sw = video.videoWidth * 0.86;
      const sh = sw / 1.6;
      context.drawImage(
        video,
        (video.videoWidth - sw) / 2,
        (video.videoHeight - sh) / 2,
        sw,
        sh,
        0,
        0,
        sampleWidth,
        sampleHeight,
      );
      const verdict = judge.push(
        toGrey(context.getImageData(0, 0, sampleWidth, sampleHeight).data),
        sampleWidth,
        sampleHeight,
      );
      guide.classList.toggle("steady", verdict === "steady");
      const text =
        verdict === "steady" ? t("holdSteady") : verdict === "blurry" ? t("tooBlurry") : t("alignCard");
      status.textContent = text;
      announce(text);
      if (verdict === "steady") done({ photo: await canvasJpeg(grabFrame(video)), how: "auto" });
    }, sampleEveryMs);
  });
}
