import { parentPort } from "node:worker_threads";
import { isEkycError } from "@openekyc/core";
import { engineCardReader } from "./reader.ts";
import type { ReadReply, ReadRequest } from "./worker-reader.ts";

// One document read at a time, off the main thread: decoding, cropping and CTC decoding are synchronous
// JavaScript that would otherwise stall every request of the process for seconds.
parentPort?.on("message", async (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    const read =
      request.side === "back"
        ? await engineCardReader.back(request.image, request.idCardType)
        : await engineCardReader(request.image, request.idCardType);
    reply = { id: request.id, ok: true, read };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      code: isEkycError(error) ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
