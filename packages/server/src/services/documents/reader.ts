import type { ParsedBack } from "@openekyc/documents";

/** What the document step needs from one read of a card front. */
export interface CardRead {
  readonly normalCardInfo: Record<string, unknown>;
  readonly cardInfo: Record<string, unknown>;
  readonly warnings: readonly number[];
  readonly fieldsValid: boolean;
  readonly checks: Readonly<Record<string, boolean>>;
  /** Portrait cut from the card, JPEG. */
  readonly headImage: Uint8Array | null;
  /** The upright card, JPEG. */
  readonly cutImage: Uint8Array | null;
}

/** What the document step needs from one read of a card back. */
export interface CardBackRead {
  /** What the back prints (fields, number, checks); null when the type's back is only stored and cut. */
  readonly back: ParsedBack | null;
  readonly warnings: readonly number[];
  /** The upright back, JPEG (CardBackCutImageBase64). */
  readonly cutImage: Uint8Array | null;
}

/** Reads a front when called; `back` reads a back. Both throw EkycError for expected input failures. */
export interface CardReader {
  (image: Uint8Array, idCardType: string): Promise<CardRead>;
  back(image: Uint8Array, idCardType: string): Promise<CardBackRead>;
}

/** The real documents engine (PP-OCR ONNX models, loaded once per process on first use). */
export const engineCardReader: CardReader = Object.assign(
  async (image: Uint8Array, idCardType: string): Promise<CardRead> => {
    // Loaded on first read: the API server alone never pays for the ONNX runtime.
    const { defaultOcrEngine, readCard } = await import("@openekyc/documents");
    const reading = await readCard(image, idCardType, { engine: await defaultOcrEngine() });
    return {
      normalCardInfo: reading.normalCardInfo as Record<string, unknown>,
      cardInfo: reading.cardInfo as Record<string, unknown>,
      warnings: reading.warnings,
      fieldsValid: reading.fieldsValid,
      checks: reading.checks,
      headImage: reading.headImage ?? null,
      cutImage: reading.cutImage ?? null,
    };
  },
  {
    back: async (image: Uint8Array, idCardType: string): Promise<CardBackRead> => {
      const { defaultOcrEngine, readCardBack } = await import("@openekyc/documents");
      const reading = await readCardBack(image, idCardType, { engine: await defaultOcrEngine() });
      return { back: reading.back, warnings: reading.warnings, cutImage: reading.cutImage ?? null };
    },
  },
);

/**
 * Runs reads one (or `concurrency`) at a time, off the request path: a read takes seconds and the ONNX
 * sessions already use every core, so more in parallel only adds memory. Queued reads are just promises;
 * a process that dies loses them, and the service re-runs any read left "reading" past its lease.
 */
export class ReadQueue {
  readonly #concurrency: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(concurrency = 1) {
    this.#concurrency = concurrency;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) await new Promise<void>((go) => this.#waiting.push(go));
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  get pending(): number {
    return this.#running + this.#waiting.length;
  }
}
