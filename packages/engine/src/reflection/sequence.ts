import { randomInt, randomUUID } from "node:crypto";
import { hexToRgb, isSaturatedRed, type Rgb, rgbToHex, safePalette } from "./palette.ts";

/** One colour of a reflection sequence and how long the page keeps it on screen. */
export interface ReflectColour {
  readonly rgb: Rgb;
  readonly durationMs: number;
}

/** Server-side secret of one attempt: which colours, in which order, for how long. */
export interface ReflectSequence {
  readonly id: string;
  readonly colours: readonly ReflectColour[];
}

/** Safety and signal limits every sequence respects (validated on generation and on parse). */
export const sequenceLimits = {
  minColours: 8,
  maxColours: 16,
  /** ≥ 340 ms per colour keeps every 1 s window at ≤ 3 colour changes (WCAG 2.3.1 three-flash threshold). */
  minDurationMs: 340,
  maxDurationMs: 700,
} as const;

export interface SequenceOptions {
  readonly colourCount?: number;
  readonly minDurationMs?: number;
  readonly maxDurationMs?: number;
  /** Uniform integer in [0, maxExclusive); crypto-random by default. Tests pass a seeded one. */
  readonly randomInt?: (maxExclusive: number) => number;
  readonly id?: string;
}

/**
 * A fresh random sequence: ≥ 8 colours from the safe palette, no colour twice in a row, random durations.
 * Default timing (340–375 ms, 8 colours) keeps the colour phase at or under 3 s.
 */
export function generateReflectSequence(options: SequenceOptions = {}): ReflectSequence {
  const random = options.randomInt ?? ((max: number) => randomInt(max));
  const count = options.colourCount ?? sequenceLimits.minColours;
  const minMs = Math.max(options.minDurationMs ?? 340, sequenceLimits.minDurationMs);
  const maxMs = Math.min(options.maxDurationMs ?? 375, sequenceLimits.maxDurationMs);
  let colours: ReflectColour[] = [];
  // Redraw until at least 5 distinct colours appear: fewer makes a guessed replay likelier to correlate.
  do {
    colours = [];
    let previous = -1;
    for (let i = 0; i < count; i++) {
      let pick = random(previous < 0 ? safePalette.length : safePalette.length - 1);
      if (previous >= 0 && pick >= previous) pick += 1; // never the same colour twice in a row
      previous = pick;
      colours.push({ rgb: safePalette[pick]!.rgb, durationMs: minMs + random(maxMs - minMs + 1) });
    }
  } while (new Set(colours.map((c) => c.rgb)).size < Math.min(5, count));
  const sequence = { id: options.id ?? randomUUID(), colours };
  assertSafeSequence(sequence);
  return sequence;
}

/** Throws when a sequence could harm a photosensitive user or carries too little signal. */
export function assertSafeSequence(sequence: ReflectSequence): void {
  const { colours } = sequence;
  if (colours.length < sequenceLimits.minColours || colours.length > sequenceLimits.maxColours)
    throw new RangeError(`a sequence has ${sequenceLimits.minColours}–${sequenceLimits.maxColours} colours`);
  for (const [i, colour] of colours.entries()) {
    if (isSaturatedRed(colour.rgb)) throw new RangeError(`colour ${i} is a saturated red`);
    if (colour.durationMs < sequenceLimits.minDurationMs || colour.durationMs > sequenceLimits.maxDurationMs)
      throw new RangeError(`colour ${i} lasts ${colour.durationMs} ms, outside the safe range`);
  }
  if (maxChangesPerSecond(sequence) > 3) throw new RangeError("more than 3 colour changes per second");
}

/** Largest number of colour changes inside any 1-second window. */
export function maxChangesPerSecond(sequence: ReflectSequence): number {
  const changes: number[] = [];
  let t = 0;
  for (const colour of sequence.colours) {
    changes.push(t);
    t += colour.durationMs;
  }
  let best = 0;
  for (let i = 0; i < changes.length; i++) {
    let n = 0;
    for (let j = i; j < changes.length && changes[j]! - changes[i]! < 1000; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

export function sequenceDurationMs(sequence: ReflectSequence): number {
  return sequence.colours.reduce((sum, c) => sum + c.durationMs, 0);
}

/** What the page and the pure-API caller receive (JSON). The colours are not secret from the device showing them. */
export interface WireSequence {
  readonly SequenceId: string;
  readonly Colours: readonly { readonly Rgb: string; readonly DurationMs: number }[];
}

export function sequenceToWire(sequence: ReflectSequence): WireSequence {
  return {
    SequenceId: sequence.id,
    Colours: sequence.colours.map((c) => ({ Rgb: rgbToHex(c.rgb), DurationMs: c.durationMs })),
  };
}

export function sequenceFromWire(wire: WireSequence): ReflectSequence {
  const colours = wire.Colours.map((c, i) => {
    const rgb = hexToRgb(c.Rgb);
    if (!rgb) throw new RangeError(`colour ${i} is not #rrggbb`);
    return { rgb, durationMs: c.DurationMs };
  });
  const sequence = { id: wire.SequenceId, colours };
  assertSafeSequence(sequence);
  return sequence;
}
