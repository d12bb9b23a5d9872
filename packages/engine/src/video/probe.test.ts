import { describe, expect, it } from "vitest";
import { parseProbe } from "./probe.ts";

/** `ffmpeg -i` stderr shapes seen from phones, browsers and cameras (abridged to the lines parsed). */
const iphoneMov = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'IMG_0001.MOV':
  Duration: 00:00:06.03, start: 0.000000, bitrate: 8611 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080, 8473 kb/s, 29.97 fps, 29.97 tbr, 600 tbn, 1200 tbc (default)
    Metadata:
      rotate          : 90
      creation_time   : 2024-01-01T00:00:00.000000Z
    Side data:
      displaymatrix: rotation of -90.00 degrees
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 95 kb/s (default)`;

const mediaRecorderWebm = `Input #0, matroska,webm, from 'capture.webm':
  Metadata:
    encoder         : Chrome
  Duration: N/A, start: 0.000000, bitrate: N/A
    Stream #0:0(eng): Video: vp8, yuv420p(progressive), 640x480, SAR 1:1 DAR 4:3, 1k tbr, 1k tbn, 1k tbc (default)`;

const androidMatrixOnly = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'VID.mp4':
  Duration: 00:00:04.50, start: 0.000000, bitrate: 12000 kb/s
    Stream #0:0(eng): Video: hevc (Main) (hvc1 / 0x31637668), yuv420p(tv, bt709), 1280x720, 11000 kb/s, 30 fps, 30 tbr, 90k tbn, 90k tbc (default)
    Side data:
      displaymatrix: rotation of 90.00 degrees
    Stream #0:1(eng): Audio: aac`;

describe("parseProbe", () => {
  it("reads a portrait phone MOV: rotation applied to the display size", () => {
    expect(parseProbe(iphoneMov)).toEqual({
      container: "mov,mp4,m4a,3gp,3g2,mj2",
      codec: "h264",
      width: 1080,
      height: 1920,
      durationSeconds: 6.03,
      fps: 29.97,
      rotation: 90,
    });
  });

  it('reads a browser WebM without duration or fps ("1k tbr" is a timebase, not a frame rate guess to trust)', () => {
    const probe = parseProbe(mediaRecorderWebm);
    expect(probe).toMatchObject({
      container: "matroska,webm",
      codec: "vp8",
      width: 640,
      height: 480,
      rotation: 0,
    });
    expect(probe?.durationSeconds).toBeNull();
    expect(probe?.fps).toBeNull();
  });

  it("reads a rotation given only by the display matrix", () => {
    expect(parseProbe(androidMatrixOnly)).toMatchObject({
      width: 720,
      height: 1280,
      rotation: 270,
      codec: "hevc",
    });
  });

  it("returns null when there is no video stream", () => {
    expect(parseProbe("Input #0, wav, from 'a.wav':\n    Stream #0:0: Audio: pcm_s16le")).toBeNull();
    expect(parseProbe("a.bin: Invalid data found when processing input")).toBeNull();
  });
});
