import { randomUUID } from "node:crypto";
import {
  type BlobStore,
  type Clock,
  type DocumentResult,
  documentEvidenceNames,
  EkycError,
  isTerminal,
  type Session,
  SessionStateViolation,
  type Store,
  webResultMessage,
} from "@openekyc/core";
import type { SessionService } from "../sessions.ts";
import { sessionBlobPrefix } from "../sessions.ts";
import { attachBack } from "./back-upload.ts";
import { finalizeDocument } from "./confirm-step.ts";
import { applyEdits } from "./edits.ts";
import { checkDocumentImage } from "./images.ts";
import { type DocumentPolicy, documentPolicyOf, requireDocumentPolicy } from "./policy.ts";
import { readDocument } from "./read-step.ts";
import { type CardReader, ReadQueue } from "./reader.ts";
import { unreadBack } from "./sides.ts";
import { type DocumentView, documentView } from "./views.ts";
import { createWorkerCardReader } from "./worker-reader.ts";

export interface DocumentServiceOptions {
  readonly reader?: CardReader;
  readonly queue?: ReadQueue;
  /** Document attempts per session (each front photo is one). */
  readonly maxAttempts?: number;
  /** Back photos per attempt (default 5): retakes beyond it must start again with the front. */
  readonly maxBackCaptures?: number;
  /** A read left "reading" this long (its process died) is run again by the next reader. */
  readonly readLeaseMs?: number;
}

export interface DocumentStep {
  readonly idCardType: string;
  readonly checkMode: 1 | 4;
  readonly sides: readonly ("front" | "back")[];
  readonly allowEdit: boolean;
  readonly attemptsLeft: number;
  readonly current: DocumentView | null;
  /** A confirmed attempt passed: CheckMode 1 goes on to liveness, CheckMode 4 is finished. */
  readonly passed: boolean;
  readonly sessionStatus: Session["status"];
  /** Web flow: where the browser goes when the verification is over (RedirectURL?token=…). */
  readonly redirectUrl: string | null;
}

export interface ConfirmOutcome extends DocumentView {
  /** What the page does next: the liveness step, the result page, or another photo. */
  readonly next: "liveness" | "finished" | "retry";
}

export type DocumentSide = "front" | "back";

/**
 * The document step of CheckMode 1 and 4 (web) and of the SDK's CheckMode 1: photos in, fields read off the
 * request path, the user's confirmation (with edits) applied, the merchant's warning and expiry policy
 * decided, and — for CheckMode 1 — the document portrait handed to liveness as the reference.
 */
export class DocumentService {
  readonly #store: Store;
  readonly #blobs: BlobStore;
  readonly #clock: Clock;
  readonly #sessions: SessionService;
  readonly #reader: CardReader;
  readonly #queue: ReadQueue;
  readonly #maxAttempts: number;
  readonly #maxBackCaptures: number;
  readonly #leaseMs: number;
  /** Reads running in this process, by attempt id. */
  readonly #inFlight = new Map<string, Promise<void>>();

  constructor(
    store: Store,
    blobs: BlobStore,
    clock: Clock,
    sessions: SessionService,
    options: DocumentServiceOptions = {},
  ) {
    this.#store = store;
    this.#blobs = blobs;
    this.#clock = clock;
    this.#sessions = sessions;
    this.#reader = options.reader ?? sharedWorkerReader();
    this.#queue = options.queue ?? new ReadQueue(1);
    this.#maxAttempts = options.maxAttempts ?? 10;
    this.#maxBackCaptures = options.maxBackCaptures ?? 5;
    this.#leaseMs = options.readLeaseMs ?? 5 * 60_000;
  }

