import { createHash, randomUUID } from "node:crypto";
import {
  type BlobStore,
  type Clock,
  EkycError,
  isTerminal,
  type Session,
  SessionStateViolation,
  webResultMessage,
} from "@openekyc/core";
import {
  type FaceEngineApi,
  generateReflectSequence,
  parseCapturePackage,
  type RgbImage,
  sequenceToWire,
  type WireSequence,
} from "@openekyc/engine";
import type { SessionService } from "../sessions.ts";
import { actionsForAttempt, highSecurityColourCount, highSecurityLevel } from "./action-plan.ts";
import { type AttemptMode, AttemptStore, attemptPrefix } from "./attempt-store.ts";
import { checkActionsAndReflection } from "./combined-check.ts";
import { encodeFrameJpeg } from "./frames.ts";
import { type AttemptVerdict, attemptResult, livenessInfoTagsOf } from "./outcome.ts";
import { pageSteps } from "./page-steps.ts";
import { checkReflection } from "./reflection-check.ts";
import { loadSessionReference, verifyVideo } from "./video-check.ts";

/** Calibrated similarity (0-100) the best frame must reach against the reference photo (reference §6.2). */
export const COMPARE_PASS_SIMILARITY = 70;

export interface StartedAttempt {
  readonly Seq: string;
  readonly Mode: AttemptMode;
  /** Reflection mode: the colours to show. */
  readonly Sequence: (WireSequence & { readonly RestRgb: string }) | null;
  /** Motion and combined modes: the actions to prompt, in this order (drawn per attempt). */
  readonly Actions: readonly string[];
  /** Seconds the user has to finish this attempt (Config.LivenessTimeout). */
  readonly TimeoutSeconds: number;
}

export interface AttemptOutcome {
  readonly Seq: string;
  readonly Passed: boolean;
  readonly ErrorCode: number;
  readonly ErrorMsg: string;
  /** The session is over (passed, or failed with no attempts left). */
  readonly Finished: boolean;
  readonly AttemptsLeft: number;
  /**
   * The attempt's best frame (JPEG, base64), only when the page asked for it (the browser SDK's bestImage
   * option) and the attempt passed: the frame came from this browser's own capture, answered to its upload.
   */
  readonly BestFrameBase64?: string;
}

/** What the page asks back with an upload. */
export interface SubmitOptions {
  readonly bestFrame?: boolean;
}

export interface WebVerificationDeps {
  readonly sessions: SessionService;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly engine: () => Promise<FaceEngineApi>;
  /** Where engine crashes are reported (the request logger). */
  readonly onEngineError?: (error: unknown) => void;
  /** The document step (CheckMode 1): no face attempt before a document passed. */
  readonly documents?: { assertReadyForLiveness(session: Session): Promise<void> };
}

/**
 * The hosted page's verification flow: starts attempts (the server picks the colours), judges uploaded
 * captures or videos, records each attempt with its evidence, and finishes the session.
 */
export class WebVerificationService {
  readonly #deps: WebVerificationDeps;
  readonly #attempts: AttemptStore;
  constructor(deps: WebVerificationDeps) {
    this.#deps = deps;
    this.#attempts = new AttemptStore(deps.blobs);
  }

  /** The mode this session's SecurityLevel asks for; `video` when the browser cannot stream the camera. */
  static modeFor(session: Session, video: boolean): AttemptMode {
    if (video) return "video";
    const level = Number(session.config.SecurityLevel ?? 3);
    if (level === 1) return "silent";
    if (level === 2) return "action";
    // 4 and 5: the actions, then the colours, in one capture (reference §6.1 "action + lighting").
    if (level >= 4) return "action-reflection";
    return "reflection";
  }

