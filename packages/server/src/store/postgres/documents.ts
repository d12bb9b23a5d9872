import type { DocumentResult, DocumentResultStatus, Session } from "@openekyc/core";
import { type Row, toSession } from "../rows.ts";
import { type PostgresConnection, postgresDecode } from "./pool.ts";

const toResult = (row: Row | undefined): DocumentResult | null =>
  row ? (row.record as DocumentResult) : null;

/** Document OCR attempts: one row per attempt, the record as JSONB; status mirrored for the compare-and-set. */
export function postgresDocuments(conn: PostgresConnection) {
  const { query } = conn;
  return {
    async addDocumentResult(result: DocumentResult): Promise<void> {
      await query(
        "documents.add",
        "INSERT INTO document_results (id, session_id, status, created_at, record) VALUES ($1, $2, $3, $4, $5)",
        [result.id, result.sessionId, result.status, result.createdAt, JSON.stringify(result)],
      );
    },

    async updateDocumentResult(
      next: DocumentResult,
      from: readonly DocumentResultStatus[],
      unchanged?: DocumentResult,
    ): Promise<boolean> {
      // JSONB equality is semantic: key order and spacing do not matter.
      const { rowCount } = await query(
        "documents.update",
        `UPDATE document_results SET status = $1, record = $2
         WHERE id = $3 AND session_id = $4 AND status = ANY($5::text[])
           AND ($6::jsonb IS NULL OR record = $6::jsonb)`,
        [
          next.status,
          JSON.stringify(next),
          next.id,
          next.sessionId,
          [...from],
          unchanged ? JSON.stringify(unchanged) : null,
        ],
      );
      return rowCount === 1;
    },

    async setSessionReference(token: string, key: string): Promise<Session | null> {
      const { rows } = await query(
        "sessions.setReference",
        `UPDATE sessions SET reference_image_key = $2, config = jsonb_set(config, '{compareWithReference}', 'true'::jsonb)
         WHERE token = $1 AND status = 'in_progress' AND reference_image_key IS NULL RETURNING *`,
        [token, key],
      );
      return rows[0] ? toSession(rows[0], postgresDecode) : null;
    },

    async getDocumentResult(id: string): Promise<DocumentResult | null> {
      const { rows } = await query("documents.get", "SELECT record FROM document_results WHERE id = $1", [
        id,
      ]);
      return toResult(rows[0]);
    },

    async listDocumentResults(sessionId: string): Promise<DocumentResult[]> {
      const { rows } = await query(
        "documents.list",
        "SELECT record FROM document_results WHERE session_id = $1 ORDER BY created_at, id",
        [sessionId],
      );
      return rows.map((row) => toResult(row) as DocumentResult);
    },
  };
}

/** SQL run inside markPurged's transaction: the evidence keys go, the read fields stay readable. */
export const purgeDocumentEvidenceSql =
  "UPDATE document_results SET record = jsonb_set(record, '{evidence}', '{}'::jsonb) WHERE session_id = $1";
