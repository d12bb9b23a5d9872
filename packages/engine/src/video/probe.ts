/** Stream facts ffmpeg prints about its input (this static build ships no ffprobe). */
export interface VideoProbe {
  /** Demuxer name list as ffmpeg prints it, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  readonly container: string;
  readonly codec: string;
  /** Display size after rotation and sample-aspect correction. */
  readonly width: number;
  readonly height: number;
  /** Null when the container does not say (e.g. browser MediaRecorder WebM). */
  readonly durationSeconds: number | null;
  readonly fps: number | null;
  /** Clockwise display rotation in degrees (0, 90, 180, 270); ffmpeg applies it while decoding. */
  readonly rotation: number;
}

const INPUT_LINE = /Input #0, (.+?), from /;
const DURATION_LINE = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/;
const VIDEO_STREAM_LINE = /Stream #0:\d+[^:\n]*: Video: (\w+)[^\n]*?, (\d{1,5})x(\d{1,5})([^\n]*)/;
const SAR = /\[SAR (\d+):(\d+) DAR/;
const FPS = /, (\d+(?:\.\d+)?)(k?) (?:fps|tbr)/;
const ROTATE_TAG = /rotate\s*:\s*(-?\d+)/;
const DISPLAY_MATRIX = /displaymatrix: rotation of (-?\d+(?:\.\d+)?) degrees/;

/** Parses `ffmpeg -i` stderr. Returns null when there is no decodable video stream. */
export function parseProbe(stderr: string): VideoProbe | null {
  const input = INPUT_LINE.exec(stderr);
  const stream = VIDEO_STREAM_LINE.exec(stderr);
  if (!input || !stream) return null;
  const [, codec = "", w = "0", h = "0", rest = ""] = stream;
  let width = Number(w);
  let height = Number(h);
  const sar = SAR.exec(rest);
  if (sar && Number(sar[1]) > 0 && Number(sar[2]) > 0) {
    width = Math.round((width * Number(sar[1])) / Number(sar[2]));
  }
  const rotation = parseRotation(stderr.slice(stream.index));
  if (rotation === 90 || rotation === 270) [width, height] = [height, width];
  const duration = DURATION_LINE.exec(stderr);
  const fps = FPS.exec(rest);
  return {
    container: input[1] ?? "",
    codec,
    width,
    height,
    durationSeconds: duration
      ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
      : null,
    fps: plausibleFps(fps ? Number(fps[1]) * (fps[2] === "k" ? 1000 : 1) : null),
    rotation,
  };
}

function parseRotation(streamSection: string): number {
  // Only look at the first video stream's own block (up to the next stream).
  const block = streamSection.split(/\n\s*Stream #/)[0] ?? "";
  const tag = ROTATE_TAG.exec(block);
  if (tag) return normaliseDegrees(Number(tag[1]));
  const matrix = DISPLAY_MATRIX.exec(block);
  // The display matrix states the counter-clockwise angle that undoes the rotation.
  if (matrix) return normaliseDegrees(-Math.round(Number(matrix[1])));
  return 0;
}

function normaliseDegrees(degrees: number): number {
  const rounded = Math.round(degrees / 90) * 90;
  return ((rounded % 360) + 360) % 360;
}

/** WebM from browsers reports its 1 kHz timebase as "1k tbr": that is not a frame rate. */
function plausibleFps(value: number | null): number | null {
  return value !== null && value > 0 && value <= 240 ? value : null;
}
