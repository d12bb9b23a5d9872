import type { WireSequence } from "./api.ts";

interface GrabbedFrame {
  readonly t: number;
  readonly jpeg: Promise<Blob | null>;
}

interface FrameMetadata {
  readonly captureTime?: number;
}
type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: FrameMetadata) => void) => number;
};

const FRAME_INTERVAL_MS = 66; // ~15 fps: enough samples per colour (≥ 340 ms), small upload
const CAPTURE_WIDTH = 320;
const PRE_ROLL_MS = 450;
const POST_ROLL_MS = 450;

/** Grabs JPEG frames from the live video with capture timestamps (the sensor's when the browser tells it). */
interface Grabber {
  readonly frames: GrabbedFrame[];
  /** Resolves once the first frame is taken: prompts shown before it would lie outside the capture. */
  readonly firstFrame: Promise<void>;
  readonly stop: () => void;
}

function startGrabbing(video: FrameCallbackVideo): Grabber {
  const frames: GrabbedFrame[] = [];
  let tookFirst: () => void = () => undefined;
  const firstFrame = new Promise<void>((resolve) => (tookFirst = resolve));
  const canvas = document.createElement("canvas");
  const scale = CAPTURE_WIDTH / (video.videoWidth || CAPTURE_WIDTH);
  canvas.width = CAPTURE_WIDTH;
  canvas.height = Math.round((video.videoHeight || 240) * scale);
  const context = canvas.getContext("2d", { willReadFrequently: false })!;
  let running = true;
  let last = Number.NEGATIVE_INFINITY;
  const grab = (t: number) => {
    if (t - last < FRAME_INTERVAL_MS - 8) return;
    last = t;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    frames.push({ t, jpeg: new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85)) });
    tookFirst();
  };
  if (video.requestVideoFrameCallback) {
    const onFrame = (now: number, meta: FrameMetadata) => {
      if (!running) return;
      grab(meta.captureTime && meta.captureTime > 0 ? meta.captureTime : now);
      video.requestVideoFrameCallback!(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    return { frames, firstFrame, stop: () => (running = false) };
  }
  const timer = setInterval(() => grab(performance.now()), FRAME_INTERVAL_MS);
  return { frames, firstFrame, stop: () => clearInterval(timer) };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One action prompt of the combined mode: which action, and how to show it. */
export interface ActionPrompt {
  readonly action: string;
  readonly show: () => void;
}

/**
 * The colour phase alone (SecurityLevel 3): rest colour, then each colour for its duration (recording when
 * it actually appeared), rest again, while frames are captured. Returns the capture package
 * (docs/capture-package.md).
 */
export async function runReflection(
  video: HTMLVideoElement,
  flash: HTMLElement,
  sequence: WireSequence,
): Promise<Blob> {
  const grabber = startGrabbing(video);
  const timeline = await showColours(flash, sequence);
  return finish(grabber, sequence.SequenceId, timeline);
}

/**
 * SecurityLevel 4/5: the action prompts first, then the colour phase, with one frame grabber running
 * throughout, so both phases are one continuous capture of one face. Actions come first because the colour
 * analysis wants a still face, and the prompts need a screen the user can read.
 */
export async function runActionsThenReflection(
  video: HTMLVideoElement,
  flash: HTMLElement,
  sequence: WireSequence,
  prompts: readonly ActionPrompt[],
  stepMs: number,
  onColours: () => void,
): Promise<Blob> {
  const grabber = startGrabbing(video);
  await grabber.firstFrame;
  const shown: { action: string; t: number }[] = [];
  for (const prompt of prompts) {
    prompt.show();
    shown.push({ action: prompt.action, t: performance.now() });
    await sleep(stepMs);
  }
  const actions = { prompts: shown, endT: performance.now() };
  onColours();
  const timeline = await showColours(flash, sequence);
  return finish(grabber, sequence.SequenceId, timeline, actions);
}

async function finish(
  grabber: Grabber,
  sequenceId: string,
  timeline: { colours: { index: number; t: number }[]; endT: number },
  actions?: { prompts: { action: string; t: number }[]; endT: number },
): Promise<Blob> {
  grabber.stop();
  const jpegs = await Promise.all(grabber.frames.map((f) => f.jpeg));
  const frames = grabber.frames
    .map((f, i) => ({ t: f.t, blob: jpegs[i]! }))
    .filter((f) => f.blob && f.blob.size > 0);
  return encodePackage(sequenceId, frames as { t: number; blob: Blob }[], timeline, actions);
}

/** Rest colour, the sequence, rest again; returns when each colour appeared (the frames' clock). */
async function showColours(
  flash: HTMLElement,
  sequence: WireSequence,
): Promise<{ colours: { index: number; t: number }[]; endT: number }> {
  flash.style.background = sequence.RestRgb;
  flash.hidden = false;
  await sleep(PRE_ROLL_MS);
  const timeline: { index: number; t: number }[] = [];
  let start = await nextFrame();
  let index = -1;
  const boundaries: number[] = [];
  let sum = 0;
  for (const colour of sequence.Colours) {
    sum += colour.DurationMs;
    boundaries.push(sum);
  }
  let endT = 0;
  for (;;) {
    const now = await nextFrame();
    if (index < 0) start = now;
    const elapsed = now - start;
    const due = boundaries.findIndex((b) => elapsed < b);
    if (due === -1) {
      flash.style.background = sequence.RestRgb;
      endT = now;
      break;
    }
    if (due !== index) {
      index = due;
      flash.style.background = sequence.Colours[due]!.Rgb;
      flash.dataset.colour = sequence.Colours[due]!.Rgb;
      timeline.push({ index: due, t: now });
    }
  }
  delete flash.dataset.colour;
  await sleep(POST_ROLL_MS);
  return { colours: timeline, endT };
}

function encodePackage(
  sequenceId: string,
  frames: readonly { t: number; blob: Blob }[],
  timeline: { colours: { index: number; t: number }[]; endT: number },
  actions?: { prompts: { action: string; t: number }[]; endT: number },
): Blob {
  let offset = 0;
  const manifest = {
    format: "openekyc-capture",
    version: 1,
    sequenceId,
    frames: frames.map((f) => {
      const entry = { t: f.t, offset, length: f.blob.size };
      offset += f.blob.size;
      return entry;
    }),
    timeline,
    ...(actions ? { actions } : {}),
    device: {
      userAgent: navigator.userAgent.slice(0, 300),
      screenWidth: screen.width,
      screenHeight: screen.height,
    },
  };
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const header = new Uint8Array(9);
  header.set([0x4f, 0x45, 0x4b, 0x43, 1]);
  new DataView(header.buffer).setUint32(5, json.length);
  return new Blob([header, json, ...frames.map((f) => f.blob)], { type: "application/octet-stream" });
}

/** Motion and silent modes: a short live recording while the prompts change. */
export async function recordClip(
  stream: MediaStream,
  prompts: readonly (() => void)[],
  stepMs: number,
): Promise<Blob> {
  const type = ["video/webm;codecs=vp8", "video/webm", "video/mp4"].find((m) =>
    MediaRecorder.isTypeSupported(m),
  );
  const recorder = new MediaRecorder(stream, type ? { mimeType: type, videoBitsPerSecond: 1_200_000 } : {});
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start(500);
  for (const prompt of prompts) {
    prompt();
    await sleep(stepMs);
  }
  recorder.stop();
  await stopped;
  return new Blob(chunks, { type: (recorder.mimeType || "video/webm").split(";")[0] });
}
