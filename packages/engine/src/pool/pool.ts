import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { EkycError, type ErrorCode, errorCatalogue } from "@openekyc/core";
import { defaultCalibration } from "../calibration/load.ts";
import type { FaceCalibration } from "../calibration/scores.ts";
import { compareEmbeddings } from "../compare.ts";
import type {
  AntiSpoofResult,
  CompareResult,
  DetectOptions,
  EmbedOptions,
  FaceEmbedding,
  FaceEngineApi,
  FaceObservation,
  QualityOptions,
  QualityVerdict,
  RgbImage,
} from "../types.ts";
import type { WorkerFailure, WorkerMemory, WorkerReply, WorkerRequest } from "./protocol.ts";

type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Job {
  readonly body: RequestBody;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy?: { id: number; job: Job };
}

export interface FaceEnginePoolOptions {
  /** Worker threads (default: the number of available cores). */
  readonly size?: number;
  readonly calibration?: FaceCalibration;
}

const workerUrl = new URL("./worker-entry.mjs", import.meta.url);

function rebuildError(failure: WorkerFailure): Error {
  if (failure.code && failure.code in errorCatalogue)
    return new EkycError(failure.code as ErrorCode, failure.message);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

/**
 * The engine on worker threads: each worker loads the models once and runs one call at a time; callers queue
 * here, so the event loop of the process using the pool is never blocked by inference.
 */
export class FaceEnginePool implements FaceEngineApi {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly givenCalibration: FaceCalibration | undefined;

  constructor(options: FaceEnginePoolOptions = {}) {
    this.givenCalibration = options.calibration;
    const size = Math.max(1, options.size ?? availableParallelism());
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get calibration(): FaceCalibration {
    return this.givenCalibration ?? defaultCalibration();
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves when every worker has loaded its models. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.ready));
  }

  private spawn(): Slot {
    // execArgv is not inherited: vitest and other hosts add flags a worker must not get.
    const worker = new Worker(workerUrl, { execArgv: [] });
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        const onReady = (message: unknown): void => {
          if ((message as { ready?: boolean }).ready) {
            worker.off("message", onReady);
            worker.off("error", reject);
            resolve();
            this.pump();
          }
        };
        worker.on("message", onReady);
        worker.once("error", reject);
      }),
    };
    slot.ready.catch(() => undefined);
    worker.on("message", (reply: WorkerReply) => {
      if (!("id" in reply) || slot.busy?.id !== reply.id) return;
      const { job } = slot.busy;
      slot.busy = undefined;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(rebuildError(reply.error));
      this.pump();
    });
    worker.on("exit", (code) => {
      const lost = slot.busy;
      slot.busy = undefined;
      lost?.job.reject(new EkycError("INTERNAL_ERROR", `face engine worker exited (code ${code})`));
      if (!this.closed) {
        // Replace a crashed worker so the pool keeps its size.
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots[index] = this.spawn();
      }
    });
    return slot;
  }

  /** Hands queued jobs to idle workers; a worker still loading buffers the message until it is ready. */
  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = { id, job };
      slot.worker.postMessage({ ...job.body, id });
    }
  }

  private call<T>(body: RequestBody): Promise<T> {
    if (this.closed) return Promise.reject(new EkycError("INTERNAL_ERROR", "the face engine pool is closed"));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ body, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  detect(image: RgbImage, options?: DetectOptions): Promise<FaceObservation[]> {
    return this.call({ method: "detect", image, ...(options ? { options } : {}) });
  }

  assessQuality(image: RgbImage, options?: QualityOptions): Promise<QualityVerdict> {
    return this.call({ method: "assessQuality", image, ...(options ? { options } : {}) });
  }

  embed(image: RgbImage, options?: EmbedOptions): Promise<FaceEmbedding | null> {
    return this.call({ method: "embed", image, ...(options ? { options } : {}) });
  }

  antiSpoof(image: RgbImage): Promise<AntiSpoofResult> {
    return this.call({ method: "antiSpoof", image });
  }

  /** Both images are embedded in parallel on two workers when the pool has them. */
  async compare(a: RgbImage, b: RgbImage): Promise<CompareResult> {
    const [embeddingA, embeddingB] = await Promise.all([this.embed(a), this.embed(b)]);
    return compareEmbeddings(this.calibration, embeddingA, embeddingB);
  }

  /** Memory as seen from each worker (RSS is process-wide; heap and tensor bytes are the worker's own). */
  memory(): Promise<WorkerMemory[]> {
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<WorkerMemory>((resolve, reject) => {
            const id = this.nextId++;
            const onMessage = (reply: WorkerReply): void => {
              if (reply.id !== id) return;
              slot.worker.off("message", onMessage);
              if (reply.ok) resolve(reply.value as WorkerMemory);
              else reject(rebuildError(reply.error));
            };
            slot.worker.on("message", onMessage);
            slot.ready.then(
              () => slot.worker.postMessage({ id, method: "memory" } satisfies WorkerRequest),
              reject,
            );
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new EkycError("INTERNAL_ERROR", "the face engine pool closed"));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
