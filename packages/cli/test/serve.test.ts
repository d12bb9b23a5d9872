import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
    await stop(first.child);

    const second = await serve();
    expect(second.output).not.toContain("SecretKey:");
    await stop(second.child);
  });
});
