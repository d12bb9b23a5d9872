import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { openSqliteJobQueue } from "../../src/store/index.ts";

const child = fileURLToPath(new URL("./job-worker.child.ts", import.meta.url));
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("a job held by a worker process killed with SIGKILL is claimed again after its lease", async () => {
  dir = mkdtempSync(join(tmpdir(), "openekyc-kill-"));
  const file = join(dir, "openekyc.sqlite");
  const queue = await openSqliteJobQueue(file);
  const id = await queue.enqueue("callback", { sessionId: "s-1" }, Date.now());
  // Long enough that the check below runs inside the lease even on a loaded machine.
  const leaseMs = 2_000;

  const worker = spawn(process.execPath, ["--import", "tsx", child, file, String(leaseMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(worker.stdout!.setEncoding("utf8"), "data")) as [string];
  expect(JSON.parse(line)).toEqual({ id });
  worker.kill("SIGKILL");
  await once(worker, "exit");

  expect(await queue.claim(["callback"], "survivor", 30_000)).toEqual([]);
  const running = await queue.get(id);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, running!.lockedUntil! - Date.now()) + 20));
  const [resumed] = await queue.claim(["callback"], "survivor", 30_000);
  expect(resumed).toMatchObject({ id, attempts: 2, lockedBy: "survivor", payload: { sessionId: "s-1" } });
  expect(await queue.complete(id, "survivor")).toBe(true);
  await queue.close();
});
