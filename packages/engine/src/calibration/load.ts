import { readFileSync } from "node:fs";
import type { FaceCalibration } from "./scores.ts";

let cached: FaceCalibration | undefined;

/** The committed calibration (face-calibration.json, written by `npm run calibrate:faces`). */
export function defaultCalibration(): FaceCalibration {
  cached ??= JSON.parse(
    readFileSync(new URL("./face-calibration.json", import.meta.url), "utf8"),
  ) as FaceCalibration;
  return cached;
}
