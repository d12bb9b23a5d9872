import { randomUUID } from "node:crypto";
import { type Clock, type EnqueueOptions, type JobQueue, systemClock } from "@openekyc/core";
import { type BackoffPolicy, defaultBackoff, defaultMaxAttempts, rowLimit, toJob } from "../rows.ts";
import { migratePostgres } from "./migrate.ts";
import { postgresMigrations } from "./migrations.ts";
import { openPostgresPool, postgresDecode } from "./pool.ts";

export interface PostgresJobQueueOptions {
  readonly schema?: string;
  readonly poolSize?: number;
  readonly clock?: Clock;
  readonly backoff?: BackoffPolicy;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
}

/**
 * The durable job queue in the Store's PostgreSQL schema. Claims use `FOR UPDATE SKIP LOCKED`: concurrent
 * workers lease disjoint jobs without waiting on each other.
 */
export async function openPostgresJobQueue(
  url: string,
  options: PostgresJobQueueOptions = {},
): Promise<JobQueue> {
  const conn = openPostgresPool(url, options.schema ?? "public", options.poolSize ?? 4);
  try {
    if (options.migrate ?? true) await migratePostgres(conn, postgresMigrations);
  } catch (error) {
    await conn.pool.end();
    throw error;
  }
  const { query } = conn;
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? defaultBackoff;

  return {
    async enqueue(name: string, payload, runAt: number, opts: EnqueueOptions = {}): Promise<string> {
      const { rows } = await query(
        "jobs.enqueue",
        `WITH inserted AS (
           INSERT INTO jobs (id, name, payload, status, run_at, max_attempts, dedupe_key, created_at)
           VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7)
           ON CONFLICT (name, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
           RETURNING id)
         SELECT id FROM inserted
         UNION ALL SELECT id FROM jobs WHERE name = $2 AND dedupe_key = $6 AND NOT EXISTS (SELECT 1 FROM inserted)`,
        [
          randomUUID(),
          name,
          JSON.stringify(payload),
          runAt,
          opts.maxAttempts ?? defaultMaxAttempts,
          opts.dedupeKey ?? null,
          clock.now(),
        ],
      );
      if (rows[0]) return String(rows[0].id);
      // A concurrent enqueue with the same key committed after this statement's snapshot: read it now.
      const existing = await query(
        "jobs.byDedupeKey",
        "SELECT id FROM jobs WHERE name = $1 AND dedupe_key = $2",
        [name, opts.dedupeKey],
      );
      return String(existing.rows[0]?.id);
    },

    async claim(names, workerId, leaseMs, limit = 1) {
      const now = clock.now();
      // A worker that died on the last attempt does not get its job retried forever.
      await query(
        "jobs.expireLast",
        `UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL, finished_at = $1,
           last_error = COALESCE(last_error, 'lease expired on the last attempt')
         WHERE status = 'running' AND locked_until <= $1 AND attempts >= max_attempts`,
        [now],
      );
      const { rows } = await query(
        "jobs.claim",
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $3, locked_until = $2 + $4::bigint
         WHERE id IN (
           SELECT id FROM jobs
           WHERE name = ANY($1::text[])
             AND ((status = 'queued' AND run_at <= $2)
               OR (status = 'running' AND locked_until <= $2 AND attempts < max_attempts))
           ORDER BY run_at, id LIMIT $5
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [[...names], now, workerId, leaseMs, rowLimit(limit)],
      );
      return rows
        .map((row) => toJob(row, postgresDecode))
        .sort((a, b) => a.runAt - b.runAt || a.id.localeCompare(b.id));
    },

    async extendLease(jobId, workerId, leaseMs) {
      const result = await query(
        "jobs.extend",
        `UPDATE jobs SET locked_until = $1 WHERE id = $2 AND status = 'running' AND locked_by = $3`,
        [clock.now() + leaseMs, jobId, workerId],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async complete(jobId, workerId) {
      const result = await query(
        "jobs.complete",
        `UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, finished_at = $1
         WHERE id = $2 AND status = 'running' AND locked_by = $3`,
        [clock.now(), jobId, workerId],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async fail(jobId, workerId, error, retryAt) {
      const result = await query(
        "jobs.fail",
        `UPDATE jobs SET last_error = $1, locked_by = NULL, locked_until = NULL,
           status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
           finished_at = CASE WHEN attempts >= max_attempts THEN $2::bigint ELSE NULL END,
           run_at = COALESCE($3::bigint,
             $2::bigint + LEAST($4::bigint * power(2, LEAST(attempts - 1, 30))::bigint, $5::bigint))
         WHERE id = $6 AND status = 'running' AND locked_by = $7`,
        [error, clock.now(), retryAt ?? null, backoff.baseMs, backoff.maxMs, jobId, workerId],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async get(jobId) {
      const { rows } = await query("jobs.get", "SELECT * FROM jobs WHERE id = $1", [jobId]);
      return rows[0] ? toJob(rows[0], postgresDecode) : null;
    },

    close: () => conn.pool.end(),
  };
}
