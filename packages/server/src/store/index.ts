export { openPostgresStore, type PostgresStoreOptions, postgresMigrations } from "./postgres/index.ts";
export { openPostgresJobQueue, type PostgresJobQueueOptions } from "./postgres/job-queue.ts";
export { type BackoffPolicy, defaultBackoff, defaultMaxAttempts, type Migration } from "./rows.ts";
export { openSqliteStore, type SqliteStoreOptions, sqliteMigrations } from "./sqlite/index.ts";
export { openSqliteJobQueue, type SqliteJobQueueOptions } from "./sqlite/job-queue.ts";
