import { Worker } from "node:worker_threads";
import { EkycError, type ErrorCode } from "@openekyc/core";
import type { CardBackRead, CardRead, CardReader } from "./reader.ts";

export interface ReadRequest {
  readonly id: number;
  readonly side: "front" | "back";
  readonly image: Uint8Array;
  readonly idCardType: string;
}

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly read: CardRead | CardBackRead }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode | null; readonly message: string };

const workerUrl = new URL("./read-worker-entry.mjs", import.meta.url);

interface Pending {
  resolve(read: CardRead | CardBackRead): void;
  reject(error: Error): void;
}

/**
 * A CardReader that runs the documents engine in a worker thread (started on first use, restarted after a
 * crash). The worker holds the process open only while a read is pending.
 */
export function createWorkerCardReader(): CardReader & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    // execArgv is not inherited: test runners add flags a worker must not get.
    const started = new Worker(workerUrl, { execArgv: [] });
    started.on("message", (reply: ReadReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.read);
      else waiting.reject(reply.code ? new EkycError(reply.code, reply.message) : new Error(reply.message));
    });
    started.on("error", (error) => failAll(error));
    started.on("exit", () => {
      if (worker === started) worker = null;
      failAll(new Error("The document reader stopped."));
    });
    started.unref();
    return started;
  };

  const request = (side: ReadRequest["side"], image: Uint8Array, idCardType: string) =>
    new Promise<CardRead | CardBackRead>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, side, image, idCardType } satisfies ReadRequest);
    });
  // The worker answers a side with that side's reading (read-worker.ts), so the casts only restore the type.
  const read = (image: Uint8Array, idCardType: string) =>
    request("front", image, idCardType) as Promise<CardRead>;
  return Object.assign(read, {
    back: (image: Uint8Array, idCardType: string) =>
      request("back", image, idCardType) as Promise<CardBackRead>,
    close: async () => {
      const running = worker;
      worker = null;
      await running?.terminate();
    },
  });
}
