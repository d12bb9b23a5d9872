import type { App, Credential, Store, UsageEntry, UsageRow } from "@openekyc/core";
import { type Row, toApp, toCredential, toUsageRow, utcDay } from "../rows.ts";
import { type PostgresConnection, postgresDecode } from "./pool.ts";

type AppPatch = Parameters<Store["updateApp"]>[1];

/** Apps, credentials and usage counters. */
export function postgresApps({ query }: PostgresConnection) {
  const app = (rows: Row[]) => (rows[0] ? toApp(rows[0], postgresDecode) : null);

  return {
    async createApp(a: App): Promise<void> {
      await query(
        "apps.create",
        `INSERT INTO apps (app_id, name, disabled, redirect_hosts, rate_limit_per_second, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [a.appId, a.name, a.disabled, JSON.stringify(a.redirectHosts), a.rateLimitPerSecond, a.createdAt],
      );
    },

    async getApp(appId: string): Promise<App | null> {
      return app((await query("apps.get", "SELECT * FROM apps WHERE app_id = $1", [appId])).rows);
    },

    async listApps(): Promise<App[]> {
      const { rows } = await query("apps.list", "SELECT * FROM apps ORDER BY created_at, app_id");
      return rows.map((row) => toApp(row, postgresDecode));
    },

    async updateApp(appId: string, patch: AppPatch): Promise<App | null> {
      // COALESCE keeps a field when its value is NULL, i.e. absent from the patch (none of these is nullable).
      const { rows } = await query(
        "apps.update",
        `UPDATE apps SET name = COALESCE($2, name), disabled = COALESCE($3, disabled),
           redirect_hosts = COALESCE($4::jsonb, redirect_hosts),
           rate_limit_per_second = COALESCE($5, rate_limit_per_second)
         WHERE app_id = $1 RETURNING *`,
        [
          appId,
          patch.name ?? null,
          patch.disabled ?? null,
          patch.redirectHosts === undefined ? null : JSON.stringify(patch.redirectHosts),
          patch.rateLimitPerSecond ?? null,
        ],
      );
      return app(rows);
    },

    async addCredential(c: Credential): Promise<void> {
      await query(
        "credentials.add",
        `INSERT INTO credentials (secret_id, app_id, secret_key_ciphertext, disabled, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [c.secretId, c.appId, c.secretKeyCiphertext, c.disabled, c.createdAt],
      );
    },

    async getCredential(secretId: string): Promise<Credential | null> {
      const { rows } = await query("credentials.get", "SELECT * FROM credentials WHERE secret_id = $1", [
        secretId,
      ]);
      return rows[0] ? toCredential(rows[0]) : null;
    },

    async listCredentials(appId: string): Promise<Credential[]> {
      const { rows } = await query(
        "credentials.list",
        "SELECT * FROM credentials WHERE app_id = $1 ORDER BY created_at, secret_id",
        [appId],
      );
      return rows.map(toCredential);
    },

    async disableCredential(secretId: string): Promise<boolean> {
      const result = await query(
        "credentials.disable",
        "UPDATE credentials SET disabled = true WHERE secret_id = $1",
        [secretId],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async recordUsage(entry: UsageEntry): Promise<void> {
      await query(
        "usage.record",
        `INSERT INTO usage_daily (day, app_id, action, calls, billed) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (day, app_id, action)
         DO UPDATE SET calls = usage_daily.calls + 1, billed = usage_daily.billed + EXCLUDED.billed`,
        [utcDay(entry.at), entry.appId, entry.action, entry.billed ? 1 : 0],
      );
    },

    async usageSummary(appId: string | null, fromDay: string, toDay: string): Promise<UsageRow[]> {
      const { rows } =
        appId === null
          ? await query(
              "usage.summaryAll",
              "SELECT * FROM usage_daily WHERE day BETWEEN $1 AND $2 ORDER BY day, app_id, action",
              [fromDay, toDay],
            )
          : await query(
              "usage.summaryByApp",
              `SELECT * FROM usage_daily WHERE app_id = $1 AND day BETWEEN $2 AND $3
               ORDER BY day, app_id, action`,
              [appId, fromDay, toDay],
            );
      return rows.map(toUsageRow);
    },
  };
}
