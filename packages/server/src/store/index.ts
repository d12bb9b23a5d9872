export { openPostgresStore, type PostgresStoreOptions, postgresMigrations } from "./postgres/index.ts";
export type { Migration } from "./rows.ts";
export { openSqliteStore, type SqliteStoreOptions, sqliteMigrations } from "./sqlite/index.ts";
