import type { App, Credential, Store, UsageEntry, UsageRow } from "@openekyc/core";
import { type Row, toApp, toCredential, toUsageRow, utcDay } from "../rows.ts";
import { bit, type SqliteConnection, sqliteDecode } from "./connection.ts";

type AppPatch = Parameters<Store["updateApp"]>[1];

/** Apps, credentials and usage counters. */
export function sqliteApps({ statement }: SqliteConnection) {
  const getApp = (appId: string): App | null => {
    const row = statement("SELECT * FROM apps WHERE app_id = ?").get(appId);
    return row ? toApp(row as Row, sqliteDecode) : null;
  };

  return {
    createApp(app: App): void {
      statement(
        `INSERT INTO apps (app_id, name, disabled, redirect_hosts, rate_limit_per_second, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        app.appId,
        app.name,
        bit(app.disabled),
        JSON.stringify(app.redirectHosts),
        app.rateLimitPerSecond,
        app.createdAt,
      );
    },

    getApp,

    listApps(): App[] {
      return statement("SELECT * FROM apps ORDER BY created_at, app_id")
        .all()
        .map((row) => toApp(row as Row, sqliteDecode));
    },

    updateApp(appId: string, patch: AppPatch): App | null {
      // COALESCE keeps a field when its value is NULL, i.e. absent from the patch (none of these is nullable).
      const row = statement(
        `UPDATE apps SET name = COALESCE(?, name), disabled = COALESCE(?, disabled),
           redirect_hosts = COALESCE(?, redirect_hosts),
           rate_limit_per_second = COALESCE(?, rate_limit_per_second)
         WHERE app_id = ? RETURNING *`,
      ).get(
        patch.name ?? null,
        patch.disabled === undefined ? null : bit(patch.disabled),
        patch.redirectHosts === undefined ? null : JSON.stringify(patch.redirectHosts),
        patch.rateLimitPerSecond ?? null,
        appId,
      );
      return row ? toApp(row as Row, sqliteDecode) : null;
    },

    addCredential(c: Credential): void {
      statement(
        `INSERT INTO credentials (secret_id, app_id, secret_key_ciphertext, disabled, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(c.secretId, c.appId, c.secretKeyCiphertext, bit(c.disabled), c.createdAt);
    },

    getCredential(secretId: string): Credential | null {
      const row = statement("SELECT * FROM credentials WHERE secret_id = ?").get(secretId);
      return row ? toCredential(row as Row) : null;
    },

    listCredentials(appId: string): Credential[] {
      return statement("SELECT * FROM credentials WHERE app_id = ? ORDER BY created_at, secret_id")
        .all(appId)
        .map((row) => toCredential(row as Row));
    },

    disableCredential(secretId: string): boolean {
      return statement("UPDATE credentials SET disabled = 1 WHERE secret_id = ?").run(secretId).changes > 0;
    },

    recordUsage(entry: UsageEntry): void {
      statement(
        `INSERT INTO usage_daily (day, app_id, action, calls, billed) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (day, app_id, action)
         DO UPDATE SET calls = calls + 1, billed = billed + excluded.billed`,
      ).run(utcDay(entry.at), entry.appId, entry.action, bit(entry.billed));
    },

    usageSummary(appId: string | null, fromDay: string, toDay: string): UsageRow[] {
      const rows =
        appId === null
          ? statement("SELECT * FROM usage_daily WHERE day BETWEEN ? AND ? ORDER BY day, app_id, action").all(
              fromDay,
              toDay,
            )
          : statement(
              `SELECT * FROM usage_daily WHERE app_id = ? AND day BETWEEN ? AND ?
               ORDER BY day, app_id, action`,
            ).all(appId, fromDay, toDay);
      return rows.map((row) => toUsageRow(row as Row));
    },
  };
}
