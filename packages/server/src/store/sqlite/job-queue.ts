import { randomUUID } from "node:crypto";
import { type Clock, type EnqueueOptions, type Job, type JobQueue, systemClock } from "@openekyc/core";
import {
  type BackoffPolicy,
  defaultBackoff,
  defaultMaxAttempts,
  type Row,
  rowLimit,
  toJob,
} from "../rows.ts";
import { openSqliteConnection, sqliteDecode } from "./connection.ts";
import { migrateSqlite } from "./migrate.ts";
import { sqliteMigrations } from "./migrations.ts";

export interface SqliteJobQueueOptions {
  readonly clock?: Clock;
  readonly backoff?: BackoffPolicy;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
}

const due = `name IN (SELECT value FROM json_each(:names))
  AND ((status = 'queued' AND run_at <= :now)
    OR (status = 'running' AND locked_until <= :now AND attempts < max_attempts))`;

/**
 * The durable job queue on the SQLite file the Store uses (its own connection). Claims run in one
 * IMMEDIATE transaction, so two processes never lease the same job.
 */
export async function openSqliteJobQueue(
  file: string,
  options: SqliteJobQueueOptions = {},
): Promise<JobQueue> {
  const conn = openSqliteConnection(file);
  if (options.migrate ?? true) migrateSqlite(conn.db, sqliteMigrations);
  const { statement } = conn;
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? defaultBackoff;
  const job = (row: unknown): Job => toJob(row as Row, sqliteDecode);

  const claimNow = conn.db.transaction((names: string, workerId: string, leaseMs: number, limit: number) => {
    const now = clock.now();
    // A worker that died on the last attempt does not get its job retried forever.
    statement(
      `UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL, finished_at = :now,
         last_error = COALESCE(last_error, 'lease expired on the last attempt')
       WHERE status = 'running' AND locked_until <= :now AND attempts >= max_attempts`,
    ).run({ now });
    return statement(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = :workerId,
         locked_until = :now + :leaseMs
       WHERE id IN (SELECT id FROM jobs WHERE ${due} ORDER BY run_at, id LIMIT :limit)
       RETURNING *`,
    )
      .all({ names, now, workerId, leaseMs, limit })
      .map(job)
      .sort((a, b) => a.runAt - b.runAt || a.id.localeCompare(b.id));
  }).immediate;

  return {
    async enqueue(name: string, payload, runAt: number, opts: EnqueueOptions = {}): Promise<string> {
      const id = randomUUID();
      const inserted = statement(
        `INSERT INTO jobs (id, name, payload, status, run_at, max_attempts, dedupe_key, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)
         ON CONFLICT (name, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
      ).run(
        id,
        name,
        JSON.stringify(payload),
        runAt,
        opts.maxAttempts ?? defaultMaxAttempts,
        opts.dedupeKey ?? null,
        clock.now(),
      );
      if (inserted.changes > 0) return id;
      return String(
        statement("SELECT id FROM jobs WHERE name = ? AND dedupe_key = ?").pluck().get(name, opts.dedupeKey),
      );
    },

    async claim(names, workerId, leaseMs, limit = 1) {
      return claimNow(JSON.stringify(names), workerId, leaseMs, rowLimit(limit));
    },

    async extendLease(jobId, workerId, leaseMs) {
      return (
        statement(
          `UPDATE jobs SET locked_until = ? WHERE id = ? AND status = 'running' AND locked_by = ?`,
        ).run(clock.now() + leaseMs, jobId, workerId).changes > 0
      );
    },

    async complete(jobId, workerId) {
      return (
        statement(
          `UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, finished_at = ?
           WHERE id = ? AND status = 'running' AND locked_by = ?`,
        ).run(clock.now(), jobId, workerId).changes > 0
      );
    },

    async fail(jobId, workerId, error, retryAt) {
      const now = clock.now();
      return (
        statement(
          `UPDATE jobs SET last_error = :error, locked_by = NULL, locked_until = NULL,
             status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
             finished_at = CASE WHEN attempts >= max_attempts THEN :now ELSE NULL END,
             run_at = COALESCE(:retryAt, :now + min(:base * (1 << min(attempts - 1, 30)), :max))
           WHERE id = :jobId AND status = 'running' AND locked_by = :workerId`,
        ).run({
          error,
          now,
          retryAt: retryAt ?? null,
          base: backoff.baseMs,
          max: backoff.maxMs,
          jobId,
          workerId,
        }).changes > 0
      );
    },

    async get(jobId) {
      const row = statement("SELECT * FROM jobs WHERE id = ?").get(jobId);
      return row ? job(row) : null;
    },

    async close() {
      conn.db.close();
    },
  };
}
