import { randomUUID } from "node:crypto";
import {
  type AttemptResult,
  assertCanAttempt,
  attemptWindowMs,
  type BlobStore,
  type Clock,
  type DocumentResult,
  defaultOutcomeCodes,
  EkycError,
  isPurged,
  isTerminal,
  type NewSessionInput,
  newSession,
  type Session,
  type SessionOutcome,
  SessionStateViolation,
  type SessionStatus,
  type Store,
  webResultCodes,
  webResultMessage,
} from "@openekyc/core";

export interface CreateSessionInput
  extends Omit<NewSessionInput, "id" | "token" | "now" | "referenceImageKey"> {
  /** Reference photo to compare with; stored under the session's own blob prefix so purging removes it. */
  readonly reference?: { readonly data: Uint8Array; readonly contentType: string } | null;
}

/** Blob prefix of everything a session owns (reference, evidence): purge deletes it whole. */
export function sessionBlobPrefix(sessionId: string): string {
  return `sessions/${sessionId}/`;
}

/** Where the merchant's own reference photo (CompareImageBase64, CompareImage, …) is kept. */
export function merchantReferenceKey(sessionId: string): string {
  return `${sessionBlobPrefix(sessionId)}reference`;
}

const tokenPattern = /^[A-Za-z0-9-]{8,128}$/;
const open: readonly SessionStatus[] = ["created", "in_progress"];

/**
 * The session state machine for every flow (web BizToken, SDK SdkToken, legacy web token):
 * created → in_progress → passed | failed, or cancelled / timed_out / unsupported.
 * Every change goes through the Store's compare-and-set, so two browsers racing on one token see one winner.
 */
