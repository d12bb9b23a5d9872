import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared/data`: the team's development data (never copied into the repository). */
export const sharedDataDir = path.resolve(
  fileURLToPath(new URL("../../../../../shared/data", import.meta.url)),
);

export interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly genuine: boolean;
}

export interface VerificationSet {
  readonly name: "face_verify_lfw" | "face_verify_deepface";
  /** Absolute image path → identity. */
  readonly identities: ReadonlyMap<string, string>;
  /** The set's own labelled pairs (absolute paths). */
  readonly pairs: readonly LabelledPair[];
}

interface Manifest {
  files: { file: string; identity?: string; identity_cluster?: string | number }[];
  pairs: { a: string; b: string; label: "genuine" | "impostor" }[];
}

export function loadVerificationSet(name: VerificationSet["name"]): VerificationSet {
  const dir = path.join(sharedDataDir, name);
  const manifestPath = path.join(dir, "MANIFEST.json");
  if (!existsSync(manifestPath))
    throw new Error(`shared data missing: ${manifestPath} (see ../shared/data/README.md)`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const identities = new Map<string, string>();
  for (const file of manifest.files) {
    identities.set(
      path.join(dir, file.file),
      `${name}:${file.identity ?? file.identity_cluster ?? file.file}`,
    );
  }
  const pairs = manifest.pairs.map((pair) => ({
    a: path.join(dir, pair.a),
    b: path.join(dir, pair.b),
    genuine: pair.label === "genuine",
  }));
  return { name, identities, pairs };
}

/**
 * The calibration/report split: an LFW identity goes to the "report" half when the first byte of sha256(name) is
 * odd, otherwise to the "calibration" half. Deterministic, and no person is in both halves.
 */
export function lfwHalf(identity: string): "calibration" | "report" {
  const digest = createHash("sha256").update(identity).digest();
  return digest[0]! % 2 === 1 ? "report" : "calibration";
}

/** Every cross-identity pair among `files`, as index pairs: the measured impostor distribution. */
export function* impostorPairs(
  files: readonly string[],
  identities: ReadonlyMap<string, string>,
): Generator<[string, string]> {
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      if (identities.get(files[i]!) !== identities.get(files[j]!)) yield [files[i]!, files[j]!];
    }
  }
}

/** Every same-identity pair among `files`. */
export function* genuinePairs(
  files: readonly string[],
  identities: ReadonlyMap<string, string>,
): Generator<[string, string]> {
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      if (identities.get(files[i]!) === identities.get(files[j]!)) yield [files[i]!, files[j]!];
    }
  }
}
