import type { Migration } from "../rows.ts";
import type { PostgresConnection } from "./pool.ts";

/**
 * Applies pending migrations in one transaction holding a transaction-level advisory lock keyed by the
 * schema: processes starting together queue on the lock, and the later ones find every version recorded.
 * A failing migration rolls back entirely (PostgreSQL DDL is transactional).
 */
export async function migratePostgres(
  conn: PostgresConnection,
  migrations: readonly Migration[],
): Promise<void> {
  await conn.transaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`openekyc:migrate:${conn.schema}`]);
    // Only create when absent: CREATE SCHEMA needs a database privilege a deployment may not grant.
    const exists = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [conn.schemaName]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${conn.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${conn.schema}.schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const { rows } = await client.query(`SELECT version FROM ${conn.schema}.schema_migrations`);
    const applied = new Set(rows.map((row: { version: number }) => row.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      // search_path names this schema, which may not have existed when the connection opened.
      await client.query(`SET LOCAL search_path TO ${conn.schema}`);
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO ${conn.schema}.schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, Date.now()],
      );
    }
  });
}
