import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as FaceApi from "@vladmandic/face-api";
import type { Config, Human } from "@vladmandic/human";
import { registerFileLoadRouter } from "./load-router.ts";

const require = createRequire(import.meta.url);

/** The loaded model stack: one tfjs-wasm engine shared by Human and face-api. */
export interface ModelStack {
  readonly human: Human;
  readonly faceapi: typeof FaceApi;
}

/** Some packages (Human) do not export ./package.json, so walk up from the resolved entry point. */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, "package.json")) || path.basename(dir) !== name.split("/").pop()) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot locate the ${name} package directory`);
    dir = parent;
  }
  return dir;
}

/** Human config for a server: wasm, models from node_modules, and no caching between inputs (never reuse a
 * previous, similar image's result). Detection + mesh only; heavier parts are switched on per call. */
export function baseHumanConfig(): Partial<Config> {
  const humanModels = path.join(packageDir("@vladmandic/human"), "models");
  const wasmDir = path.join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist");
  return {
    backend: "wasm",
    wasmPath: `${wasmDir}/`,
    modelBasePath: `${pathToFileURL(humanModels).href}/`,
    warmup: "none",
    cacheSensitivity: 0,
    cacheModels: false,
    debug: false,
    filter: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: true,
        maxDetected: 5,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: 0.3,
        return: false,
      },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false, skipFrames: 0, skipTime: 0 },
      emotion: { enabled: false },
      antispoof: { enabled: false, skipFrames: 0, skipTime: 0 },
      liveness: { enabled: false, skipFrames: 0, skipTime: 0 },
    },
  } as Partial<Config>;
}

let loading: Promise<ModelStack> | undefined;

/** Loads every model once per thread (a worker has its own copy). */
export function loadModels(): Promise<ModelStack> {
  loading ??= (async () => {
    registerFileLoadRouter();
    const humanModule = require(path.join(packageDir("@vladmandic/human"), "dist", "human.node-wasm.js")) as {
      Human: new (config?: Partial<Config>) => Human;
    };
    const faceapi = require("@vladmandic/face-api/dist/face-api.node-wasm.js") as typeof FaceApi;
    const human = new humanModule.Human(baseHumanConfig());
    await human.tf.setBackend("wasm");
    await human.tf.ready();
    await human.load({
      face: {
        enabled: true,
        description: { enabled: true },
        antispoof: { enabled: true },
        liveness: { enabled: true },
      },
    } as Partial<Config>);
    const faceModelDir = path.join(packageDir("@vladmandic/face-api"), "model");
    await faceapi.nets.faceLandmark68Net.loadFromDisk(faceModelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(faceModelDir);
    return { human, faceapi };
  })();
  return loading;
}