  async startAttempt(token: string, options: { video: boolean; motion: boolean }): Promise<StartedAttempt> {
    const before = await this.#deps.sessions.get(token);
    await this.#deps.documents?.assertReadyForLiveness(before);
    if (options.video && Number(before.config.AutoDowngrade ?? 1) === 2 && before.config.SecurityLevel !== 1)
      throw new EkycError(
        "UNSUPPORTED_OPERATION",
        "This verification does not allow the video-recording mode.",
      );
    const session = await this.#deps.sessions.startAttempt(token);
    let mode = WebVerificationService.modeFor(session, options.video);
    // The user chose the non-flashing path: motion instead of colours (photosensitivity).
    if ((mode === "reflection" || mode === "action-reflection") && options.motion) mode = "action";
    const level = Number(session.config.SecurityLevel ?? 3);
    const seq = randomUUID();
    const flashes = mode === "reflection" || mode === "action-reflection";
    const sequence = flashes
      ? generateReflectSequence(level >= highSecurityLevel ? { colourCount: highSecurityColourCount } : {})
      : null;
    // The recorded-video downgrade is silent liveness (Config.AutoDowngrade 1), so only live motion asks for actions.
    const listed = (session.config.ActionList as string[] | undefined) ?? [];
    const actions = mode === "action" || mode === "action-reflection" ? actionsForAttempt(listed, level) : [];
    const startedAt = this.#deps.clock.now();
    await this.#attempts.open(session.id, { seq, mode, startedAt, sequence, actions });
    return {
      Seq: seq,
      Mode: mode,
      Sequence: sequence ? { ...sequenceToWire(sequence), RestRgb: "#808080" } : null,
      Actions: actions,
      TimeoutSeconds: Number(session.config.LivenessTimeout ?? 45),
    };
  }

