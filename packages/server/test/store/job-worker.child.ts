/**
 * A worker process for the kill test: claims one job with a short lease, reports it, and then hangs as if
 * stuck in the middle of the work until the parent kills it.
 */
import { openSqliteJobQueue } from "../../src/store/index.ts";

const [file, leaseMs] = process.argv.slice(2) as [string, string];
const queue = await openSqliteJobQueue(file);
const [job] = await queue.claim(["callback"], `worker-${process.pid}`, Number(leaseMs));
process.stdout.write(`${JSON.stringify({ id: job?.id ?? null })}\n`);
setInterval(() => undefined, 60_000);
