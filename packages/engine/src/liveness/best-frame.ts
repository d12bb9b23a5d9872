import type { FrameFinding } from "./frames.ts";

/** Why a frame won: the parts of its quality score (each 0-1) and the product. */
export interface BestFrameChoice {
  readonly index: number;
  readonly timestampMs: number;
  readonly quality: number;
  readonly frontal: number;
  readonly sharpness: number;
  readonly lighting: number;
  readonly eyesOpen: number;
}

/** Head angles beyond this many degrees make a frame worthless for comparison. */
const MAX_USEFUL_ANGLE = 35;

/**
 * Frames ranked for comparison and for BestFrameBase64: a single, frontal, sharp, well-lit face with eyes
 * open. Sharpness and eye openness are judged against the same video (cameras and faces differ). Frames
 * closer than `minGapMs` to a better one are dropped so the list holds distinct moments.
 */
export function rankFrames(
  findings: readonly FrameFinding[],
  count: number,
  minGapMs = 250,
): BestFrameChoice[] {
  const candidates = findings.filter((f) => f.subject !== null && f.significantOtherFaces === 0);
  if (candidates.length === 0) return [];
  const maxSharpness = Math.max(...candidates.map((f) => f.subject?.sharpness ?? 0), 1e-6);
  const eyeLevels = candidates.map((f) => eyeLevel(f)).sort((a, b) => a - b);
  const openEyes = eyeLevels[Math.floor(eyeLevels.length * 0.75)] ?? 0;
  const scored = candidates.flatMap((finding) => {
    const face = finding.subject;
    if (!face) return [];
    const frontal =
      Math.max(0, 1 - Math.abs(face.pose.yaw) / MAX_USEFUL_ANGLE) *
      Math.max(0, 1 - Math.abs(face.pose.pitch) / MAX_USEFUL_ANGLE);
    const sharpness = face.sharpness / maxSharpness;
    const lighting = lightingScore(face.brightness);
    const eyesOpen = openEyes > 0 ? Math.min(1, eyeLevel(finding) / openEyes) : 0;
    const quality = face.score * frontal * (0.4 + 0.6 * sharpness) * lighting * eyesOpen ** 2;
    return [
      {
        index: finding.index,
        timestampMs: finding.timestampMs,
        quality: round3(quality),
        frontal: round3(frontal),
        sharpness: round3(sharpness),
        lighting: round3(lighting),
        eyesOpen: round3(eyesOpen),
      },
    ];
  });
  scored.sort((a, b) => b.quality - a.quality || a.timestampMs - b.timestampMs);
  const picked: BestFrameChoice[] = [];
  for (const choice of scored) {
    if (picked.length >= count) break;
    if (picked.every((p) => Math.abs(p.timestampMs - choice.timestampMs) >= minGapMs)) picked.push(choice);
  }
  return picked;
}

/** The single best frame (see `rankFrames`), or null when no frame shows exactly one face. */
export function chooseBestFrame(findings: readonly FrameFinding[]): BestFrameChoice | null {
  return rankFrames(findings, 1)[0] ?? null;
}

function eyeLevel(finding: FrameFinding): number {
  const eyes = finding.subject?.eyeOpenness;
  return eyes ? (eyes.left + eyes.right) / 2 : 0;
}

/** 1 for mean face luma 70-190, falling linearly to 0 at 15 and 250. */
export function lightingScore(brightness: number): number {
  if (brightness < 70) return Math.max(0, (brightness - 15) / 55);
  if (brightness > 190) return Math.max(0, (250 - brightness) / 60);
  return 1;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