  /** The step's settings and the latest attempt, for the page (re)opening on a token. */
  async step(token: string): Promise<DocumentStep> {
    const session = await this.#sessions.get(token);
    const policy = requireDocumentPolicy(session);
    const results = await this.#store.listDocumentResults(session.id);
    const last = results.at(-1);
    const current = last ? documentView(await this.#resumeIfStale(last, policy), policy) : null;
    return {
      idCardType: policy.idCardType,
      checkMode: policy.checkMode,
      sides: policy.sides,
      allowEdit: policy.allowEdit,
      attemptsLeft: Math.max(0, this.#maxAttempts - results.length),
      current,
      passed: results.some((result) => result.status === "confirmed" && result.isPass),
      sessionStatus: session.status,
      redirectUrl: redirectWithToken(session),
    };
  }

  /**
   * Stores one side's photo. A front photo starts a new attempt and its read (in the background); a back
   * photo completes the latest unconfirmed attempt. Starts the session (created → in_progress) if needed.
   */
  async upload(token: string, side: DocumentSide, data: Uint8Array): Promise<DocumentView> {
    const { session, policy } = await this.#openSession(token);
    if (side === "back" && !policy.sides.includes("back")) {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${policy.idCardType} has no back side to capture.`);
    }
    const image = await checkDocumentImage(data, side === "front" ? "Front image" : "Back image");
    const results = await this.#store.listDocumentResults(session.id);
    if (results.some((result) => result.status === "confirmed" && result.isPass)) {
      throw new SessionStateViolation("finished", "The document step has already been completed.");
    }
    const now = this.#clock.now();
    if (side === "back") {
      const { result, startRead } = await attachBack(
        { store: this.#store, blobs: this.#blobs, now, maxBackCaptures: this.#maxBackCaptures },
        results.at(-1),
        this.#prefix(session, results.at(-1)?.id ?? ""),
        image,
      );
      if (startRead) this.#startRead(result, policy);
      return documentView(result, policy);
    }
    if (results.length >= this.#maxAttempts) {
      throw new SessionStateViolation("retry_limit", webResultMessage(16));
    }
    const id = randomUUID();
    const key = `${this.#prefix(session, id)}front`;
    await this.#blobs.put(key, image.data, image.contentType);
    const result: DocumentResult = {
      id,
      sessionId: session.id,
      status: "reading",
      idCardType: policy.idCardType,
      createdAt: now,
      updatedAt: now,
      normalCardInfo: null,
      cardInfo: null,
      warnings: [],
      blockingWarnings: [],
      expired: false,
      fieldsValid: false,
      isPass: false,
      isEdit: false,
      editDetails: [],
      evidence: { [documentEvidenceNames.front]: key },
      failure: null,
    };
    await this.#store.addDocumentResult(result);
    this.#startRead(result, policy);
    return documentView(result, policy);
  }

  /** One attempt as the page sees it; `waitMs` > 0 waits (at most that long) for a running read. */
  async view(token: string, id: string, waitMs = 0): Promise<DocumentView> {
    const { session, policy } = await this.#sessionAndPolicy(token);
    let result = await this.#attempt(session, id);
    result = await this.#resumeIfStale(result, policy);
    // Long-poll: wake when this process's read ends, or re-check the store every half second when another
    // process is reading it (several servers behind one database).
    const deadline = Date.now() + waitMs;
    while (result.status === "reading" && Date.now() < deadline) {
      const running = this.#inFlight.get(id);
      const pause = running ? deadline - Date.now() : Math.min(500, deadline - Date.now());
      const timer = new Promise((resolve) => setTimeout(resolve, pause).unref());
      await (running ? Promise.race([running, timer]) : timer);
      result = await this.#attempt(session, id);
    }
    return documentView(result, policy);
  }

  /** Resolves once the attempt's read in this process is over (tests, long-polls). */
  async settled(id: string): Promise<void> {
    await this.#inFlight.get(id);
  }

  /**
   * The user confirms what was read (with corrections unless DisableChangeOcrResult). Final for the attempt:
   * the policy decides IsPass; CheckMode 4 then finishes the session, CheckMode 1 moves on to liveness.
   */
  async confirm(
    token: string,
    id: string,
    edits: Readonly<Record<string, unknown>>,
  ): Promise<ConfirmOutcome> {
    const { session, policy } = await this.#sessionAndPolicy(token);
    if (isTerminal(session.status)) throw new SessionStateViolation("finished", webResultMessage(14));
    const result = await this.#attempt(session, id);
    if (result.status === "reading")
      throw new EkycError("INVALID_PARAMETER_VALUE", "The document is still being read.");
    if (result.status !== "read") {
      throw new EkycError("INVALID_PARAMETER_VALUE", "This document attempt can no longer be confirmed.");
    }
    if (policy.sides.includes("back") && !result.evidence.back) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "Capture the back side before confirming.");
    }
    if (unreadBack(result, policy)) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "The back side is still being read.");
    }
    const applied = applyEdits(result.normalCardInfo ?? {}, edits, policy.allowEdit);
    const confirmed = await finalizeDocument(
      { blobs: this.#blobs, clock: this.#clock, prefix: this.#prefix(session, id) },
      result,
      applied,
      policy,
      policy.checkMode === 1 && !session.referenceImageKey,
    );
    if (!(await this.#store.updateDocumentResult(confirmed, ["read"]))) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "This document attempt can no longer be confirmed.");
    }
    const attempts = (await this.#store.listDocumentResults(session.id)).length;
    const next = await this.#afterConfirm(token, confirmed, policy, attempts);
    return { ...documentView(confirmed, policy), next };
  }

  /** Confirmed document attempts of a session, oldest first (the result actions map them). */
  async results(session: Session): Promise<DocumentResult[]> {
    return (await this.#store.listDocumentResults(session.id)).filter(
      (result) => result.status === "confirmed",
    );
  }

  /**
   * The reference photo for the liveness compare: the merchant's CompareImageBase64 when given, else (CheckMode
   * 1) the portrait cut from the last passed document. Null when there is none yet.
   */
  async referenceImageKey(session: Session): Promise<string | null> {
    if (session.referenceImageKey) return session.referenceImageKey;
    const policy = requireDocumentPolicy(session);
    if (policy.checkMode !== 1) return null;
    const passed = (await this.results(session)).filter((result) => result.isPass).at(-1);
    return passed?.evidence[documentEvidenceNames.head] ?? null;
  }

  /**
   * For the liveness step: refuses to start a face attempt while a session that needs a document (CheckMode 1)
   * has none that passed, so the document step cannot be skipped by calling the face API directly.
   */
  async assertReadyForLiveness(session: Session): Promise<void> {
    const policy = documentPolicyOf(session);
    if (!policy) return;
    if (policy.checkMode === 4) {
      throw new EkycError("UNSUPPORTED_OPERATION", "This verification is document only (CheckMode 4).");
    }
    const passed = (await this.results(session)).some((result) => result.isPass);
    if (!passed) throw new EkycError("UNSUPPORTED_OPERATION", "Complete the document step first.");
  }

  async #afterConfirm(
    token: string,
    confirmed: DocumentResult,
    policy: DocumentPolicy,
    attempts: number,
  ): Promise<ConfirmOutcome["next"]> {
    if (confirmed.isPass && policy.checkMode === 1) {
      // No CompareImageBase64: the card portrait becomes the reference the liveness step compares with.
      const head = confirmed.evidence[documentEvidenceNames.head];
      if (head) await this.#store.setSessionReference(token, head);
      return "liveness";
    }
    if (confirmed.isPass) {
      // OCR only: the document is the whole verification, recorded as the session's one attempt.
      await this.#sessions.startAttempt(token);
      await this.#sessions.recordAttemptResult(token, {
        seq: confirmed.id,
        reqTimestamp: confirmed.updatedAt,
        errorCode: 0,
        errorMsg: webResultMessage(0),
        livenessErrorCode: null,
        livenessErrorMsg: null,
        compareErrorCode: null,
        compareErrorMsg: null,
        similarity: null,
        mode: "document",
        evidence: {},
        scores: {},
        livenessInfoTags: [],
      });
      await this.#sessions.finish(token, { status: "passed" });
      return "finished";
    }
    if (attempts < this.#maxAttempts) return "retry";
    await this.#sessions.finish(token, { status: "failed", resultCode: 16 });
    return "finished";
  }

  #startRead(result: DocumentResult, policy: DocumentPolicy): void {
    const done = this.#queue
      .run(() =>
        readDocument(
          { store: this.#store, blobs: this.#blobs, clock: this.#clock, reader: this.#reader },
          result,
          policy,
        ),
      )
      .finally(() => this.#inFlight.delete(result.id));
    this.#inFlight.set(result.id, done);
  }

  async #resumeIfStale(result: DocumentResult, policy: DocumentPolicy): Promise<DocumentResult> {
    const stale = result.status === "reading" && this.#clock.now() - result.updatedAt > this.#leaseMs;
    if (!stale || this.#inFlight.has(result.id)) return result;
    const renewed = { ...result, updatedAt: this.#clock.now() };
    if (await this.#store.updateDocumentResult(renewed, ["reading"])) this.#startRead(renewed, policy);
    return renewed;
  }

  async #openSession(token: string): Promise<{ session: Session; policy: DocumentPolicy }> {
    let { session, policy } = await this.#sessionAndPolicy(token);
    if (session.status === "timed_out" && session.startedAt === null) {
      throw new SessionStateViolation("expired", webResultMessage(15));
    }
    if (isTerminal(session.status)) throw new SessionStateViolation("finished", webResultMessage(14));
    if (session.status === "created") {
      const now = this.#clock.now();
      const started = await this.#store.transitionSession(token, ["created"], {
        status: "in_progress",
        startedAt: now,
      });
      session = started ?? (await this.#sessions.get(token));
      if (isTerminal(session.status)) throw new SessionStateViolation("finished", webResultMessage(14));
    }
    return { session, policy };
  }

  async #sessionAndPolicy(token: string): Promise<{ session: Session; policy: DocumentPolicy }> {
    const session = await this.#sessions.get(token);
    return { session, policy: requireDocumentPolicy(session) };
  }

  async #attempt(session: Session, id: string): Promise<DocumentResult> {
    const result = /^[0-9a-f-]{36}$/.test(id) ? await this.#store.getDocumentResult(id) : null;
    if (!result || result.sessionId !== session.id) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "No such document attempt for this token.");
    }
    return result;
  }

  #prefix(session: Session, id: string): string {
    return `${sessionBlobPrefix(session.id)}documents/${id}/`;
  }
}

function redirectWithToken(session: Session): string | null {
  if (!session.redirectUrl) return null;
  const url = new URL(session.redirectUrl);
  url.searchParams.set("token", session.token);
  return url.href;
}

let workerReader: CardReader | null = null;

/** One reader worker per process, shared by every DocumentService: the OCR models load once. */
function sharedWorkerReader(): CardReader {
  workerReader ??= createWorkerCardReader();
  return workerReader;
}
