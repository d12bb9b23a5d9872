import type { Migration } from "../rows.ts";

/**
 * PostgreSQL schema history, the same tables and columns as SQLite's. Never edit an applied migration.
 * Times are BIGINT ms since epoch; JSON columns are JSONB.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "apps, credentials, sessions, attempts, usage",
    sql: `
      CREATE TABLE apps (
        app_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        disabled BOOLEAN NOT NULL DEFAULT false,
        redirect_hosts JSONB NOT NULL DEFAULT '[]',
        rate_limit_per_second DOUBLE PRECISION NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE credentials (
        secret_id TEXT PRIMARY KEY,
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        secret_key_ciphertext TEXT NOT NULL,
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX credentials_by_app ON credentials(app_id, created_at);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        status TEXT NOT NULL,
        config JSONB NOT NULL,
        redirect_url TEXT,
        extra TEXT,
        reference_image_key TEXT,
        attempt_count INTEGER NOT NULL DEFAULT 0,
        retry_limit INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        start_deadline BIGINT NOT NULL,
        started_at BIGINT,
        finished_at BIGINT,
        expires_at BIGINT NOT NULL,
        result_code INTEGER,
        result_message TEXT,
        purged_at BIGINT
      );
      CREATE INDEX sessions_by_app_created ON sessions(app_id, created_at DESC);
      CREATE INDEX sessions_by_created ON sessions(created_at DESC);
      CREATE INDEX sessions_to_purge ON sessions(expires_at) WHERE purged_at IS NULL;
      CREATE TABLE attempt_results (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq TEXT NOT NULL,
        req_timestamp BIGINT NOT NULL,
        error_code INTEGER NOT NULL,
        error_msg TEXT NOT NULL,
        liveness_error_code INTEGER,
        liveness_error_msg TEXT,
        compare_error_code INTEGER,
        compare_error_msg TEXT,
        similarity DOUBLE PRECISION,
        mode TEXT,
        evidence JSONB NOT NULL,
        scores JSONB NOT NULL,
        liveness_info_tags JSONB NOT NULL
      );
      CREATE INDEX attempt_results_by_session ON attempt_results(session_id, id);
      CREATE TABLE usage_daily (
        app_id TEXT NOT NULL,
        action TEXT NOT NULL,
        day TEXT NOT NULL,
        calls BIGINT NOT NULL,
        billed BIGINT NOT NULL,
        PRIMARY KEY (day, app_id, action)
      );
    `,
  },
  {
    version: 2,
    name: "durable job queue",
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        payload JSONB NOT NULL,
        status TEXT NOT NULL,
        run_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        dedupe_key TEXT,
        locked_by TEXT,
        locked_until BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        finished_at BIGINT
      );
      CREATE INDEX jobs_due ON jobs(name, run_at) WHERE status = 'queued';
      CREATE INDEX jobs_leased ON jobs(locked_until) WHERE status = 'running';
      CREATE UNIQUE INDEX jobs_dedupe ON jobs(name, dedupe_key) WHERE dedupe_key IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: "document OCR attempts",
    sql: `
      CREATE TABLE document_results (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        record JSONB NOT NULL
      );
      CREATE INDEX document_results_by_session ON document_results(session_id, created_at, id);
    `,
  },
];
