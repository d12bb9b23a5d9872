import Database from "better-sqlite3";

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const busyTimeoutMs = 10_000;

export interface SqliteConnection {
  readonly db: Database.Database;
  /** Prepared statement for `sql`, compiled once per connection (the hot paths run thousands/s). */
  statement(sql: string): Database.Statement;
}

/**
 * Opens the file with the settings every process sharing it must agree on: WAL (readers never block the
 * writer), busy_timeout (writers from other processes queue instead of failing), foreign keys on.
 * synchronous=NORMAL is durable across process crashes in WAL mode; only a power loss can drop the last
 * commits, which is the trade the throughput target (thousands of token requests/s) needs.
 */
export function openSqliteConnection(file: string): SqliteConnection {
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    statement(sql) {
      let prepared = cache.get(sql);
      if (!prepared) {
        prepared = db.prepare(sql);
        cache.set(sql, prepared);
      }
      return prepared;
    },
  };
}

/** SQLite binds no booleans: 1/0. */
export function bit(value: boolean): number {
  return value ? 1 : 0;
}

export const sqliteDecode = {
  json: (value: unknown): unknown => JSON.parse(String(value)),
};
