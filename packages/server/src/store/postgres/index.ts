import type { Store } from "@openekyc/core";
import { postgresApps } from "./apps.ts";
import { postgresDocuments } from "./documents.ts";
import { migratePostgres } from "./migrate.ts";
import { postgresMigrations } from "./migrations.ts";
import { openPostgresPool } from "./pool.ts";
import { postgresSessions } from "./sessions.ts";

export { postgresMigrations } from "./migrations.ts";

export interface PostgresStoreOptions {
  /** Schema holding the tables (created if absent); default "public". Lets several deployments share one database. */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Apply pending migrations on open (default true). Several processes may open one database at once. */
  readonly migrate?: boolean;
}

/**
 * The Store for scale: a `pg` Pool shared by the process; any number of stateless processes may share
 * the database. Every query is parameterised; state changes are compare-and-set UPDATEs.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const conn = openPostgresPool(url, options.schema ?? "public", options.poolSize ?? 10);
  const migrate = () => migratePostgres(conn, postgresMigrations);
  try {
    if (options.migrate ?? true) await migrate();
  } catch (error) {
    await conn.pool.end();
    throw error;
  }
  return {
    migrate,
    close: () => conn.pool.end(),
    ...postgresApps(conn),
    ...postgresSessions(conn),
    ...postgresDocuments(conn),
  };
}
