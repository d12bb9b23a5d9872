/**
 * One "process" of the cross-process SQLite race test: opens (and migrates) the shared file, says ready,
 * waits for "go" on stdin, then races claimAttempt and transitionSession against its siblings and prints
 * what it won as one JSON line.
 */
import { once } from "node:events";
import { openSqliteStore } from "../../src/store/index.ts";

const [file, claimToken, finishToken, label] = process.argv.slice(2) as [string, string, string, string];
const store = await openSqliteStore(file);
process.stdout.write("ready\n");
await once(process.stdin, "data");

const claims: number[] = [];
const finishes: string[] = [];
for (let i = 0; i < 200; i++) {
  const claimed = await store.claimAttempt(claimToken);
  if (claimed) claims.push(claimed.attemptCount);
  const finished = await store.transitionSession(finishToken, ["created", "in_progress"], {
    status: "passed",
    finishedAt: Date.now(),
    resultMessage: label,
  });
  if (finished) finishes.push(finished.resultMessage ?? "");
}
await store.close();
process.stdout.write(`${JSON.stringify({ claims, finishes })}\n`);
process.exit(0);
