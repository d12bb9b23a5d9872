import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliBin } from "./run-cli.ts";

const dataDir = mkdtempSync(join(tmpdir(), "openekyc-serve-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `openekyc serve` on a free port and resolves once it printed its banner. */
function serve(): Promise<{ output: string; base: string; child: ChildProcess }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [cliBin, "serve"], {
      env: { ...process.env, OPENEKYC_DATA_DIR: dataDir, PORT: "0", OPENEKYC_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Health:\s+(http:\/\/\S+)\/healthz/.exec(output);
      if (match && (output.includes("SecretKey:") || output.includes("Data:"))) {
        clearTimeout(timer);
        // Give the first-run lines a moment to arrive in the same chunk sequence.
        setTimeout(() => resolveStart({ output, base: match[1]!, child }), 200);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
}

interface CommonClientCtor {
  CommonClient: new (
    endpoint: string,
    version: string,
    options: { credential: { secretId: string; secretKey: string }; region: string; profile: unknown },
  ) => { request(action: string, params: unknown): Promise<Record<string, unknown>> };
}
const { CommonClient } = createRequire(import.meta.url)("tencentcloud-sdk-nodejs-common") as CommonClientCtor;

/** The official v4 SDK's error code for a call (TC3 signing), or "ok". */
async function sdkCode(base: string, secretId: string, secretKey: string, action: string, params: object) {
  const client = new CommonClient(new URL(base).host, "2018-03-01", {
    credential: { secretId, secretKey },
    region: "ap-singapore",
    profile: { httpProfile: { protocol: "http://" } },
  });
  try {
    await client.request(action, params);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners("exit");
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}

describe("openekyc serve on a fresh data dir", () => {
  it("creates a first app once, prints its credentials and the URLs, and answers /healthz and /demo", async () => {
    const first = await serve();
    expect(first.output).toMatch(/SecretId:\s+\S+/);
    expect(first.output).toMatch(/SecretKey:\s+\S+/);
    expect(first.output).toContain("/demo");
    const health = await fetch(`${first.base}/healthz`);
    expect(health.status).toBe(200);
    const demo = await fetch(`${first.base}/demo`);
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain("Demo merchant");

    // The printed credentials work with the official SDK, and every action family is dispatched,
    // the pure-API liveness and reflection actions included (refused here for their missing inputs).
    const secretId = /SecretId:\s+(\S+)/.exec(first.output)![1]!;
    const secretKey = /SecretKey:\s+(\S+)/.exec(first.output)![1]!;
    const call = (action: string, params: object) => sdkCode(first.base, secretId, secretKey, action, params);
    expect(await call("ApplyLivenessToken", {})).toBe("ok");
    expect(await call("CompareFaceLiveness", { LivenessType: "SILENT" })).toBe("MissingParameter");
    expect(await call("GenerateReflectSequence", { DeviceDataUrl: "x", DeviceDataMd5: "nope" })).toMatch(
      /^InvalidParameter/,
    );
    expect(await call("NoSuchAction", {})).toBe("InvalidAction");
    await stop(first.child);

    const second = await serve();
    expect(second.output).not.toContain("SecretKey:");
    await stop(second.child);
  });
});
