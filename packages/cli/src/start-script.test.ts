import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The README's first command is `npm install && npm start`: this runs the root package's real `start` script
// (not the CLI function), so a script that exits without serving fails here, not on a newcomer's machine.
const root = fileURLToPath(new URL("../../../", import.meta.url));
let child: ChildProcess | null = null;
let dataDir = "";

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

afterAll(async () => {
  // npm runs the server as its own child: stop the whole process group.
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("keeps serving on embedded defaults, prints the URLs and answers /healthz and /demo", async () => {
    const port = await freePort();
    dataDir = await mkdtemp(join(tmpdir(), "openekyc-start-"));
    child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), OPENEKYC_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const exited = new Promise<number | null>((resolveExit) => child!.once("exit", resolveExit));
    const ready = new Promise<void>((resolveReady) => {
      child!.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("/verify?token=")) resolveReady();
      });
    });
    const first = await Promise.race([
      ready.then(() => "ready" as const),
      exited.then(() => "exited" as const),
    ]);
    expect(first, `npm start exited early:\n${output}`).toBe("ready");
    expect(output).toContain(`http://localhost:${port}/demo`);
    expect(output).toContain("SecretKey:");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const demo = await fetch(`http://127.0.0.1:${port}/demo`);
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain("<html");
  }, 120_000);
});
