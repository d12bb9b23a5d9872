import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeImage } from "./decode.ts";

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A PNG whose header claims width x height: a few hundred bytes that would decode to gigabytes. */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(1 + width)); // one zero row; the rest is missing
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", rows),
    chunk("IEND", new Uint8Array()),
  ]);
}

describe("decodeImage", () => {
  it("refuses a decompression bomb from its header, before decoding pixels", async () => {
    const bomb = bombPng(60_000, 60_000);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(decodeImage(bomb)).rejects.toMatchObject({ code: "IMAGE_SIZE_TOO_LARGE" });
  });

  it("refuses absurd dimensions and too many pixels", async () => {
    const wide = await sharp({ create: { width: 12_000, height: 40, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    await expect(decodeImage(wide)).rejects.toMatchObject({ code: "IMAGE_SIZE_TOO_LARGE" });
    const square = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    await expect(decodeImage(square, { maxPixels: 10_000 })).rejects.toMatchObject({
      code: "IMAGE_SIZE_TOO_LARGE",
    });
  });

  it("refuses non-image bytes, empty input, unsupported formats and tiny images", async () => {
    await expect(decodeImage(new TextEncoder().encode("<html>not an image</html>"))).rejects.toMatchObject({
      code: "IMAGE_DECODE_ERROR",
    });
    await expect(decodeImage(new Uint8Array())).rejects.toMatchObject({ code: "IMAGE_DECODE_ERROR" });
    const gif = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#888" } })
      .gif()
      .toBuffer();
    await expect(decodeImage(gif)).rejects.toMatchObject({ code: "IMAGE_DECODE_ERROR" });
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    await expect(decodeImage(tiny)).rejects.toMatchObject({ code: "INVALID_PARAMETER_VALUE" });
    const big = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    await expect(decodeImage(big, { maxBytes: 10 })).rejects.toMatchObject({ code: "IMAGE_SIZE_TOO_LARGE" });
  });

  it("refuses a truncated JPEG", async () => {
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#a53" } })
      .jpeg()
      .toBuffer();
    await expect(decodeImage(jpeg.subarray(0, jpeg.length / 2))).rejects.toMatchObject({
      code: "IMAGE_DECODE_ERROR",
    });
  });

  it("applies EXIF orientation, expands grey to RGB and downscales large uploads", async () => {
    const rotated = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#f00" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const upright = await decodeImage(rotated);
    expect([upright.width, upright.height, upright.sourceWidth, upright.sourceHeight]).toEqual([
      100, 300, 100, 300,
    ]);

    const grey = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#404040" } })
      .greyscale()
      .png()
      .toBuffer();
    const rgb = await decodeImage(grey);
    expect(rgb.data.length).toBe(50 * 40 * 3);
    expect([rgb.data[0], rgb.data[1], rgb.data[2]]).toEqual([64, 64, 64]);

    const large = await sharp({ create: { width: 3000, height: 1500, channels: 4, background: "#0f0f" } })
      .webp()
      .toBuffer();
    const small = await decodeImage(large);
    expect([small.format, small.width, small.height, small.sourceWidth]).toEqual(["webp", 1280, 640, 3000]);
    expect(small.data.length).toBe(1280 * 640 * 3);
  });
});
