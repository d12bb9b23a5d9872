import { parentPort } from "node:worker_threads";
import { isEkycError } from "@openekyc/core";
import { FaceEngine } from "../engine.ts";
import { loadModels } from "../runtime/models.ts";
import type { WorkerMemory, WorkerReply, WorkerRequest } from "./protocol.ts";

if (!parentPort) throw new Error("pool/worker.ts must run as a worker thread");
const port = parentPort;
const engine = await FaceEngine.load();
const models = await loadModels();

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.method) {
    case "detect":
      return engine.detect(request.image, request.options);
    case "assessQuality":
      return engine.assessQuality(request.image, request.options);
    case "embed":
      return engine.embed(request.image, request.options);
    case "antiSpoof":
      return engine.antiSpoof(request.image);
    case "compare":
      return engine.compare(request.image, request.other);
    case "memory": {
      const usage = process.memoryUsage();
      const tensors = models.human.tf.memory();
      const memory: WorkerMemory = {
        rss: usage.rss,
        heapUsed: usage.heapUsed,
        external: usage.external,
        tensorBytes: tensors.numBytes,
        tensorCount: tensors.numTensors,
      };
      return memory;
    }
  }
}

// One request at a time per worker: tfjs-wasm is single-threaded, so queueing happens in the pool.
port.on("message", (request: WorkerRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) => {
      const failure = isEkycError(error)
        ? { name: error.name, message: error.message, code: error.code }
        : {
            name: error instanceof Error ? error.name : "Error",
            message: String(error instanceof Error ? error.message : error),
          };
      port.postMessage({ id: request.id, ok: false, error: failure } satisfies WorkerReply);
    },
  );
});
port.postMessage({ ready: true });
