export { openSqliteStore, type SqliteStoreOptions, sqliteMigrations } from "./sqlite/index.ts";
