import { expect } from "vitest";
import type { GeneralCard, IdCardType } from "../../src/cards/types.ts";
import type { OcrEngine } from "../../src/ocr/engine.ts";
import type { Variant } from "../synthetic/degrade.ts";
import type { RenderOptions } from "../synthetic/render.ts";
import { readRenderedCard } from "./rendered.ts";

/** The reference date the rendered GeneralCard types are read at. */
export const REF = "2026-11-22";

/** A field of the struct by `Name` or `Address.Name`. */
function field(card: GeneralCard | null | undefined, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], card);
}
const squash = (v: unknown) => (typeof v === "string" ? v.replace(/\s/g, "") : v);

/** Reads a rendered card photographed under `variant`. */
export async function readRendered(
  engine: OcrEngine,
  type: IdCardType,
  seed: number,
  variant: Variant,
  options: RenderOptions = {},
) {
  return readRenderedCard(engine, type, seed, variant, { referenceDate: REF, render: options });
}

/**
 * Every printed field equals the renderer's truth (whitespace aside: the recogniser drops spaces), legacy and
 * normal containers agree, exactly `checks` were run and all hold, the card passes and a portrait was cut.
 */
export async function expectEveryField(
  engine: OcrEngine,
  type: IdCardType,
  seed: number,
  variant: Variant,
  checks: string[],
) {
  const { card, result } = await readRendered(engine, type, seed, variant);
  const general = result.normalCardInfo.GeneralCard;
  for (const [name, want] of Object.entries(card.design.fields ?? {}))
    expect(squash(field(general, name)), name).toBe(squash(want));
  expect(result.cardInfo.GeneralCard).toEqual(general);
  expect(Object.keys(result.checks).sort()).toEqual([...checks].sort());
  expect(Object.values(result.checks).every(Boolean)).toBe(true);
  expect(result.isPass).toBe(true);
  expect(result.headImage?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
}
