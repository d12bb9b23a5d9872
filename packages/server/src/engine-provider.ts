import { type FaceEngineApi, FaceEnginePool } from "@openekyc/engine";

/**
 * One face-engine worker pool per process, shared by the page, the pure-API actions and the SDK flows.
 * It starts on first use, so API-only traffic and CLI commands never pay for loading the models.
 */
export interface EngineProvider {
  readonly get: () => Promise<FaceEngineApi>;
  close(): Promise<void>;
}

export function lazyEnginePool(size?: number): EngineProvider {
  let pool: FaceEnginePool | null = null;
  return {
    get: async () => {
      pool ??= new FaceEnginePool(size ? { size } : {});
      return pool;
    },
    close: async () => {
      const current = pool;
      pool = null;
      await current?.close();
    },
  };
}
