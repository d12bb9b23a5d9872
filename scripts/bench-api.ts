/**
 * API benchmark: signed ApplyWebVerificationBizTokenIntl and GetWebVerificationResultIntl over loopback,
 * on SQLite and on PostgreSQL. Requests are pre-signed with TC3 at a fixed timestamp (inside the 300 s
 * skew window), so the load generator spends nothing on HMACs and the server does all the real work:
 * parse, credential lookup, signature check, rate limit, validation, session insert/read, envelope.
 *
 *   npm run bench:api                     # both stores; PostgreSQL from OPENEKYC_BENCH_PG_URL
 *   OPENEKYC_BENCH_SECONDS=5 OPENEKYC_BENCH_WARMUP_SECONDS=3 OPENEKYC_BENCH_CONNECTIONS=64 npm run bench:api
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Store, systemClock } from "@openekyc/core";
import { signTc3 } from "../packages/server/src/api/auth/tc3.ts";
import { FsBlobStore } from "../packages/server/src/blobs/fs.ts";
import { configSchema } from "../packages/server/src/config/schema.ts";
import { SecretBox } from "../packages/server/src/crypto/secret-box.ts";
import type { ServerDeps } from "../packages/server/src/deps.ts";
import { buildServer } from "../packages/server/src/http/build-server.ts";
import { createServices } from "../packages/server/src/services/index.ts";
import { openPostgresStore } from "../packages/server/src/store/postgres/index.ts";
import { openSqliteStore } from "../packages/server/src/store/sqlite/index.ts";

interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as (options: Record<string, unknown>) => Promise<CannonResult>;

for (const name of ["http_proxy", "HTTP_PROXY"]) delete process.env[name];
const execFileAsync = promisify(execFile);

const seconds = Number(process.env.OPENEKYC_BENCH_SECONDS ?? 10);
const warmUpSeconds = Number(process.env.OPENEKYC_BENCH_WARMUP_SECONDS ?? 5);
const connections = Number(process.env.OPENEKYC_BENCH_CONNECTIONS ?? 50);
const pgUrl = process.env.OPENEKYC_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function signed(
  endpoint: string,
  credentials: { SecretId: string; SecretKey: string },
  action: string,
  params: unknown,
  timestamp: number,
): CannonRequest {
  const body = JSON.stringify(params);
  const headers = { "content-type": "application/json", host: endpoint };
  const authorization = signTc3({
    secretId: credentials.SecretId,
    secretKey: credentials.SecretKey,
    service: "faceid",
    timestamp,
    request: { method: "POST", rawQuery: "", headers, body: Buffer.from(body) },
  });
  return {
    method: "POST",
    path: "/",
    headers: {
      ...headers,
      authorization,
      "x-tc-action": action,
      "x-tc-version": "2018-03-01",
      "x-tc-timestamp": String(timestamp),
    },
    body,
  };
}

async function check(endpoint: string, request: CannonRequest): Promise<Record<string, unknown>> {
  const response = await fetch(`http://${endpoint}/`, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  const json = (await response.json()) as { Response: Record<string, unknown> };
  if (json.Response.Error) throw new Error(`pre-flight failed: ${JSON.stringify(json.Response.Error)}`);
  return json.Response;
}

/**
 * The load generator runs in a child process, so the server process's CPU time (process.cpuUsage) is the
 * server's alone: CPU ms per request is the figure that does not depend on how busy the machine is.
 */
async function runLoad(spec: {
  url: string;
  requests: CannonRequest[];
  duration?: number;
}): Promise<CannonResult> {
  const file = join(tmpdir(), `openekyc-bench-${process.pid}-${Date.now()}.json`);
  await writeFile(file, JSON.stringify({ connections, duration: seconds, ...spec }));
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--load", file],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as CannonResult;
  } finally {
    await rm(file, { force: true });
  }
}

async function run(label: string, endpoint: string, requests: CannonRequest[]): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const result = await runLoad({ url: `http://${endpoint}`, requests });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total);
  const failures = result.errors + result.non2xx + result.timeouts;
  console.log(
    `${label.padEnd(48)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   server CPU ${cpuMsPerRequest.toFixed(3)} ms/req (≈${(1000 / cpuMsPerRequest).toFixed(0)} req/s per free core)${failures ? `   failures ${failures}` : ""}`,
  );
}

async function bench(storeName: string, store: Store, dir: string): Promise<void> {
  const config = configSchema.parse({ dataDir: dir, logLevel: "warn" });
  const deps: ServerDeps = {
    config,
    store,
    blobs: new FsBlobStore(join(dir, "blobs")),
    secrets: new SecretBox("22".repeat(32)),
    clock: systemClock,
    publicUrl: "http://127.0.0.1",
  };
  const services = createServices(deps);
  const app = await buildServer(deps, { services });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const endpoint = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const credentials = await services.apps.createApp(`bench ${storeName}`);
    // The benchmark measures throughput, not the per-app limit.
    await store.updateApp(credentials.AppId, { rateLimitPerSecond: 1e9 });
    const timestamp = Math.floor(Date.now() / 1000);
    const apply = signed(
      endpoint,
      credentials,
      "ApplyWebVerificationBizTokenIntl",
      { RedirectURL: "https://merchant.example/cb", Extra: "bench", Config: { CheckMode: 3 } },
      timestamp,
    );
    await check(endpoint, apply);
    const gets: CannonRequest[] = [];
    for (let index = 0; index < 200; index += 1) {
      const token = (await check(endpoint, apply)).BizToken;
      gets.push(
        signed(endpoint, credentials, "GetWebVerificationResultIntl", { BizToken: token }, timestamp),
      );
    }
    await check(endpoint, gets[0]!);
    // Warm-up (JIT, statement caches, first WAL checkpoints), not reported.
    await runLoad({ url: `http://${endpoint}`, requests: [apply, ...gets], duration: warmUpSeconds });
    if (storeName === "sqlite") {
      // The HTTP floor on this machine: an unsigned, storeless route through the same server.
      const health = { method: "GET", path: "/healthz", headers: {}, body: "" };
      await run("baseline: GET /healthz (no auth, no store)", endpoint, [health]);
    }
    await run(`${storeName}: ApplyWebVerificationBizTokenIntl`, endpoint, [apply]);
    await run(`${storeName}: GetWebVerificationResultIntl`, endpoint, gets);
  } finally {
    // autocannon drops its sockets at the deadline; let the handlers still running finish first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await app.close();
  }
}

async function main(): Promise<void> {
  console.log(`${connections} connections, ${seconds} s per run, TC3-signed JSON over loopback`);
  const dir = await mkdtemp(join(tmpdir(), "openekyc-bench-"));
  try {
    const sqlite = await openSqliteStore(join(dir, "bench.sqlite"));
    await bench("sqlite", sqlite, dir).finally(() => sqlite.close());
    const schema = `bench_${process.pid}`;
    let postgres: Store | null = null;
    try {
      postgres = await openPostgresStore(pgUrl, { schema, poolSize: 20 });
    } catch (error) {
      console.log(`postgres: skipped (${(error as Error).message}); set OPENEKYC_BENCH_PG_URL`);
    }
    if (postgres) {
      await bench("postgres", postgres, dir).finally(() => postgres.close());
      const pg = require("pg") as { Client: new (url: string) => PgClient };
      const client = new pg.Client(pgUrl);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}

if (process.argv[2] === "--load") {
  const spec = JSON.parse(await readFile(process.argv[3]!, "utf8")) as Record<string, unknown>;
  process.stdout.write(JSON.stringify(await autocannon(spec)));
} else {
  await main();
}
