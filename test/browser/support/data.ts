import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/data`: present in CI; a missing folder there is a loud failure, not a skip. */
export const sharedData = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));

export function requireSharedData(relative: string): string {
  const path = `${sharedData}${relative}`;
  if (!existsSync(path))
    throw new Error(`Test data ${path} is missing: these tests need ../shared/data (see DEVELOPERS.md).`);
  return path;
}

export const faces = {
  /** Same person as `sameAsReference` (deepface genuine pair img1/img2). */
  reference: "face_verify_deepface/images/img1.jpg",
  sameAsReference: "face_verify_deepface/images/img2.jpg",
  otherPerson: "face_verify_deepface/images/img20.jpg",
};
