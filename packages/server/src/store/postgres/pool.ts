import pg from "pg";

export interface PostgresConnection {
  readonly pool: pg.Pool;
  /** Quoted schema name every connection's search_path points at. */
  readonly schema: string;
  readonly schemaName: string;
  /**
   * Runs a parameterised query as a named prepared statement: parsed once per pooled connection, then
   * only bound and executed (the token and credential lookups run thousands of times a second).
   */
  query(name: string, text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Runs `work` in one transaction on one pooled connection. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPostgresPool(url: string, schema: string, poolSize: number): PostgresConnection {
  if (!schemaPattern.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema}`,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // discards it and the next query opens a fresh one.
  pool.on("error", () => undefined);
  return {
    pool,
    schema: `"${schema}"`,
    schemaName: schema,
    query: (name, text, values) => pool.query({ name, text, values }),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export const postgresDecode = {
  /** JSONB arrives parsed. */
  json: (value: unknown): unknown => value,
};