export class SessionService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #blobs: BlobStore;

  constructor(store: Store, clock: Clock, blobs: BlobStore) {
    this.#store = store;
    this.#clock = clock;
    this.#blobs = blobs;
  }

  async create(input: CreateSessionInput): Promise<Session> {
    const { reference, ...rest } = input;
    const id = randomUUID();
    let referenceImageKey: string | null = null;
    if (reference) {
      referenceImageKey = merchantReferenceKey(id);
      await this.#blobs.put(referenceImageKey, reference.data, reference.contentType);
    }
    const session = newSession({
      ...rest,
      referenceImageKey,
      id,
      token: randomUUID().toUpperCase(),
      now: this.#clock.now(),
    });
    await this.#store.createSession(session);
    return session;
  }

  /**
   * The session behind a token, for the page and SDK flows. Unknown → BizTokenIllegal; results purged
   * (older than 3 days) → BizTokenExpired. A session left past its start window or attempt window is
   * timed out here, lazily, so readers never see a stale "in progress".
   */
  async get(token: string): Promise<Session> {
    const session = tokenPattern.test(token) ? await this.#store.getSessionByToken(token) : null;
    if (!session) throw new EkycError("BIZ_TOKEN_ILLEGAL");
    const now = this.#clock.now();
    if (isPurged(session, now)) throw new EkycError("BIZ_TOKEN_EXPIRED");
    return this.#timeOutIfStale(session, now);
  }

  /** As `get`, for a merchant's API call: another app's token is as unknown as a made-up one. */
  async getForApp(token: string, appId: string): Promise<Session> {
    const session = await this.get(token);
    if (session.appId !== appId) throw new EkycError("BIZ_TOKEN_ILLEGAL");
    return session;
  }

  /**
   * Called by the page/SDK when the user begins an attempt: moves created → in_progress (within the start
   * window) and claims one attempt atomically. Throws SessionStateViolation with result code 14 (finished),
   * 15 (token expired) or 16 (retry limit).
   */
  async startAttempt(token: string): Promise<Session> {
    let session = await this.get(token);
    const now = this.#clock.now();
    // A token left past its start or attempt window was timed out by `get`: "token expired" (15), not 14.
    if (session.status === "timed_out") {
      throw new SessionStateViolation("expired", webResultMessage(15));
    }
    assertCanAttempt(session, now);
    if (session.status === "created") {
      const started = await this.#store.transitionSession(token, ["created"], {
        status: "in_progress",
        startedAt: now,
      });
      session = started ?? (await this.get(token));
      assertCanAttempt(session, now);
    }
    const claimed = await this.#store.claimAttempt(token);
    if (claimed) return claimed;
    assertCanAttempt(await this.get(token), now);
    throw new SessionStateViolation("retry_limit", webResultMessage(16));
  }

  /** Stores one attempt's outcome (VerificationDetail). The session must be in progress. */
  async recordAttemptResult(token: string, result: AttemptResult): Promise<void> {
    const session = await this.get(token);
    if (isTerminal(session.status)) {
      throw new SessionStateViolation("finished", webResultMessage(14));
    }
    if (session.status !== "in_progress") {
      throw new EkycError("INVALID_PARAMETER_VALUE", "No attempt has been started for this token.");
    }
    await this.#store.addAttemptResult(session.id, result);
  }

  /**
   * Ends the session, once. A pass needs a recorded attempt with ErrorCode 0: results only ever come from
   * real verification work. Throws code 14 when another caller finished it first.
   */
  async finish(token: string, outcome: SessionOutcome): Promise<Session> {
    const session = await this.get(token);
    if (isTerminal(session.status)) throw new SessionStateViolation("finished", webResultMessage(14));
    const resultCode = await this.#resultCodeFor(session, outcome);
    const finished = await this.#store.transitionSession(token, open, {
      status: outcome.status,
      finishedAt: this.#clock.now(),
      resultCode,
      resultMessage: outcome.resultMessage ?? webResultMessage(resultCode),
    });
    if (!finished) throw new SessionStateViolation("finished", webResultMessage(14));
    const billed = (webResultCodes as Record<number, { billed: boolean }>)[resultCode]?.billed ?? false;
    await this.#store.recordUsage({
      appId: session.appId,
      action: `session:${session.kind}`,
      billed,
      at: this.#clock.now(),
    });
    return finished;
  }

  /** Document OCR attempts, oldest first (read for finished sessions only, so the hot path never pays). */
  documents(session: Session): Promise<DocumentResult[]> {
    return this.#store.listDocumentResults(session.id);
  }

  /** The session's attempts, oldest first. An unstarted session has none, so no query is spent on it. */
  async attempts(session: Session): Promise<AttemptResult[]> {
    if (session.status === "created" && session.attemptCount === 0) return [];
    return this.#store.listAttemptResults(session.id);
  }

  async #resultCodeFor(session: Session, outcome: SessionOutcome): Promise<number> {
    if (outcome.status === "passed" || outcome.status === "failed") {
      const last = (await this.#store.listAttemptResults(session.id)).at(-1);
      if (outcome.status === "passed") {
        if (last?.errorCode !== 0 || (outcome.resultCode ?? 0) !== 0) {
          throw new EkycError(
            "INVALID_PARAMETER_VALUE",
            "A session can only pass after an attempt that passed (ErrorCode 0).",
          );
        }
        return 0;
      }
      const code = outcome.resultCode ?? last?.errorCode;
      if (code === undefined || code === 0) {
        throw new EkycError("INVALID_PARAMETER_VALUE", "A failed session needs a non-zero result code.");
      }
      return code;
    }
    return outcome.resultCode ?? defaultOutcomeCodes[outcome.status];
  }

  async #timeOutIfStale(session: Session, now: number): Promise<Session> {
    const stale =
      (session.status === "created" && now >= session.startDeadline) ||
      (session.status === "in_progress" && now >= (session.startedAt ?? session.createdAt) + attemptWindowMs);
    if (!stale) return session;
    const timedOut = await this.#store.transitionSession(session.token, [session.status], {
      status: "timed_out",
      finishedAt: now,
      resultCode: defaultOutcomeCodes.timed_out,
      resultMessage: webResultMessage(defaultOutcomeCodes.timed_out),
    });
    return timedOut ?? ((await this.#store.getSessionByToken(session.token)) as Session);
  }
}
