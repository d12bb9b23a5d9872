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
import { type SqliteConnection, sqliteDecode } from "./connection.ts";

const insertSessionSql = `INSERT INTO sessions (${sessionInsertColumns.join(", ")})
  VALUES (${sessionInsertColumns.map(() => "?").join(", ")})`;

type SessionPatch = Parameters<Store["transitionSession"]>[2];

const terminalJson = JSON.stringify(terminalStatuses);

/** Session and attempt operations. Each state change is one UPDATE statement, so it is atomic per file. */
export function sqliteSessions(conn: SqliteConnection) {
  const { statement } = conn;
  const session = (row: unknown) => (row ? toSession(row as Row, sqliteDecode) : null);

  return {
    createSession(s: Session): void {
      statement(insertSessionSql).run(...sessionInsertValues(s));
    },

    getSessionByToken(token: string): Session | null {
      return session(statement("SELECT * FROM sessions WHERE token = ?").get(token));
    },

    getSessionById(id: string): Session | null {
      return session(statement("SELECT * FROM sessions WHERE id = ?").get(id));
    },

    listSessions(appId: string | null, options: { limit: number; before?: number }): Session[] {
      const before = options.before ?? Number.MAX_SAFE_INTEGER;
      const rows =
        appId === null
          ? statement(
              "SELECT * FROM sessions WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?",
            ).all(before, rowLimit(options.limit))
          : statement(
              `SELECT * FROM sessions WHERE app_id = ? AND created_at < ?
               ORDER BY created_at DESC, id DESC LIMIT ?`,
            ).all(appId, before, rowLimit(options.limit));
      return rows.map((row) => toSession(row as Row, sqliteDecode));
    },

    transitionSession(token: string, from: readonly SessionStatus[], patch: SessionPatch): Session | null {
      const fields = patchFields(patch);
      // An empty patch still answers "is it in one of `from`?" through the same compare-and-set.
      const assignments = fields.length
        ? fields.map((f) => `${sessionPatchColumns[f]} = ?`).join(", ")
        : "status = status";
      const sql = `UPDATE sessions SET ${assignments}
        WHERE token = ? AND status IN (SELECT value FROM json_each(?)) RETURNING *`;
      const values = fields.map((f) => patch[f] ?? null);
      return session(statement(sql).get(...values, token, JSON.stringify(from)));
    },

    claimAttempt(token: string): Session | null {
      return session(
        statement(
          `UPDATE sessions SET attempt_count = attempt_count + 1
           WHERE token = ? AND attempt_count < retry_limit
             AND status NOT IN (SELECT value FROM json_each(?)) RETURNING *`,
        ).get(token, terminalJson),
      );
    },

    addAttemptResult(sessionId: string, r: AttemptResult): void {
      statement(
        `INSERT INTO attempt_results (session_id, seq, req_timestamp, error_code, error_msg,
          liveness_error_code, liveness_error_msg, compare_error_code, compare_error_msg, similarity, mode,
          evidence, scores, liveness_info_tags)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      );
    },

    listAttemptResults(sessionId: string): AttemptResult[] {
      return statement("SELECT * FROM attempt_results WHERE session_id = ? ORDER BY id")
        .all(sessionId)
        .map((row) => toAttemptResult(row as Row, sqliteDecode));
    },

    listExpiredSessions(now: number, limit: number): Session[] {
      return statement(
        `SELECT * FROM sessions WHERE purged_at IS NULL AND expires_at <= ?
         ORDER BY expires_at, id LIMIT ?`,
      )
        .all(now, rowLimit(limit))
        .map((row) => toSession(row as Row, sqliteDecode));
    },

    markPurged: conn.db.transaction((sessionId: string) => {
      statement("UPDATE attempt_results SET evidence = '{}' WHERE session_id = ?").run(sessionId);
      statement(
        "UPDATE document_results SET record = json_set(record, '$.evidence', json('{}')) WHERE session_id = ?",
      ).run(sessionId);
      statement(
        "UPDATE sessions SET reference_image_key = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL",
      ).run(Date.now(), sessionId);
    }).immediate,
  };
}
