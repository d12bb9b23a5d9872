import type { App, Credential } from "./app.ts";
import type { DocumentResult, DocumentResultStatus } from "./documents.ts";
import type { AttemptResult, Session, SessionStatus } from "./session.ts";

/**
 * Persistence port. Two adapters (SQLite default, PostgreSQL at scale) pass one conformance suite.
 * Every method that changes session state is atomic: two processes racing on one token see exactly one winner.
 */
export interface Store {
  /** Creates or upgrades the schema; idempotent, safe when several processes start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createApp(app: App): Promise<void>;
  getApp(appId: string): Promise<App | null>;
  listApps(): Promise<App[]>;
  updateApp(
    appId: string,
    patch: Partial<Pick<App, "name" | "disabled" | "redirectHosts" | "rateLimitPerSecond">>,
  ): Promise<App | null>;

  addCredential(credential: Credential): Promise<void>;
  getCredential(secretId: string): Promise<Credential | null>;
  listCredentials(appId: string): Promise<Credential[]>;
  disableCredential(secretId: string): Promise<boolean>;

  createSession(session: Session): Promise<void>;
  getSessionByToken(token: string): Promise<Session | null>;
  getSessionById(id: string): Promise<Session | null>;
  /** Sessions of one app, newest first, for the console. */
  listSessions(appId: string | null, options: { limit: number; before?: number }): Promise<Session[]>;

  /**
   * Compare-and-set on status: applies `patch` only when the session's status is one of `from`.
   * Returns the updated session, or null when the status did not match (someone else won the race).
   */
  transitionSession(
    token: string,
    from: readonly SessionStatus[],
    patch: Partial<Pick<Session, "status" | "startedAt" | "finishedAt" | "resultCode" | "resultMessage">>,
  ): Promise<Session | null>;

  /**
   * Atomically counts one more attempt if the session is not terminal and `attemptCount < retryLimit`.
   * Returns the session after the increment, or null when the limit was reached or it is terminal.
   */
  claimAttempt(token: string): Promise<Session | null>;

  addAttemptResult(sessionId: string, result: AttemptResult): Promise<void>;
  listAttemptResults(sessionId: string): Promise<AttemptResult[]>;

  /**
   * Makes `key` the session's reference photo and turns comparison on (CheckMode 1: the document portrait
   * when the merchant gave no CompareImageBase64). Only while the session is in progress and has no reference
   * yet; returns the updated session, or null when that did not hold.
   */
  setSessionReference(token: string, key: string): Promise<Session | null>;

  /** Stores a new document OCR attempt (CardVerifyResult); ids are unique. */
  addDocumentResult(result: DocumentResult): Promise<void>;
  /**
   * Compare-and-set on status: replaces the record with `next` (same id and session) only while its status
   * is one of `from` — and, when `unchanged` is given, only while the stored record still equals it (a write
   * in between, e.g. a retaken back photo during a read, makes it false). False when it was not (another
   * reader or the user got there first).
   */
  updateDocumentResult(
    next: DocumentResult,
    from: readonly DocumentResultStatus[],
    unchanged?: DocumentResult,
  ): Promise<boolean>;
  getDocumentResult(id: string): Promise<DocumentResult | null>;
  /** Document attempts of a session, oldest first. */
  listDocumentResults(sessionId: string): Promise<DocumentResult[]>;

  /** Sessions whose retention ended before `now` (media to purge). */
  listExpiredSessions(now: number, limit: number): Promise<Session[]>;
  /** Marks media purged: drops evidence keys from attempts and document results, and the reference key. */
  markPurged(sessionId: string): Promise<void>;

  /** Usage/billing counts: one row per (app, action, day, billed). */
  recordUsage(entry: UsageEntry): Promise<void>;
  usageSummary(appId: string | null, fromDay: string, toDay: string): Promise<UsageRow[]>;
}

export interface UsageEntry {
  readonly appId: string;
  readonly action: string;
  readonly billed: boolean;
  readonly at: number;
}

export interface UsageRow {
  readonly appId: string;
  readonly action: string;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly calls: number;
  readonly billed: number;
}

/** Binary objects: reference photos, uploads, evidence. Filesystem by default, S3-compatible at scale. */
export interface BlobStore {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** null when absent. */
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
  head(key: string): Promise<{ size: number; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** Deletes every object under the prefix. */
  deletePrefix(prefix: string): Promise<void>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Lifecycle of a queued job. `dead`: out of attempts, kept for inspection. */
export type JobStatus = "queued" | "running" | "done" | "dead";

export interface Job {
  readonly id: string;
  readonly name: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly status: JobStatus;
  /** Not claimable before this instant (ms since epoch). */
  readonly runAt: number;
  /** Claims so far, including the current one. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly dedupeKey: string | null;
  readonly lockedBy: string | null;
  /** While running: the lease end; after it another worker may claim the job again. */
  readonly lockedUntil: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

export interface EnqueueOptions {
  /** Claims allowed before the job is dead (default 10). */
  readonly maxAttempts?: number;
  /** Enqueue once: a second job with the same name and key is not added, the first one's id is returned. */
  readonly dedupeKey?: string;
}

/**
 * Durable job queue (callbacks, purges) in the same database as the Store; one conformance suite.
 * Delivery is at-least-once: a job whose worker dies is claimed again when its lease ends, so handlers
 * must be idempotent. Every method is atomic across processes: one job is leased to one worker at a time.
 */
export interface JobQueue {
  /** Stores the job; returns its id (the existing job's id when `dedupeKey` was used before). */
  enqueue(
    name: string,
    payload: Readonly<Record<string, unknown>>,
    runAt: number,
    options?: EnqueueOptions,
  ): Promise<string>;
  /**
   * Leases up to `limit` (default 1) due jobs with one of `names` to `workerId` for `leaseMs`, oldest
   * `runAt` first, counting an attempt each. A running job whose lease ended is due again; one that ended
   * on its last attempt becomes dead instead.
   */
  claim(names: readonly string[], workerId: string, leaseMs: number, limit?: number): Promise<Job[]>;
  /** Extends the lease of a long job; false when `workerId` no longer holds it. */
  extendLease(jobId: string, workerId: string, leaseMs: number): Promise<boolean>;
  /** Marks the job done; false when `workerId` no longer holds it (the lease was lost to another worker). */
  complete(jobId: string, workerId: string): Promise<boolean>;
  /**
   * Records a failure and releases the job: queued again at `retryAt` (default: exponential backoff from
   * the adapter's settings) while attempts remain, else dead. False when `workerId` no longer holds it.
   */
  fail(jobId: string, workerId: string, error: string, retryAt?: number): Promise<boolean>;
  get(jobId: string): Promise<Job | null>;
  close(): Promise<void>;
}
