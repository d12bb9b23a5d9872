/** Largest photo sent as is; bigger album photos are re-encoded (the server accepts up to 8 MB). */
const maxBytes = 4 * 1024 * 1024;
const maxSide = 2400;

/** An album photo ready to upload: small enough, JPEG/PNG/WebP, upright (EXIF orientation applied). */
export async function preparePhoto(file: Blob): Promise<Blob> {
  const supported = /^image\/(jpeg|png|webp)$/.test(file.type);
  if (supported && file.size <= maxBytes) return file;
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvasJpeg(canvas);
}

export function canvasJpeg(canvas: HTMLCanvasElement, quality = 0.92): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("encode"))), "image/jpeg", quality),
  );
}
