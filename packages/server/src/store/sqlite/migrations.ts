import type { Migration } from "../rows.ts";

/**
 * SQLite schema history. Never edit an applied migration: append a new one.
 * Times are integers (ms since epoch); JSON columns are TEXT checked with json_valid.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "apps, credentials, sessions, attempts, usage",
    sql: `
      CREATE TABLE apps (
        app_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        redirect_hosts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redirect_hosts)),
        rate_limit_per_second REAL NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE credentials (
        secret_id TEXT PRIMARY KEY,
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        secret_key_ciphertext TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX credentials_by_app ON credentials(app_id, created_at);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        status TEXT NOT NULL,
        config TEXT NOT NULL CHECK (json_valid(config)),
        redirect_url TEXT,
        extra TEXT,
        reference_image_key TEXT,
        attempt_count INTEGER NOT NULL DEFAULT 0,
        retry_limit INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        start_deadline INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        expires_at INTEGER NOT NULL,
        result_code INTEGER,
        result_message TEXT,
        purged_at INTEGER
      );
      CREATE INDEX sessions_by_app_created ON sessions(app_id, created_at DESC);
      CREATE INDEX sessions_by_created ON sessions(created_at DESC);
      CREATE INDEX sessions_to_purge ON sessions(expires_at) WHERE purged_at IS NULL;
      CREATE TABLE attempt_results (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq TEXT NOT NULL,
        req_timestamp INTEGER NOT NULL,
        error_code INTEGER NOT NULL,
        error_msg TEXT NOT NULL,
        liveness_error_code INTEGER,
        liveness_error_msg TEXT,
        compare_error_code INTEGER,
        compare_error_msg TEXT,
        similarity REAL,
        mode TEXT,
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        scores TEXT NOT NULL CHECK (json_valid(scores)),
        liveness_info_tags TEXT NOT NULL CHECK (json_valid(liveness_info_tags))
      );
      CREATE INDEX attempt_results_by_session ON attempt_results(session_id, id);
      CREATE TABLE usage_daily (
        app_id TEXT NOT NULL,
        action TEXT NOT NULL,
        day TEXT NOT NULL,
        calls INTEGER NOT NULL,
        billed INTEGER NOT NULL,
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
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        status TEXT NOT NULL,
        run_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        dedupe_key TEXT,
        locked_by TEXT,
        locked_until INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
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
        created_at INTEGER NOT NULL,
        record TEXT NOT NULL CHECK (json_valid(record))
      );
      CREATE INDEX document_results_by_session ON document_results(session_id, created_at, id);
    `,
  },
];
