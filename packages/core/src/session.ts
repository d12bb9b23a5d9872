import { EkycError } from "./errors.ts";

/**
 * One domain model for every verification flow. A session is created by an "Apply…"/"Get…Token" action,
 * started by the hosted page or an SDK, gets attempts, and ends in exactly one terminal state.
 */
export type SessionKind =
  | "web-intl" // ApplyWebVerificationBizTokenIntl (BizToken)
  | "web-legacy" // ApplyWebVerificationToken (BizToken, 7200 s)
  | "sdk-ekyc" // ApplySdkVerificationToken (SdkToken)
  | "sdk-faceid" // GetFaceIdTokenIntl (SdkToken)
  | "sdk-liveness" // ApplyLivenessToken (SdkToken)
  | "lite"; // FaceID Lite get_token (biz token)

export type SessionStatus =
  | "created" // token issued, not started
  | "in_progress" // the page or SDK opened it
  | "passed"
  | "failed"
  | "cancelled"
  | "timed_out"
  | "unsupported"; // browser can do neither real-time camera nor video recording

export const terminalStatuses: readonly SessionStatus[] = [
  "passed",
  "failed",
  "cancelled",
  "timed_out",
  "unsupported",
];

export function isTerminal(status: SessionStatus): boolean {
  return terminalStatuses.includes(status);
}

/** Start windows, in milliseconds, from the reference: 10 min for BizToken/SdkToken, 7200 s legacy. */
export const startWindowMs: Record<SessionKind, number> = {
  "web-intl": 10 * 60_000,
  "web-legacy": 7_200_000,
  "sdk-ekyc": 10 * 60_000,
  "sdk-faceid": 10 * 60_000,
  "sdk-liveness": 10 * 60_000,
  lite: 10 * 60_000,
};

/** Results (and media) are readable for 3 days, then purged. */
export const resultRetentionMs = 3 * 24 * 3_600_000;

/** Result of one liveness / compare attempt (VerificationDetail on the wire). */
export interface AttemptResult {
  readonly seq: string;
  readonly reqTimestamp: number;
  readonly errorCode: number;
  readonly errorMsg: string;
  readonly livenessErrorCode: number | null;
  readonly livenessErrorMsg: string | null;
  readonly compareErrorCode: number | null;
  readonly compareErrorMsg: string | null;
  readonly similarity: number | null;
  /** How the liveness was done: reflection, action, silent, or video (downgraded). */
  readonly mode: string | null;
  /** Blob keys of the evidence (best frame, video, capture package) and per-signal scores. */
  readonly evidence: Readonly<Record<string, string>>;
  readonly scores: Readonly<Record<string, number>>;
  readonly livenessInfoTags: readonly string[];
}

export interface Session {
  readonly id: string;
  /** BizToken / SdkToken: opaque, unguessable. */
  readonly token: string;
  readonly kind: SessionKind;
  readonly appId: string;
  readonly status: SessionStatus;
  /** The action-specific request options (Config, CheckMode, SecurityLevel, ActionList, …), validated. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly redirectUrl: string | null;
  readonly extra: string | null;
  /** BlobStore key of the reference photo, if any. */
  readonly referenceImageKey: string | null;
  readonly attemptCount: number;
  readonly retryLimit: number;
  readonly createdAt: number;
  /** The page/SDK must start before this instant. */
  readonly startDeadline: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** Results and media are purged after this instant. */
  readonly expiresAt: number;
  /** Final result code (web table) once terminal; null while not finished. */
  readonly resultCode: number | null;
  readonly resultMessage: string | null;
}

export interface NewSessionInput {
  readonly id: string;
  readonly token: string;
  readonly kind: SessionKind;
  readonly appId: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly redirectUrl: string | null;
  readonly extra: string | null;
  readonly referenceImageKey: string | null;
  readonly retryLimit: number;
  readonly now: number;
}

export function newSession(input: NewSessionInput): Session {
  return {
    id: input.id,
    token: input.token,
    kind: input.kind,
    appId: input.appId,
    status: "created",
    config: input.config,
    redirectUrl: input.redirectUrl,
    extra: input.extra,
    referenceImageKey: input.referenceImageKey,
    attemptCount: 0,
    retryLimit: input.retryLimit,
    createdAt: input.now,
    startDeadline: input.now + startWindowMs[input.kind],
    startedAt: null,
    finishedAt: null,
    expiresAt: input.now + resultRetentionMs,
    resultCode: null,
    resultMessage: null,
  };
}

/** Session-state failures, with the seeds' web result codes (14, 15, 16, 17). */
export type SessionStateError = "finished" | "expired" | "retry_limit" | "not_finished";

export const sessionStateCodes: Record<SessionStateError, number> = {
  finished: 14,
  expired: 15,
  retry_limit: 16,
  not_finished: 17,
};

export class SessionStateViolation extends EkycError {
  readonly state: SessionStateError;
  readonly resultCode: number;
  constructor(state: SessionStateError, message: string) {
    super(state === "expired" ? "BIZ_TOKEN_EXPIRED" : "INVALID_PARAMETER_VALUE", message);
    this.state = state;
    this.resultCode = sessionStateCodes[state];
  }
}

/** Whether the token is readable at all (results purged after 3 days). */
export function isPurged(session: Session, now: number): boolean {
  return now >= session.expiresAt;
}

/** Checks that the page/SDK may (re)start an attempt now. Pure: the Store applies it atomically. */
export function assertCanAttempt(session: Session, now: number): void {
  // A session that failed because its attempts ran out answers "retry limit" (16), not merely "completed" (14).
  if (session.status === "failed" && session.attemptCount >= session.retryLimit)
    throw new SessionStateViolation("retry_limit", "Retry limit has been reached");
  if (isTerminal(session.status))
    throw new SessionStateViolation("finished", "Verification has been completed");
  if (session.status === "created" && now >= session.startDeadline)
    throw new SessionStateViolation("expired", "Token expired");
  if (session.attemptCount >= session.retryLimit)
    throw new SessionStateViolation("retry_limit", "Retry limit has been reached");
}

/** Names of `AttemptResult.evidence` entries that the result actions read (values are BlobStore keys). */
export const evidenceNames = {
  /** Best face frame, JPEG. */
  bestFrame: "bestFrame",
  /** Liveness video (reflection-lit or recorded). */
  video: "video",
  /** Video of the requested actions (blink, nod, …). */
  actionVideo: "actionVideo",
  /** Raw capture package of the liveness algorithm. */
  liveData: "liveData",
} as const;

/** An in-progress session not finished this long after it started is timed out (the user left the page). */
export const attemptWindowMs = 60 * 60_000;

export type FinishStatus = Exclude<SessionStatus, "created" | "in_progress">;

/** How a session ends. passed/failed come from real attempt results; the others from the page or a timer. */
export interface SessionOutcome {
  readonly status: FinishStatus;
  /** Web result code; defaults: passed 0, failed = last attempt's code, timed_out 15, cancelled/unsupported 17. */
  readonly resultCode?: number;
  readonly resultMessage?: string;
}

export const defaultOutcomeCodes: Readonly<Record<"timed_out" | "cancelled" | "unsupported", number>> = {
  timed_out: 15,
  cancelled: 17,
  unsupported: 17,
};
