import { type ReflectionTimeline, restColour } from "./analyse.ts";
import type { FaceBox, RgbFrame } from "./measure.ts";
import { linearRgb, linearToSrgb, type Rgb, srgbToLinear } from "./palette.ts";
import type { ReflectSequence } from "./sequence.ts";

/**
 * A physically honest synthetic capture, for tests and evaluation: a skin-coloured face in a room, lit by ambient
 * light plus the phone screen. The screen adds a few % to the face (less on the far wall), the camera adds sensor
 * noise, auto-exposure and white-balance drift, block (JPEG-like) quantisation, head micro-motion and frame-time
 * jitter. Attacks change what the face responds to: nothing (print), another sequence (replay), or ours late.
 */
export interface SyntheticCaptureOptions {
  readonly sequence: ReflectSequence;
  readonly seed: number;
  /** What the face reflects: our sequence, nothing, or another sequence. */
  readonly respondTo?: "sequence" | "none" | ReflectSequence;
  /** Extra delay added by a relay / re-render (ms). */
  readonly extraDelayMs?: number;
  /** Screen light at full white relative to ambient on the face (linear): 0.02 bright room … 0.08 dim room. */
  readonly reflectionStrength?: number;
  /** Linear skin albedo; darker skin lowers the signal relative to sensor noise. */
  readonly skinAlbedo?: readonly [number, number, number];
  readonly fps?: number;
  readonly width?: number;
  readonly height?: number;
  /** Camera pipeline + display latency on a genuine device (ms). */
  readonly latencyMs?: number;
  readonly noiseDn?: number;
  readonly jitterMs?: number;
  readonly preRollMs?: number;
  readonly postRollMs?: number;
  /**
   * A real photo to relight instead of the drawn face: its pixels are taken as (albedo × ambient), the face box
   * (from a detector) says where the skin is. Width and height come from the photo.
   */
  readonly photo?: { readonly image: RgbFrame; readonly faceBox: FaceBox };
}

export interface SyntheticCapture {
  readonly frames: readonly { readonly t: number; readonly frame: RgbFrame }[];
  readonly timeline: ReflectionTimeline;
  readonly faceBox: FaceBox;
}

export const skinTones = {
  light: [0.62, 0.45, 0.36],
  medium: [0.42, 0.28, 0.2],
  dark: [0.2, 0.12, 0.085],
} as const;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toSrgbLut = Uint8Array.from({ length: 4096 }, (_, i) => linearToSrgb(i / 4095));

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function screenTimeline(sequence: ReflectSequence, start: number): ReflectionTimeline {
  let t = start;
  const colours = sequence.colours.map((c, index) => {
    const entry = { index, t };
    t += c.durationMs;
    return entry;
  });
  return { colours, endT: t };
}

function screenLightAt(sequence: ReflectSequence, timeline: ReflectionTimeline, t: number): number[] {
  if (t < timeline.colours[0]!.t || t >= timeline.endT) return linearRgb(restColour);
  let index = 0;
  for (let i = 0; i < timeline.colours.length && timeline.colours[i]!.t <= t; i++) index = i;
  return linearRgb(sequence.colours[index]!.rgb);
}