  async submitCapture(
    token: string,
    seq: string,
    bytes: Uint8Array,
    options: SubmitOptions = {},
  ): Promise<AttemptOutcome> {
    const session = await this.#deps.sessions.get(token);
    const attempt = await this.#attempts.claim(session.id, seq);
    const prefix = attemptPrefix(session.id, seq);
    const started = this.#deps.clock.now();
    const evidence: Record<string, string> = {};
    await this.#deps.blobs.put(`${prefix}capture.oekc`, bytes, "application/octet-stream");
    evidence.capture = `${prefix}capture.oekc`;
    evidence.sequence = `${prefix}attempt.json`;
    let verdict: AttemptVerdict;
    if (this.#timedOut(session, attempt.startedAt)) {
      verdict = failure(1005, "The attempt took longer than Config.LivenessTimeout.", evidence);
    } else if (attempt.mode === "action-reflection" && attempt.sequence) {
      const capture = parseCapturePackage(bytes);
      if (capture.manifest.sequenceId !== attempt.sequence.id)
        throw new EkycError("INVALID_PARAMETER_VALUE", "The capture answers another attempt's sequence.");
      const level = Number(session.config.SecurityLevel ?? 4);
      const plan = { actions: attempt.actions, strict: level >= highSecurityLevel };
      verdict = await this.#engineOr1001(evidence, async (engine) => {
        const check = await checkActionsAndReflection(engine, attempt.sequence!, capture, plan);
        const { action, windows, reflection } = check.phases;
        return this.#compare(session, engine, check.bestFrame, {
          livenessCode: check.livenessCode,
          livenessDetail: check.detail,
          compareCode: null,
          similarity: null,
          scores: check.scores,
          evidence,
          // Every failed phase's reason, so a merchant sees which one failed (or that both did); the
          // per-phase codes themselves stay in the attempt's scores.
          tags: livenessInfoTagsOf([action.code, windows?.code ?? 0, reflection.code, check.livenessCode]),
        });
      });
    } else if (attempt.mode === "reflection" && attempt.sequence) {
      const capture = parseCapturePackage(bytes);
      if (capture.manifest.sequenceId !== attempt.sequence.id)
        throw new EkycError("INVALID_PARAMETER_VALUE", "The capture answers another attempt's sequence.");
      verdict = await this.#engineOr1001(evidence, async (engine) => {
        const check = await checkReflection(engine, attempt.sequence!, capture);
        return this.#compare(session, engine, check.bestFrame, {
          livenessCode: check.livenessCode,
          livenessDetail: check.detail,
          compareCode: null,
          similarity: null,
          scores: check.scores,
          evidence,
          tags: [],
        });
      });
    } else {
      throw new EkycError("INVALID_PARAMETER_VALUE", "This attempt expects a video, not a capture package.");
    }
    verdict.scores.decisionMs = this.#deps.clock.now() - started;
    return this.#record(token, session, seq, attempt.mode, verdict, options);
  }

  async submitVideo(
    token: string,
    seq: string,
    bytes: Uint8Array,
    options: SubmitOptions = {},
  ): Promise<AttemptOutcome> {
    const session = await this.#deps.sessions.get(token);
    const attempt = await this.#attempts.claim(session.id, seq);
    if (attempt.mode === "reflection" || attempt.mode === "action-reflection")
      throw new EkycError("INVALID_PARAMETER_VALUE", "This attempt expects a capture package, not a video.");
    const prefix = attemptPrefix(session.id, seq);
    const evidence: Record<string, string> = { video: `${prefix}video` };
    await this.#deps.blobs.put(evidence.video!, bytes, "video/mp4");
    const reference = await loadSessionReference(this.#deps.blobs, session);
    // The order drawn at the start of the attempt; attempts stored before that used the listed order.
    const listed = (session.config.ActionList as string[] | undefined) ?? [];
    const actions =
      attempt.mode !== "action"
        ? []
        : attempt.actions.length > 0
          ? attempt.actions
          : listed.length > 0
            ? listed
            : ["blink"];
    const checked = this.#timedOut(session, attempt.startedAt)
      ? failure(1005, "The attempt took longer than Config.LivenessTimeout.", evidence)
      : await this.#engineOr1001(evidence, (engine) =>
          verifyVideo(engine, bytes, reference, actions, evidence),
        );
    if ("bestFrameJpeg" in checked && checked.bestFrameJpeg) {
      await this.#deps.blobs.put(`${prefix}best-frame.jpg`, checked.bestFrameJpeg, "image/jpeg");
      evidence.bestFrame = `${prefix}best-frame.jpg`;
    }
    return this.#record(token, session, seq, attempt.mode, checked, options);
  }

  /** Neither a live camera nor video recording works in this browser: the session ends "unsupported". */
  async markUnsupported(token: string): Promise<Session> {
    return this.#deps.sessions.finish(token, { status: "unsupported" });
  }

  /**
   * Runs engine work; an engine crash becomes this attempt's 1001 ("Failed to call the liveness engine"),
   * recorded like any result, so the user can retry and the merchant sees why.
   */
  async #engineOr1001<T extends AttemptVerdict>(
    evidence: Record<string, string>,
    work: (engine: FaceEngineApi) => Promise<T>,
  ): Promise<T | ReturnType<typeof failure>> {
    try {
      return await work(await this.#deps.engine());
    } catch (error) {
      if (error instanceof EkycError) throw error;
      this.#deps.onEngineError?.(error);
      return failure(1001, "The liveness engine failed.", evidence);
    }
  }

  #timedOut(session: Session, startedAt: number): boolean {
    return this.#deps.clock.now() - startedAt > Number(session.config.LivenessTimeout ?? 45) * 1000;
  }

  async #compare(
    session: Session,
    engine: FaceEngineApi,
    bestFrame: RgbImage | null,
    verdict: AttemptVerdict,
  ): Promise<AttemptVerdict> {
    if (!bestFrame) return verdict;
    // Evidence, anti-spoof scores and the reference comparison are independent: run them together.
    const key = `${verdict.evidence.capture!.replace(/capture\.oekc$/, "")}best-frame.jpg`;
    const stored = encodeFrameJpeg(bestFrame).then((jpeg) => this.#deps.blobs.put(key, jpeg, "image/jpeg"));
    const spoof = engine.antiSpoof(bestFrame);
    const compared =
      verdict.livenessCode === 0
        ? loadSessionReference(this.#deps.blobs, session).then((reference) =>
            reference ? engine.compare(reference, bestFrame) : null,
          )
        : Promise.resolve(null);
    const [, spoofResult, result] = await Promise.all([stored, spoof, compared]);
    verdict.evidence.bestFrame = key;
    if (spoofResult.raw) {
      verdict.scores.antispoofReal = spoofResult.raw.antispoofReal;
      verdict.scores.antispoofLive = spoofResult.raw.liveness;
    }
    if (!result) return verdict;
    const similarity = Math.round(result.similarity * 100) / 100;
    verdict.scores.similarity = similarity;
    const compareCode = result.error
      ? result.missing === "a"
        ? 2013
        : 1004
      : similarity >= COMPARE_PASS_SIMILARITY
        ? 0
        : 2016;
    return { ...verdict, compareCode, similarity };
  }

  async #record(
    token: string,
    session: Session,
    seq: string,
    mode: string,
    verdict: AttemptVerdict,
    options: SubmitOptions,
  ): Promise<AttemptOutcome> {
    const result = attemptResult(seq, this.#deps.clock.now(), mode, verdict);
    await this.#deps.sessions.recordAttemptResult(token, result);
    const passed = result.errorCode === 0;
    const noAttemptsLeft = session.attemptCount >= session.retryLimit;
    let finished = false;
    if (passed || noAttemptsLeft) {
      try {
        await this.#deps.sessions.finish(
          token,
          passed ? { status: "passed" } : { status: "failed", resultCode: result.errorCode },
        );
        finished = true;
      } catch (error) {
        if (!(error instanceof SessionStateViolation)) throw error;
        finished = true;
      }
    }
    return {
      Seq: seq,
      Passed: passed,
      ErrorCode: result.errorCode,
      ErrorMsg: webResultMessage(result.errorCode),
      Finished: finished,
      AttemptsLeft: Math.max(0, session.retryLimit - session.attemptCount),
      ...(passed && options.bestFrame ? await this.#bestFrame(verdict.evidence.bestFrame) : {}),
    };
  }

  async #bestFrame(key: string | undefined): Promise<{ BestFrameBase64?: string }> {
    const blob = key ? await this.#deps.blobs.get(key) : null;
    return blob ? { BestFrameBase64: Buffer.from(blob.data).toString("base64") } : {};
  }

  /** What the page needs to render and to resume. */
  async pageState(token: string) {
    const session = await this.#deps.sessions.get(token);
    const c = session.config;
    return {
      Status: session.status,
      Finished: isTerminal(session.status),
      ErrorCode: session.resultCode,
      ErrorMsg:
        session.resultCode === null ? null : (session.resultMessage ?? webResultMessage(session.resultCode)),
      AttemptsLeft: Math.max(0, session.retryLimit - session.attemptCount),
      RedirectURL: session.redirectUrl ? withToken(session.redirectUrl, session.token) : null,
      Steps: pageSteps(session),
      Config: {
        Language: c.Language ?? null,
        ThemeColor: c.ThemeColor ?? "#2d72f1",
        SkipPrivacyPolicy: c.SkipPrivacyPolicy === true,
        AutoSkipStartPage: c.AutoSkipStartPage === true,
        AutoSkip: c.AutoSkip === true,
        SecurityLevel: Number(c.SecurityLevel ?? 3),
        AutoDowngrade: Number(c.AutoDowngrade ?? 1),
        LivenessTimeout: Number(c.LivenessTimeout ?? 45),
      },
    };
  }
}

function failure(
  code: number,
  detail: string,
  evidence: Record<string, string>,
): AttemptVerdict & { bestFrameJpeg: null } {
  return {
    livenessCode: code,
    livenessDetail: detail,
    compareCode: null,
    similarity: null,
    scores: {},
    evidence,
    tags: [],
    bestFrameJpeg: null,
  };
}

/** RedirectURL with `token=<BizToken>` added (reference §5.1), keeping its own query. */
export function withToken(redirectUrl: string, token: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}
