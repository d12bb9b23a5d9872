/**
 * Mean ratio (to the card's typical textured block) of the largest 4-connected cluster of textured blocks whose
 * ratio is over 2× the typical one; 1 when there is none. `ratio` and `texture` are per 8×8 block, `bw`×`bh`.
 */
export function strongestCluster(ratio: Float32Array, texture: Float32Array, bw: number, bh: number): number {
  const textured: number[] = [];
  for (let i = 0; i < ratio.length; i++) if (texture[i]! > 12) textured.push(ratio[i]!);
  if (textured.length < 30) return 1;
  textured.sort((a, b) => a - b);
  const typical = textured[Math.floor(textured.length / 2)]! + 1e-3;
  const hot = new Uint8Array(ratio.length);
  for (let i = 0; i < ratio.length; i++) if (texture[i]! > 12 && ratio[i]! > 2 * typical) hot[i] = 1;
  let best = 1;
  for (let start = 0; start < hot.length; start++) {
    if (hot[start] !== 1) continue;
    const stack = [start];
    hot[start] = 2;
    let count = 0;
    let sum = 0;
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      sum += ratio[i]! / typical;
      const x = i % bw;
      for (const j of [i - bw, i + bw, x > 0 ? i - 1 : -1, x < bw - 1 ? i + 1 : -1]) {
        if (j >= 0 && j < hot.length && hot[j] === 1) {
          hot[j] = 2;
          stack.push(j);
        }
      }
    }
    // A field-sized cluster: bigger than a speck, smaller than a third of the card (that would be global).
    if (count >= 6 && count < (bw * bh) / 3) best = Math.max(best, sum / count);
  }
  return best;
}
