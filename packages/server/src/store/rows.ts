import type {
  App,
  AttemptResult,
  Credential,
  Job,
  JobStatus,
  Session,
  SessionKind,
  SessionStatus,
  UsageRow,
} from "@openekyc/core";

/**
 * Row ⇄ domain mapping shared by the SQLite and PostgreSQL adapters. Both use the same snake_case column
 * names; they differ only in how JSON and 64-bit integers come back (SQLite: JSON text and numbers;
 * PostgreSQL: parsed JSONB and BIGINT as strings), which `Decode` absorbs.
 */
export type Row = Readonly<Record<string, unknown>>;

export interface Decode {
  /** JSON column → value (SQLite parses text, PostgreSQL's JSONB arrives parsed). */
  json(value: unknown): unknown;
}

/** BIGINT arrives as a string from `pg`; ms-since-epoch values fit a double exactly. */
export function int(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Column order of a new session row, and its values in that order: one list for both adapters' INSERTs. */
export const sessionInsertColumns = [
  "id",
  "token",
  "kind",
  "app_id",
  "status",
  "config",
  "redirect_url",
  "extra",
  "reference_image_key",
  "attempt_count",
  "retry_limit",
  "created_at",
  "start_deadline",
  "started_at",
  "finished_at",
  "expires_at",
  "result_code",
  "result_message",
] as const;

export function sessionInsertValues(s: Session): unknown[] {
  return [
    s.id,
    s.token,
    s.kind,
    s.appId,
    s.status,
    JSON.stringify(s.config),
    s.redirectUrl,
    s.extra,
    s.referenceImageKey,
    s.attemptCount,
    s.retryLimit,
    s.createdAt,
    s.startDeadline,
    s.startedAt,
    s.finishedAt,
    s.expiresAt,
    s.resultCode,
    s.resultMessage,
  ];
}

export function toApp(row: Row, decode: Decode): App {
  return {
    appId: String(row.app_id),
    name: String(row.name),
    disabled: Boolean(row.disabled),
    redirectHosts: decode.json(row.redirect_hosts) as string[],
    rateLimitPerSecond: int(row.rate_limit_per_second),
    createdAt: int(row.created_at),
  };
}

export function toCredential(row: Row): Credential {
  return {
    secretId: String(row.secret_id),
    appId: String(row.app_id),
    secretKeyCiphertext: String(row.secret_key_ciphertext),
    disabled: Boolean(row.disabled),
    createdAt: int(row.created_at),
  };
}

export function toSession(row: Row, decode: Decode): Session {
  return {
    id: String(row.id),
    token: String(row.token),
    kind: row.kind as SessionKind,
    appId: String(row.app_id),
    status: row.status as SessionStatus,
    config: decode.json(row.config) as Record<string, unknown>,
    redirectUrl: textOrNull(row.redirect_url),
    extra: textOrNull(row.extra),
    referenceImageKey: textOrNull(row.reference_image_key),
    attemptCount: int(row.attempt_count),
    retryLimit: int(row.retry_limit),
    createdAt: int(row.created_at),
    startDeadline: int(row.start_deadline),
    startedAt: intOrNull(row.started_at),
    finishedAt: intOrNull(row.finished_at),
    expiresAt: int(row.expires_at),
    resultCode: intOrNull(row.result_code),
    resultMessage: textOrNull(row.result_message),
  };
}

export function toAttemptResult(row: Row, decode: Decode): AttemptResult {
  return {
    seq: String(row.seq),
    reqTimestamp: int(row.req_timestamp),
    errorCode: int(row.error_code),
    errorMsg: String(row.error_msg),
    livenessErrorCode: intOrNull(row.liveness_error_code),
    livenessErrorMsg: textOrNull(row.liveness_error_msg),
    compareErrorCode: intOrNull(row.compare_error_code),
    compareErrorMsg: textOrNull(row.compare_error_msg),
    similarity: row.similarity === null || row.similarity === undefined ? null : Number(row.similarity),
    mode: textOrNull(row.mode),
    evidence: decode.json(row.evidence) as Record<string, string>,
    scores: decode.json(row.scores) as Record<string, number>,
    livenessInfoTags: decode.json(row.liveness_info_tags) as string[],
  };
}

export function toUsageRow(row: Row): UsageRow {
  return {
    appId: String(row.app_id),
    action: String(row.action),
    day: String(row.day),
    calls: int(row.calls),
    billed: int(row.billed),
  };
}

export function toJob(row: Row, decode: Decode): Job {
  return {
    id: String(row.id),
    name: String(row.name),
    payload: decode.json(row.payload) as Record<string, unknown>,
    status: row.status as JobStatus,
    runAt: int(row.run_at),
    attempts: int(row.attempts),
    maxAttempts: int(row.max_attempts),
    dedupeKey: textOrNull(row.dedupe_key),
    lockedBy: textOrNull(row.locked_by),
    lockedUntil: intOrNull(row.locked_until),
    lastError: textOrNull(row.last_error),
    createdAt: int(row.created_at),
    finishedAt: intOrNull(row.finished_at),
  };
}

/** Retry delays: base × 2^(attempt-1), capped. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000 };

/** Claims allowed per job unless the caller says otherwise. */
export const defaultMaxAttempts = 10;

/** A LIMIT both databases read the same way (SQLite takes a negative LIMIT as "no limit"). */
export function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/** UTC calendar day of an instant, YYYY-MM-DD (the usage bucket). */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Session patch fields that transitionSession may write, and their columns. */
export const sessionPatchColumns = {
  status: "status",
  startedAt: "started_at",
  finishedAt: "finished_at",
  resultCode: "result_code",
  resultMessage: "result_message",
} as const;

export type SessionPatchField = keyof typeof sessionPatchColumns;

/** The patch's fields that are set (undefined = leave as is; null = clear), in a stable order. */
export function patchFields(patch: Partial<Record<SessionPatchField, unknown>>): SessionPatchField[] {
  return (Object.keys(sessionPatchColumns) as SessionPatchField[]).filter((f) => patch[f] !== undefined);
}

/** Versioned schema change; applied once, in order, inside the migration lock. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
