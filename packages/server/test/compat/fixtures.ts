import sharp from "sharp";

/** A real PNG (not a face: the face check belongs to a later issue), generated so no test data is copied. */
export async function testImage(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 160, b: 120 } } })
    .jpeg()
    .toBuffer();
}

export const redirectUrl = "https://merchant.example/callback";
