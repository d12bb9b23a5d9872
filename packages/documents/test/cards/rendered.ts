import { afterAll, beforeAll } from "vitest";
import { readCard } from "../../src/cards/read-card.ts";
import type { IdCardType } from "../../src/cards/types.ts";
import { createOcrEngine, type OcrEngine } from "../../src/ocr/engine.ts";
import { degrade, type Variant } from "../synthetic/degrade.ts";
import { type RenderOptions, renderCard } from "../synthetic/render.ts";

/**
 * The real PP-OCR engine for one test file: loaded once before its tests (the models take seconds to load) and
 * closed after them. Call at module level; the returned getter is valid inside tests.
 */
export function useOcrEngine(): () => OcrEngine {
  let engine: OcrEngine | undefined;
  beforeAll(async () => {
    engine = await createOcrEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });
  return () => {
    if (!engine) throw new Error("useOcrEngine: the engine is only loaded inside tests");
    return engine;
  };
}

/** A synthetic card of `type` rendered for `seed`, photographed on the table under `variant` and read. */
export async function readRenderedCard(
  engine: OcrEngine,
  type: IdCardType,
  seed: number,
  variant: Variant,
  options: { referenceDate: string; render?: RenderOptions },
) {
  const card = await renderCard(type, seed, options.render ?? {});
  const photo = await degrade(card.png, variant, seed);
  const result = await readCard(photo, type, { engine, referenceDate: options.referenceDate });
  return { card, result };
}
