import { EkycError } from "@openekyc/core";
import { type ActionPhase, validateActionPhase } from "./action-phase.ts";
import type { ReflectionTimeline } from "./analyse.ts";

/**
 * The capture package (docs/capture-package.md): what a page, a native app or a test uploads after the colour
 * phase. Binary container: "OEKC" | version byte (1) | manifest length (uint32 BE) | manifest JSON (UTF-8) |
 * payload (the JPEG frames, concatenated; the manifest gives each one's offset and length in the payload).
 */
export interface CaptureManifest {
  readonly format: "openekyc-capture";
  readonly version: 1;
  /** The SequenceId the server issued for this attempt. */
  readonly sequenceId: string;
  /** One JPEG per frame, `t` = capture time in the capture's own clock (ms). */
  readonly frames: readonly { readonly t: number; readonly offset: number; readonly length: number }[];
  /** When each colour became visible (same clock), and when the colour phase ended. */
  readonly timeline: ReflectionTimeline;
  /** Combined mode (SecurityLevel 4/5) only: the action prompts shown before the colours. */
  readonly actions?: ActionPhase;
  /** Free-form device facts (user agent, screen size) kept as evidence; never trusted. */
  readonly device?: Readonly<Record<string, string | number | boolean>>;
}

export interface CapturePackage {
  readonly manifest: CaptureManifest;
  readonly frames: readonly { readonly t: number; readonly jpeg: Uint8Array }[];
}

export const captureLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxManifestBytes: 64 * 1024,
  minFrames: 20,
  maxFrames: 240,
  maxFrameBytes: 400 * 1024,
  /** Longest capture span accepted (ms). */
  maxSpanMs: 20_000,
} as const;

const magic = [0x4f, 0x45, 0x4b, 0x43]; // "OEKC"

function invalid(message: string): EkycError {
  return new EkycError("INVALID_PARAMETER_VALUE", `Capture package: ${message}`);
}

export function encodeCapturePackage(
  input: Omit<CaptureManifest, "format" | "version" | "frames"> & {
    readonly frames: readonly { readonly t: number; readonly jpeg: Uint8Array }[];
  },
): Uint8Array {
  let offset = 0;
  const frames = input.frames.map((f) => {
    const entry = { t: f.t, offset, length: f.jpeg.length };
    offset += f.jpeg.length;
    return entry;
  });
  const manifest: CaptureManifest = {
    format: "openekyc-capture",
    version: 1,
    sequenceId: input.sequenceId,
    frames,
    timeline: input.timeline,
    ...(input.actions ? { actions: input.actions } : {}),
    ...(input.device ? { device: input.device } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const out = new Uint8Array(9 + json.length + offset);
  out.set(magic, 0);
  out[4] = 1;
  new DataView(out.buffer).setUint32(5, json.length);
  out.set(json, 9);
  let at = 9 + json.length;
  for (const f of input.frames) {
    out.set(f.jpeg, at);
    at += f.jpeg.length;
  }
  return out;
}

/** Parses and validates an untrusted package. Throws EkycError with a precise message on any violation. */
export function parseCapturePackage(bytes: Uint8Array): CapturePackage {
  if (bytes.length > captureLimits.maxBytes)
    throw new EkycError(
      "REQUEST_SIZE_LIMIT_EXCEEDED",
      `Capture package larger than ${captureLimits.maxBytes} bytes`,
    );
  if (bytes.length < 9 || magic.some((m, i) => bytes[i] !== m)) throw invalid("not an OEKC container");
  if (bytes[4] !== 1) throw invalid(`unsupported version ${bytes[4]}`);
  const manifestLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5);
  if (manifestLength > captureLimits.maxManifestBytes || 9 + manifestLength > bytes.length)
    throw invalid("manifest length out of range");
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(9, 9 + manifestLength)));
  } catch {
    throw invalid("manifest is not UTF-8 JSON");
  }
  const manifest = validateManifest(raw);
  const payload = bytes.subarray(9 + manifestLength);
  const frames = manifest.frames.map((f, i) => {
    if (f.offset + f.length > payload.length) throw invalid(`frame ${i} lies outside the payload`);
    const jpeg = payload.subarray(f.offset, f.offset + f.length);
    if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw invalid(`frame ${i} is not a JPEG`);
    return { t: f.t, jpeg };
  });
  return { manifest, frames };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const whole = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function validateManifest(raw: unknown): CaptureManifest {
  if (!isRecord(raw) || raw.format !== "openekyc-capture" || raw.version !== 1)
    throw invalid("manifest format must be openekyc-capture version 1");
  if (typeof raw.sequenceId !== "string" || raw.sequenceId.length === 0 || raw.sequenceId.length > 64)
    throw invalid("sequenceId missing");
  if (!Array.isArray(raw.frames)) throw invalid("frames missing");
  if (raw.frames.length < captureLimits.minFrames || raw.frames.length > captureLimits.maxFrames)
    throw invalid(
      `${raw.frames.length} frames; ${captureLimits.minFrames}–${captureLimits.maxFrames} accepted`,
    );
  let previousT = Number.NEGATIVE_INFINITY;
  const frames = raw.frames.map((f: unknown, i: number) => {
    if (!isRecord(f) || !finite(f.t) || !whole(f.offset) || !whole(f.length))
      throw invalid(`frame ${i} malformed`);
    if (f.length === 0 || f.length > captureLimits.maxFrameBytes)
      throw invalid(`frame ${i} size out of range`);
    if (!(f.t > previousT)) throw invalid(`frame ${i} timestamp is not increasing`);
    previousT = f.t;
    return { t: f.t, offset: f.offset, length: f.length };
  });
  const first = frames[0]!.t;
  if (previousT - first > captureLimits.maxSpanMs) throw invalid("capture longer than 20 s");
  const timeline = raw.timeline;
  if (!isRecord(timeline) || !Array.isArray(timeline.colours) || !finite(timeline.endT))
    throw invalid("timeline missing");
  let previousColourT = Number.NEGATIVE_INFINITY;
  const colours = timeline.colours.map((c: unknown, i: number) => {
    if (!isRecord(c) || !whole(c.index) || !finite(c.t)) throw invalid(`timeline entry ${i} malformed`);
    if (!(c.t > previousColourT)) throw invalid(`timeline entry ${i} is not increasing`);
    previousColourT = c.t;
    return { index: c.index, t: c.t };
  });
  if (colours.length === 0 || colours.length > 32) throw invalid("timeline length out of range");
  if (!(timeline.endT > previousColourT)) throw invalid("timeline endT precedes its last colour");
  if (colours[0]!.t < first || timeline.endT > previousT)
    throw invalid("frames do not cover the colour phase");
  const actions =
    raw.actions === undefined ? undefined : validateActionPhase(raw.actions, { first }, colours[0]!.t);
  const device: Record<string, string | number | boolean> = {};
  if (isRecord(raw.device))
    for (const [k, v] of Object.entries(raw.device).slice(0, 20))
      if (["string", "number", "boolean"].includes(typeof v))
        device[k.slice(0, 40)] = typeof v === "string" ? v.slice(0, 300) : (v as number | boolean);
  return {
    format: "openekyc-capture",
    version: 1,
    sequenceId: raw.sequenceId,
    frames,
    timeline: { colours, endT: timeline.endT },
    ...(actions ? { actions } : {}),
    device,
  };
}
