import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.ts";
import { makeApp, makeSession } from "./fixtures.ts";

const child = fileURLToPath(new URL("./sqlite-race.child.ts", import.meta.url));
let dir = "";

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lines(proc: ChildProcess): AsyncIterator<string> {
  let buffered = "";
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const next = waiting.shift();
      if (next) next(line);
      else queue.push(line);
    }
  });
  // A crashed child answers with its exit code instead of leaving the test waiting.
  proc.on("exit", (code) => {
    if (code === 0) return;
    const line = `exited with ${code}`;
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  return {
    next: () =>
      new Promise((resolve) => {
        const line = queue.shift();
        if (line !== undefined) resolve({ value: line, done: false });
        else waiting.push((value) => resolve({ value, done: false }));
      }),
  };
}

it("separate processes migrate one new file at once and race on one token with one winner", async () => {
  dir = mkdtempSync(join(tmpdir(), "openekyc-race-"));
  const file = join(dir, "openekyc.sqlite");
  const app = makeApp();
  const claimed = makeSession(app.appId, { status: "in_progress", retryLimit: 5 });
  const finished = makeSession(app.appId, { status: "in_progress" });
  const procs = ["p1", "p2", "p3"].map((label) =>
    spawn(process.execPath, ["--import", "tsx", child, file, claimed.token, finished.token, label], {
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  const outputs = procs.map(lines);
  // This process migrates the same new file while the children do.
  const store = await openSqliteStore(file);
  await store.createApp(app);
  await store.createSession(claimed);
  await store.createSession(finished);
  for (const out of outputs) expect((await out.next()).value).toBe("ready");
  for (const proc of procs) proc.stdin!.write("go\n");
  const results = await Promise.all(
    outputs.map(
      async (out) => JSON.parse((await out.next()).value) as { claims: number[]; finishes: string[] },
    ),
  );
  expect(results.flatMap((r) => r.claims).sort()).toEqual([1, 2, 3, 4, 5]);
  const winners = results.flatMap((r) => r.finishes);
  expect(winners).toHaveLength(1);
  expect((await store.getSessionByToken(finished.token))?.resultMessage).toBe(winners[0]);
  expect((await store.getSessionByToken(claimed.token))?.attemptCount).toBe(5);
  await store.close();
});
