import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const dataDir = mkdtempSync(join(tmpdir(), "openekyc-cli-"));
const env = { OPENEKYC_DATA_DIR: dataDir };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("openekyc app / key commands on one data dir", () => {
  let appId = "";
  let firstSecretId = "";

  it("app create --json prints exactly one JSON object with the credentials", async () => {
    const run = await runCli(["app", "create", "--name", "Shop One", "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual(["AppId", "SecretId", "SecretKey"]);
    expect(typeof created.SecretKey).toBe("string");
    expect((created.SecretKey as string).length).toBeGreaterThanOrEqual(32);
    appId = created.AppId as string;
    firstSecretId = created.SecretId as string;
  });

  it("app list sees the app created by another process, without printing secret keys", async () => {
    const run = await runCli(["app", "list", "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(appId);
    expect(run.stdout).toContain(firstSecretId);
    expect(run.stdout).not.toMatch(/SecretKey/);
  });

  it("key rotate adds a second pair to the same app", async () => {
    const run = await runCli(["key", "rotate", appId, "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const rotated = JSON.parse(run.stdout.trim()) as Record<string, string>;
    expect(rotated.AppId).toBe(appId);
    expect(rotated.SecretId).not.toBe(firstSecretId);
    const list = await runCli(["app", "list", "--json"], env);
    expect(list.stdout).toContain(rotated.SecretId);
  });

  it("app create without a name fails with usage and exit code 2", async () => {
    const run = await runCli(["app", "create"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage");
  });

  it("an unknown command exits 2", async () => {
    const run = await runCli(["frobnicate"], env);
    expect(run.code).toBe(2);
  });
});
