import type { DocumentResult, DocumentResultStatus, Session } from "@openekyc/core";
import type { Row } from "../rows.ts";
import { toSession } from "../rows.ts";
import { type SqliteConnection, sqliteDecode } from "./connection.ts";

const toResult = (row: unknown): DocumentResult | null =>
  row ? (JSON.parse(String((row as { record: string }).record)) as DocumentResult) : null;

/** Document OCR attempts: one row per attempt, the record as JSON; status mirrored for the compare-and-set. */
export function sqliteDocuments(conn: SqliteConnection) {
  const { statement } = conn;
  return {
    addDocumentResult(result: DocumentResult): void {
      statement(
        "INSERT INTO document_results (id, session_id, status, created_at, record) VALUES (?, ?, ?, ?, ?)",
      ).run(result.id, result.sessionId, result.status, result.createdAt, JSON.stringify(result));
    },

    updateDocumentResult(
      next: DocumentResult,
      from: readonly DocumentResultStatus[],
      unchanged?: DocumentResult,
    ): boolean {
      // Records are written by JSON.stringify and read back by JSON.parse, so equal records have equal text.
      const expected = unchanged ? JSON.stringify(unchanged) : null;
      const changed = statement(
        `UPDATE document_results SET status = ?, record = ?
         WHERE id = ? AND session_id = ? AND status IN (SELECT value FROM json_each(?))
           AND (? IS NULL OR json(record) = json(?))`,
      ).run(
        next.status,
        JSON.stringify(next),
        next.id,
        next.sessionId,
        JSON.stringify(from),
        expected,
        expected,
      );
      return changed.changes === 1;
    },

    setSessionReference(token: string, key: string): Session | null {
      const row = statement(
        `UPDATE sessions SET reference_image_key = ?, config = json_set(config, '$.compareWithReference', json('true'))
         WHERE token = ? AND status = 'in_progress' AND reference_image_key IS NULL RETURNING *`,
      ).get(key, token);
      return row ? toSession(row as Row, sqliteDecode) : null;
    },

    getDocumentResult(id: string): DocumentResult | null {
      return toResult(statement("SELECT record FROM document_results WHERE id = ?").get(id));
    },

    listDocumentResults(sessionId: string): DocumentResult[] {
      return statement("SELECT record FROM document_results WHERE session_id = ? ORDER BY created_at, id")
        .all(sessionId)
        .map((row) => toResult(row) as DocumentResult);
    },
  };
}