export function synthesiseCapture(options: SyntheticCaptureOptions): SyntheticCapture {
  const random = mulberry32(options.seed);
  const fps = options.fps ?? 15;
  const photo = options.photo;
  const width = photo?.image.width ?? options.width ?? 160;
  const height = photo?.image.height ?? options.height ?? 120;
  const photoLinear = photo ? photoToLinear(photo.image) : null;
  const strength = options.reflectionStrength ?? 0.04;
  const albedo = options.skinAlbedo ?? skinTones.medium;
  const latency = (options.latencyMs ?? 50) + (options.extraDelayMs ?? 0);
  const noiseDn = options.noiseDn ?? 2.5;
  const jitter = options.jitterMs ?? 8;
  const preRoll = options.preRollMs ?? 400;
  const timeline = screenTimeline(options.sequence, preRoll);
  const end = timeline.endT + (options.postRollMs ?? 400);
  const respondTo = options.respondTo ?? "sequence";
  const responseSequence =
    respondTo === "sequence" ? options.sequence : respondTo === "none" ? null : respondTo;
  const responseTimeline = responseSequence ? screenTimeline(responseSequence, preRoll) : null;
  const faceBox = photo?.faceBox ?? {
    x: width * 0.3,
    y: height * 0.15,
    width: width * 0.4,
    height: height * 0.65,
  };
  const wall: Rgb = [0.35 + random() * 0.2, 0.33 + random() * 0.2, 0.3 + random() * 0.2];
  const ambient = [1, 0.95 + random() * 0.1, 0.85 + random() * 0.2];
  const motionPhase = random() * 6.28;
  let exposure = 0.5;
  const whiteBalance = [1, 1, 1];
  const frames: { t: number; frame: RgbFrame }[] = [];
  // Per-pixel noise from a pre-drawn Gaussian table: the per-pixel Box-Muller dominated the run time.
  const noiseTable = Float64Array.from({ length: 8192 }, () => gaussian(random) * noiseDn);
  for (let t = 0; t < end; t += 1000 / fps) {
    const exposureTime = t + gaussian(random) * jitter;
    const screen = responseTimeline
      ? screenLightAt(responseSequence!, responseTimeline, exposureTime - latency)
      : linearRgb(restColour);
    const dx = Math.sin(t / 700 + motionPhase) * 1.5 + gaussian(random) * 0.3;
    const dy = Math.cos(t / 900 + motionPhase) * 1.0;
    for (let c = 0; c < 3; c++) whiteBalance[c]! *= 1 + gaussian(random) * 0.004;
    const data = new Uint8Array(width * height * 3);
    const linear = new Float64Array(width * height * 3);
    let sum = 0;
    const cx = faceBox.x + faceBox.width / 2 + dx;
    const cy = faceBox.y + faceBox.height / 2 + dy;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const ex = (x - cx) / (faceBox.width / 2);
        const ey = (y - cy) / (faceBox.height / 2);
        const inFace = ex * ex + ey * ey <= 1;
        const i = (y * width + x) * 3;
        for (let c = 0; c < 3; c++) {
          // The screen is ~30 cm from the face, the wall ~1.5 m: the wall gets ~4 % of the face's screen light.
          const shading = inFace
            ? 0.75 + 0.25 * (1 - 0.72 * ex * ex) * (1 - 0.3 * ey)
            : 1 - 0.2 * (y / height);
          const reflect = inFace ? strength : strength * 0.04;
          // A photo already holds albedo × shading × ambient; the screen adds in proportion to it.
          const sx = Math.min(width - 1, Math.max(0, Math.round(x - dx)));
          const sy = Math.min(height - 1, Math.max(0, Math.round(y - dy)));
          const v = photoLinear
            ? photoLinear[(sy * width + sx) * 3 + c]! * (1 + (reflect * screen[c]! * 1.6) / ambient[c]!)
            : (inFace ? albedo[c]! : wall[c]!) * shading * (ambient[c]! + reflect * screen[c]! * 1.6);
          linear[i + c] = v;
          sum += v;
        }
      }
    }
    // Auto-exposure chases mid-grey with a lag; white balance drifts: both global, both slow.
    const target = 0.18 / (sum / linear.length);
    exposure += (target - exposure) * 0.25 + gaussian(random) * 0.004;
    for (let i = 0; i < linear.length; i++) {
      const v = linear[i]! * exposure * whiteBalance[i % 3]!;
      const encoded = toSrgbLut[Math.min(4095, Math.max(0, Math.round(v * 4095)))]!;
      data[i] = Math.max(0, Math.min(255, Math.round(encoded + noiseTable[(random() * 8192) | 0]!)));
    }
    quantiseBlocks(data, width, height, random);
    frames.push({ t: t + gaussian(random) * 3, frame: { width, height, channels: 3, data } });
  }
  return { frames, timeline, faceBox };
}

function photoToLinear(image: RgbFrame): Float64Array {
  const out = new Float64Array(image.width * image.height * 3);
  for (let p = 0, i = 0; p < image.width * image.height; p++, i += image.channels)
    for (let c = 0; c < 3; c++) out[p * 3 + c] = srgbToLinear(image.data[i + c]!);
  return out;
}

/** JPEG-like loss: each 8×8 block's mean is quantised (step 4 DN), as a DCT's DC coefficient is. */
function quantiseBlocks(data: Uint8Array, width: number, height: number, random: () => number): void {
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let y = by; y < Math.min(by + 8, height); y++)
          for (let x = bx; x < Math.min(bx + 8, width); x++) {
            sum += data[(y * width + x) * 3 + c]!;
            n++;
          }
        const mean = sum / n;
        const shift = Math.round(mean / 4 + (random() - 0.5) * 0.2) * 4 - mean;
        for (let y = by; y < Math.min(by + 8, height); y++)
          for (let x = bx; x < Math.min(bx + 8, width); x++) {
            const i = (y * width + x) * 3 + c;
            data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + shift)));
          }
      }
    }
  }
}
