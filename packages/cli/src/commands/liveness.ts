import { readFileSync, writeFileSync } from "node:fs";
import {
  checkVideoLiveness,
  decodeVideo,
  encodeJpeg,
  FaceEngine,
  isVideoInputError,
  type MotionAction,
  motionActions,
  tencentLivenessResult,
  tencentVideoInputResult,
  type VideoLivenessReport,
} from "@openekyc/engine";
import { type CommandIo, parseArgs, writeLine } from "../io.ts";

const usage = `Usage:
  openekyc liveness VIDEO [--actions blink,mouth] [--json] [--best-frame OUT.jpg] [--max-seconds N] [--max-fps N]
    VIDEO: MP4, MOV, WebM, AVI or FLV. Without --actions the check is silent liveness; with it, the
    actions (blink, mouth, nod, shake) must be seen in the order given.`;

/** What `openekyc liveness` prints: one JSON object (or a short text summary). */
export interface LivenessCliResult {
  readonly video: string;
  readonly passed: boolean;
  /** Tencent pure-API Result the same video would get ("Success" when live). */
  readonly code: string;
  readonly message: string | null;
  readonly mode: "silent" | "action";
  readonly requiredActions: readonly MotionAction[];
  readonly actionsSeen: VideoLivenessReport["events"];
  readonly actionsMatched: VideoLivenessReport["matchedActions"];
  readonly durationMs: number | null;
  readonly framesAnalysed: number;
  readonly framesWithFace: number;
  readonly framesWithMultipleFaces: number;
  readonly sampledFps: number | null;
  readonly bestFrame: Omit<NonNullable<VideoLivenessReport["bestFrame"]>, "image"> | null;
  readonly identitySimilarities: readonly number[];
  readonly faceRegionChange: number | null;
  readonly antiSpoof: VideoLivenessReport["antiSpoof"];
}

function parseActions(text: string | true | undefined): MotionAction[] | null {
  if (text === undefined) return [];
  if (text === true) return null;
  const parts = text.split(",").map((part) => part.trim().toLowerCase());
  return parts.every((part): part is MotionAction => (motionActions as readonly string[]).includes(part))
    ? parts
    : null;
}

export async function runLiveness(args: string[], io: CommandIo): Promise<number> {
  const { positional, flags } = parseArgs(args, ["json"]);
  const actions = parseActions(flags.get("actions"));
  const maxSeconds = Number(flags.get("max-seconds") ?? 20);
  const maxFps = Number(flags.get("max-fps") ?? 15);
  const bestFrameOut = flags.get("best-frame");
  const [file] = positional;
  if (
    !file ||
    positional.length !== 1 ||
    !actions ||
    !(maxSeconds > 0) ||
    !(maxFps > 0) ||
    bestFrameOut === true
  ) {
    writeLine(io.stderr, usage);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    writeLine(io.stderr, `cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const mode = actions.length > 0 ? "action" : "silent";
  const result = await analyse(file, bytes, { mode, actions, maxSeconds, maxFps, bestFrameOut });
  if (flags.has("json")) writeLine(io.stdout, JSON.stringify(result));
  else writeLine(io.stdout, summary(result));
  return result.passed ? 0 : 1;
}

interface AnalyseOptions {
  readonly mode: "silent" | "action";
  readonly actions: MotionAction[];
  readonly maxSeconds: number;
  readonly maxFps: number;
  readonly bestFrameOut: string | undefined;
}

async function analyse(file: string, bytes: Buffer, options: AnalyseOptions): Promise<LivenessCliResult> {
  const { mode, actions, bestFrameOut } = options;
  const empty = { video: file, mode, requiredActions: actions, passed: false } as const;
  let video: Awaited<ReturnType<typeof decodeVideo>>;
  try {
    video = await decodeVideo(bytes, { maxDurationSeconds: options.maxSeconds, maxFps: options.maxFps });
  } catch (error) {
    if (!isVideoInputError(error)) throw error;
    return {
      ...empty,
      code: tencentVideoInputResult(error.problem),
      message: error.message,
      ...noEvidence,
    };
  }
  const engine = await FaceEngine.load();
  try {
    const report = await checkVideoLiveness(engine, video, { mode, actions });
    if (report.bestFrame && bestFrameOut)
      writeFileSync(bestFrameOut, await encodeJpeg(report.bestFrame.image));
    const { image: _image, ...bestFrame } = report.bestFrame ?? { image: null };
    return {
      ...empty,
      passed: report.passed,
      code: report.failure ? tencentLivenessResult(report.failure, mode) : "Success",
      message: report.failure?.message ?? null,
      actionsSeen: report.events,
      actionsMatched: report.matchedActions,
      durationMs: report.durationMs,
      framesAnalysed: report.framesAnalysed,
      framesWithFace: report.framesWithFace,
      framesWithMultipleFaces: report.framesWithMultipleFaces,
      sampledFps: report.sampledFps,
      bestFrame: report.bestFrame ? (bestFrame as LivenessCliResult["bestFrame"]) : null,
      identitySimilarities: report.identitySimilarities,
      faceRegionChange: report.faceRegionChange,
      antiSpoof: report.antiSpoof,
    };
  } finally {
    await engine.close();
  }
}

const noEvidence = {
  actionsSeen: [],
  actionsMatched: [],
  durationMs: null,
  framesAnalysed: 0,
  framesWithFace: 0,
  framesWithMultipleFaces: 0,
  sampledFps: null,
  bestFrame: null,
  identitySimilarities: [],
  faceRegionChange: null,
  antiSpoof: null,
} as const;

function summary(result: LivenessCliResult): string {
  const seen =
    result.actionsSeen.map((e) => `${e.action}@${(e.peakMs / 1000).toFixed(2)}s`).join(" ") || "none";
  const lines = [
    `${result.passed ? "LIVE" : "NOT LIVE"}  ${result.code}${result.message ? `  (${result.message})` : ""}`,
    `frames ${result.framesAnalysed} (${result.framesWithFace} with a face) at ${result.sampledFps ?? "-"} fps; actions seen: ${seen}`,
  ];
  if (result.bestFrame)
    lines.push(
      `best frame at ${(result.bestFrame.timestampMs / 1000).toFixed(2)}s, quality ${result.bestFrame.quality}`,
    );
  if (result.antiSpoof)
    lines.push(
      `anti-spoof (evidence only): mean real ${result.antiSpoof.meanReal}, mean live ${result.antiSpoof.meanLive}`,
    );
  return lines.join("\n");
}
