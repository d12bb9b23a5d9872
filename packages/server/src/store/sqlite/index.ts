import type { Store } from "@openekyc/core";
import { sqliteApps } from "./apps.ts";
import { openSqliteConnection } from "./connection.ts";
import { sqliteDocuments } from "./documents.ts";
import { migrateSqlite } from "./migrate.ts";
import { sqliteMigrations } from "./migrations.ts";
import { sqliteSessions } from "./sessions.ts";

export { sqliteMigrations } from "./migrations.ts";

export interface SqliteStoreOptions {
  /** Apply pending migrations on open (default true). Several processes may open one file at once. */
  readonly migrate?: boolean;
}

/**
 * The default Store: one SQLite file (better-sqlite3, synchronous under the hood, so every call is one
 * short statement or one IMMEDIATE transaction). Several processes may share the file; state changes are
 * single compare-and-set UPDATEs, so racing callers see exactly one winner.
 */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const conn = openSqliteConnection(file);
  const migrate = async () => migrateSqlite(conn.db, sqliteMigrations);
  if (options.migrate ?? true) await migrate();
  const apps = sqliteApps(conn);
  const sessions = sqliteSessions(conn);
  const documents = sqliteDocuments(conn);
  return {
    migrate,
    close: async () => {
      conn.db.close();
    },
    createApp: async (app) => apps.createApp(app),
    getApp: async (appId) => apps.getApp(appId),
    listApps: async () => apps.listApps(),
    updateApp: async (appId, patch) => apps.updateApp(appId, patch),
    addCredential: async (credential) => apps.addCredential(credential),
    getCredential: async (secretId) => apps.getCredential(secretId),
    listCredentials: async (appId) => apps.listCredentials(appId),
    disableCredential: async (secretId) => apps.disableCredential(secretId),
    createSession: async (session) => sessions.createSession(session),
    getSessionByToken: async (token) => sessions.getSessionByToken(token),
    getSessionById: async (id) => sessions.getSessionById(id),
    listSessions: async (appId, opts) => sessions.listSessions(appId, opts),
    transitionSession: async (token, from, patch) => sessions.transitionSession(token, from, patch),
    claimAttempt: async (token) => sessions.claimAttempt(token),
    addAttemptResult: async (sessionId, result) => sessions.addAttemptResult(sessionId, result),
    listAttemptResults: async (sessionId) => sessions.listAttemptResults(sessionId),
    listExpiredSessions: async (now, limit) => sessions.listExpiredSessions(now, limit),
    setSessionReference: async (token, key) => documents.setSessionReference(token, key),
    addDocumentResult: async (result) => documents.addDocumentResult(result),
    updateDocumentResult: async (next, from, unchanged) =>
      documents.updateDocumentResult(next, from, unchanged),
    getDocumentResult: async (id) => documents.getDocumentResult(id),
    listDocumentResults: async (sessionId) => documents.listDocumentResults(sessionId),
    markPurged: async (sessionId) => sessions.markPurged(sessionId),
    recordUsage: async (entry) => apps.recordUsage(entry),
    usageSummary: async (appId, fromDay, toDay) => apps.usageSummary(appId, fromDay, toDay),
  };
}
