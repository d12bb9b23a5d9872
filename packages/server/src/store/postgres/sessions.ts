import {
  type AttemptResult,
  type Session,
  type SessionStatus,
  type Store,
  terminalStatuses,
} from "@openekyc/core";
import {
  patchFields,
  type Row,
  rowLimit,
  sessionInsertColumns,
  sessionInsertValues,
  sessionPatchColumns,
  toAttemptResult,
  toSession,
} from "../rows.ts";
import { purgeDocumentEvidenceSql } from "./documents.ts";
import { type PostgresConnection, postgresDecode } from "./pool.ts";

const insertSessionSql = `INSERT INTO sessions (${sessionInsertColumns.join(", ")})
  VALUES (${sessionInsertColumns.map((_, i) => `$${i + 1}`).join(", ")})`;

type SessionPatch = Parameters<Store["transitionSession"]>[2];

/**
 * Session and attempt operations. State changes are single `UPDATE … WHERE <guard> RETURNING *`
 * statements: under READ COMMITTED a second writer on the same row waits for the first, then re-checks
 * the guard against the committed row, so exactly one racer wins.
 */
export function postgresSessions(conn: PostgresConnection) {
  const { query } = conn;
  const session = (rows: Row[]) => (rows[0] ? toSession(rows[0], postgresDecode) : null);
  const sessions = (rows: Row[]) => rows.map((row) => toSession(row, postgresDecode));

  return {
    async createSession(s: Session): Promise<void> {
      await query("sessions.create", insertSessionSql, sessionInsertValues(s));
    },

    async getSessionByToken(token: string): Promise<Session | null> {
      return session(
        (await query("sessions.byToken", "SELECT * FROM sessions WHERE token = $1", [token])).rows,
      );
    },

    async getSessionById(id: string): Promise<Session | null> {
      return session((await query("sessions.byId", "SELECT * FROM sessions WHERE id = $1", [id])).rows);
    },

    async listSessions(
      appId: string | null,
      options: { limit: number; before?: number },
    ): Promise<Session[]> {
      // Two statements, not "($1 IS NULL OR app_id = $1)": a cached generic plan for that could not use the index.
      const before = options.before ?? Number.MAX_SAFE_INTEGER;
      const { rows } =
        appId === null
          ? await query(
              "sessions.listAll",
              "SELECT * FROM sessions WHERE created_at < $1 ORDER BY created_at DESC, id DESC LIMIT $2",
              [before, rowLimit(options.limit)],
            )
          : await query(
              "sessions.listByApp",
              `SELECT * FROM sessions WHERE app_id = $1 AND created_at < $2
               ORDER BY created_at DESC, id DESC LIMIT $3`,
              [appId, before, rowLimit(options.limit)],
            );
      return sessions(rows);
    },

    async transitionSession(
      token: string,
      from: readonly SessionStatus[],
      patch: SessionPatch,
    ): Promise<Session | null> {
      const fields = patchFields(patch);
      // An empty patch still answers "is it in one of `from`?" through the same compare-and-set.
      const assignments = fields.length
        ? fields.map((f, i) => `${sessionPatchColumns[f]} = $${i + 3}`).join(", ")
        : "status = status";
      const { rows } = await query(
        `sessions.transition:${fields.join(",")}`,
        `UPDATE sessions SET ${assignments} WHERE token = $1 AND status = ANY($2::text[]) RETURNING *`,
        [token, [...from], ...fields.map((f) => patch[f] ?? null)],
      );
      return session(rows);
    },

    async claimAttempt(token: string): Promise<Session | null> {
      const { rows } = await query(
        "sessions.claimAttempt",
        `UPDATE sessions SET attempt_count = attempt_count + 1
         WHERE token = $1 AND attempt_count < retry_limit AND NOT (status = ANY($2::text[])) RETURNING *`,
        [token, [...terminalStatuses]],
      );
      return session(rows);
    },

    async addAttemptResult(sessionId: string, r: AttemptResult): Promise<void> {
      await query(
        "attempts.add",
        `INSERT INTO attempt_results (session_id, seq, req_timestamp, error_code, error_msg,
          liveness_error_code, liveness_error_msg, compare_error_code, compare_error_msg, similarity, mode,
          evidence, scores, liveness_info_tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          sessionId,
          r.seq,
          r.reqTimestamp,
          r.errorCode,
          r.errorMsg,
          r.livenessErrorCode,
          r.livenessErrorMsg,
          r.compareErrorCode,
          r.compareErrorMsg,
          r.similarity,
          r.mode,
          JSON.stringify(r.evidence),
          JSON.stringify(r.scores),
          JSON.stringify(r.livenessInfoTags),
        ],
      );
    },

    async listAttemptResults(sessionId: string): Promise<AttemptResult[]> {
      const { rows } = await query(
        "attempts.list",
        "SELECT * FROM attempt_results WHERE session_id = $1 ORDER BY id",
        [sessionId],
      );
      return rows.map((row) => toAttemptResult(row, postgresDecode));
    },

    async listExpiredSessions(now: number, limit: number): Promise<Session[]> {
      const { rows } = await query(
        "sessions.expired",
        `SELECT * FROM sessions WHERE purged_at IS NULL AND expires_at <= $1
         ORDER BY expires_at, id LIMIT $2`,
        [now, rowLimit(limit)],
      );
      return sessions(rows);
    },

    async markPurged(sessionId: string): Promise<void> {
      await conn.transaction(async (client) => {
        await client.query("UPDATE attempt_results SET evidence = '{}' WHERE session_id = $1", [sessionId]);
        await client.query(purgeDocumentEvidenceSql, [sessionId]);
        await client.query(
          "UPDATE sessions SET reference_image_key = NULL, purged_at = $2 WHERE id = $1 AND purged_at IS NULL",
          [sessionId, Date.now()],
        );
      });
    },
  };
}
