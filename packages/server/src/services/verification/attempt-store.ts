import { type BlobStore, EkycError } from "@openekyc/core";
import {
  type MotionAction,
  type ReflectSequence,
  sequenceFromWire,
  sequenceToWire,
  type WireSequence,
} from "@openekyc/engine";
import { sessionBlobPrefix } from "../sessions.ts";

/** `action-reflection`: SecurityLevel 4/5, the actions then the colours in one capture. */
export type AttemptMode = "reflection" | "action" | "action-reflection" | "silent" | "video";

/** What the server remembers about an open attempt: the secret sequence, when it began, how it is done. */
export interface OpenAttempt {
  readonly seq: string;
  readonly mode: AttemptMode;
  readonly startedAt: number;
  readonly sequence: ReflectSequence | null;
  /** The actions asked for, in the order prompted (empty when the mode has none). */
  readonly actions: readonly MotionAction[];
}

interface StoredAttempt {
  readonly seq: string;
  readonly mode: AttemptMode;
  readonly startedAt: number;
  readonly sequence: WireSequence | null;
  /** Absent in attempts stored before actions were drawn per attempt. */
  readonly actions?: readonly MotionAction[];
  readonly closed?: boolean;
}

export function attemptPrefix(sessionId: string, seq: string): string {
  return `${sessionBlobPrefix(sessionId)}attempts/${seq}/`;
}

/** Open attempts live in the BlobStore, under the session's prefix, so every server process sees them. */
export class AttemptStore {
  readonly #blobs: BlobStore;
  constructor(blobs: BlobStore) {
    this.#blobs = blobs;
  }

  async open(sessionId: string, attempt: OpenAttempt): Promise<void> {
    const stored: StoredAttempt = {
      seq: attempt.seq,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      sequence: attempt.sequence ? sequenceToWire(attempt.sequence) : null,
      actions: attempt.actions,
    };
    await this.#put(sessionId, stored);
  }

  /** The open attempt `seq`; throws when unknown or already answered (a capture is judged once). */
  async claim(sessionId: string, seq: string): Promise<OpenAttempt> {
    const blob = /^[0-9a-f-]{36}$/.test(seq)
      ? await this.#blobs.get(`${attemptPrefix(sessionId, seq)}attempt.json`)
      : null;
    if (!blob) throw new EkycError("INVALID_PARAMETER_VALUE", "Unknown attempt.");
    const stored = JSON.parse(new TextDecoder().decode(blob.data)) as StoredAttempt;
    if (stored.closed)
      throw new EkycError("INVALID_PARAMETER_VALUE", "This attempt has already been submitted.");
    await this.#put(sessionId, { ...stored, closed: true });
    return {
      seq: stored.seq,
      mode: stored.mode,
      startedAt: stored.startedAt,
      sequence: stored.sequence ? sequenceFromWire(stored.sequence) : null,
      actions: stored.actions ?? [],
    };
  }

  async #put(sessionId: string, stored: StoredAttempt): Promise<void> {
    const key = `${attemptPrefix(sessionId, stored.seq)}attempt.json`;
    await this.#blobs.put(key, new TextEncoder().encode(JSON.stringify(stored)), "application/json");
  }
}
