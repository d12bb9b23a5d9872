import type { FiveLandmarks, Point } from "./types.ts";

type MeshPoint = readonly [number, number, number];

/** MediaPipe face-mesh indices. "imgLeft" = the eye that appears on the image's left (the subject's right). */
const idx = {
  imgLeftEye: { outer: 33, inner: 133, top: [160, 158], bottom: [144, 153] },
  imgRightEye: { outer: 263, inner: 362, top: [385, 387], bottom: [380, 373] },
  noseTip: 1,
  mouthLeft: 61,
  mouthRight: 291,
  upperInnerLip: 13,
  lowerInnerLip: 14,
} as const;

const at = (mesh: readonly MeshPoint[], i: number): Point => ({ x: mesh[i]![0], y: mesh[i]![1] });
const dist = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);

function eyeCentre(mesh: readonly MeshPoint[], eye: typeof idx.imgLeftEye | typeof idx.imgRightEye): Point {
  const a = at(mesh, eye.outer);
  const b = at(mesh, eye.inner);
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Eye aspect ratio (Soukupová & Čech): mean lid gap over corner distance. */
function eyeAspect(mesh: readonly MeshPoint[], eye: typeof idx.imgLeftEye | typeof idx.imgRightEye): number {
  const width = dist(at(mesh, eye.outer), at(mesh, eye.inner));
  const gap =
    dist(at(mesh, eye.top[0]), at(mesh, eye.bottom[0])) + dist(at(mesh, eye.top[1]), at(mesh, eye.bottom[1]));
  return width > 0 ? gap / (2 * width) : 0;
}

export function meshLandmarks(mesh: readonly MeshPoint[]): FiveLandmarks {
  return {
    leftEye: eyeCentre(mesh, idx.imgLeftEye),
    rightEye: eyeCentre(mesh, idx.imgRightEye),
    nose: at(mesh, idx.noseTip),
    mouthLeft: at(mesh, idx.mouthLeft),
    mouthRight: at(mesh, idx.mouthRight),
  };
}

export function meshEyeOpenness(mesh: readonly MeshPoint[]): { left: number; right: number } {
  return { left: eyeAspect(mesh, idx.imgLeftEye), right: eyeAspect(mesh, idx.imgRightEye) };
}

export function meshMouthOpenness(mesh: readonly MeshPoint[]): number {
  const width = dist(at(mesh, idx.mouthLeft), at(mesh, idx.mouthRight));
  return width > 0 ? dist(at(mesh, idx.upperInnerLip), at(mesh, idx.lowerInnerLip)) / width : 0;
}
