import { mkdir, writeFile } from "node:fs/promises";
import { degrade, VARIANTS } from "./degrade.ts";
import { renderCard, SYNTHETIC_TYPES } from "./render.ts";

// Writes a small gallery for eyeballing the renderers: node --import tsx packages/documents/test/synthetic/generate.ts <dir>
const out = process.argv[2] ?? "/tmp/synthetic-cards";
await mkdir(out, { recursive: true });
for (const type of SYNTHETIC_TYPES) {
  const card = await renderCard(type, 1);
  await writeFile(`${out}/${type}.png`, card.png);
  for (const variant of VARIANTS)
    await writeFile(`${out}/${type}-${variant}.jpg`, await degrade(card.png, variant, 1));
}
console.log(`wrote ${SYNTHETIC_TYPES.length} card types × ${VARIANTS.length + 1} images to ${out}`);
