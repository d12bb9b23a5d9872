import "./style.css";
import { reportFinalResultToSdk } from "../documents/bridge.ts";
import { documentStepDone, withDocumentStep } from "../documents/page-hook.ts";
import { type AttemptOutcome, createApi, type PageApi, PageApiError, type PageState } from "./api.ts";
import { CameraError, hasLiveCamera, openCamera, stopCamera } from "./camera.ts";
import { recordClip, runActionsThenReflection, runReflection } from "./capture.ts";
import { announce, h, show } from "./dom.ts";
import { createFramingCheck } from "./framing.ts";
import { loadLanguage, type MessageKey, pickLanguage, t } from "./i18n.ts";
import { startBody } from "./start-copy.ts";

const token = new URLSearchParams(location.search).get("token") ?? "";
/** Opened by the browser SDK with its bestImage option: the success callback carries the best frame. */
const wantsBestFrame = new URLSearchParams(location.search).get("bestImage") === "1";
let bestFrame: string | undefined;
const api: PageApi = createApi(token);
let state: PageState;
let stream: MediaStream | null = null;
/** How long each action prompt stays up (motion and combined modes). */
const ACTION_STEP_MS = 2500;
/** The user asked for the non-flashing path. */
let motionChosen = false;

const button = (label: string, onclick: () => void, primary = true) =>
  h("button", { type: "button", class: primary ? "primary" : "secondary", onclick }, label);
/** Codes the user can act on get a hint; the others only say "failed" (never a score). */
const codeMessages: Record<number, MessageKey> = {
  14: "finished",
  15: "expired",
  16: "retryLimit",
  1004: "noFace",
  1201: "tooDark",
  1202: "tooBright",
  1203: "tooClose",
  1205: "tooFar",
  2010: "severalFaces",
  2012: "severalFaces",
};

async function boot(): Promise<unknown> {
  try {
    state = await api.state();
  } catch (error) {
    await loadLanguage(pickLanguage(null, navigator.languages));
    return showFatal(error instanceof PageApiError && error.status === 400 ? "expired" : "error");
  }
  const query = new URLSearchParams(location.search).get("lang");
  await loadLanguage(pickLanguage(query ?? state.Config.Language, navigator.languages));
  document.documentElement.style.setProperty("--theme", state.Config.ThemeColor);
  document.title = t("title");
  if (state.Finished) return showResult(state.ErrorCode === 0, state.ErrorCode, false, state.AttemptsLeft);
  // No live camera: the document step (CheckMode 1/4, album upload) still comes first.
  if (!hasLiveCamera())
    return state.Steps.Document
      ? withDocumentStep(token, state.Config.Language, state.RedirectURL, videoMode)
      : videoMode();
  if (state.Config.AutoSkipStartPage && state.Config.SkipPrivacyPolicy) return beforeCamera();
  showStart();
}

function showStart(): void {
  const consent = state.Config.SkipPrivacyPolicy
    ? null
    : h("label", { class: "consent" }, h("input", { type: "checkbox", id: "consent" }), t("consent"));
  const start = button(t("start"), () => {
    const box = document.getElementById("consent") as HTMLInputElement | null;
    if (box && !box.checked) {
      box.focus();
      return announce(t("consent"));
    }
    beforeCamera();
  });
  show("start", h("h1", {}, t("startHeading")), h("p", {}, t(startBody(state.Steps))), consent, start);
}

/** Reflection mode warns about flashing first and offers the non-flashing path. */
function beforeCamera(): unknown {
  // CheckMode 1/4: the document step first (CheckMode 4 ends there).
  if (state.Steps.Document && !documentStepDone())
    return withDocumentStep(token, state.Config.Language, state.RedirectURL, beforeCamera);
  if (state.Config.SecurityLevel < 3 || motionChosen) return openAndFrame();
  show(
    "flash-warning",
    h("h1", {}, t("flashWarningHeading")),
    h("p", {}, t("flashWarningBody")),
    button(t("flashContinue"), () => openAndFrame()),
    button(
      t("useMotion"),
      () => {
        motionChosen = true;
        void openAndFrame();
      },
      false,
    ),
  );
}

async function openAndFrame(): Promise<unknown> {
  show("camera", h("h1", {}, t("title")), h("p", {}, t("cameraAsk")));
  try {
    stopCamera(stream);
    stream = await openCamera();
  } catch (error) {
    const problem = error instanceof CameraError ? error.problem : "cameraBroken";
    return show(
      "camera-error",
      h("h1", {}, t("title")),
      h("p", { role: "alert", "data-problem": problem }, t(problem)),
      button(t("tryAgain"), () => openAndFrame()),
    );
  }
  const video = h("video", {
    autoplay: true,
    muted: true,
    playsinline: true,
    "aria-hidden": "true",
  }) as HTMLVideoElement;
  video.muted = true;
  video.srcObject = stream;
  const hint = h("p", { class: "hint" }, t("framing"));
  show("framing", h("h1", {}, t("framing")), h("div", { class: "oval" }, video), hint);
  await video.play().catch(() => undefined);
  const check = createFramingCheck(video);
  let goodSince = 0;
  for (let i = 0; i < 150; i++) {
    const problem = await check();
    hint.textContent = t(problem ?? "hold");
    announce(hint.textContent);
    if (problem) goodSince = 0;
    else if (!goodSince) goodSince = performance.now();
    else if (performance.now() - goodSince > 800) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  await liveness(video);
}

async function liveness(video: HTMLVideoElement): Promise<unknown> {
  let attempt: Awaited<ReturnType<PageApi["start"]>>;
  try {
    attempt = await api.start({ video: false, motion: motionChosen });
  } catch (error) {
    return sessionFailure(error);
  }
  const hint = h("p", { class: "hint" });
  const flash = h("div", { class: "flash", hidden: true, "aria-hidden": "true" });
  show(
    "liveness",
    h("h1", { class: "sr-only" }, t("title")),
    flash,
    h("div", { class: "oval" }, video),
    hint,
  );
  // Each prompt names its action on the element too (styling per action; the test camera acts on it).
  const prompt = (action: string) => () => {
    hint.dataset.action = action;
    hint.textContent = t(action as MessageKey);
    announce(hint.textContent);
  };
  let body: Blob;
  if (attempt.Mode === "action-reflection" && attempt.Sequence) {
    const prompts = attempt.Actions.map((action) => ({ action, show: prompt(action) }));
    const colours = () => {
      delete hint.dataset.action;
      hint.textContent = t("reflecting");
      announce(hint.textContent);
    };
    body = await runActionsThenReflection(video, flash, attempt.Sequence, prompts, ACTION_STEP_MS, colours);
  } else if (attempt.Mode === "reflection" && attempt.Sequence) {
    hint.textContent = t("reflecting");
    announce(hint.textContent);
    body = await runReflection(video, flash, attempt.Sequence);
  } else {
    const actions = attempt.Mode === "silent" ? ["hold"] : attempt.Actions;
    body = await recordClip(stream!, actions.map(prompt), attempt.Mode === "silent" ? 3000 : ACTION_STEP_MS);
  }
  stopCamera(stream);
  stream = null;
  const kind = attempt.Mode === "reflection" || attempt.Mode === "action-reflection" ? "capture" : "video";
  await upload(attempt.Seq, kind, body);
}

async function upload(seq: string, kind: "capture" | "video", body: Blob): Promise<unknown> {
  const progress = h("progress", { max: 100, value: 0, "aria-label": t("uploading") }) as HTMLProgressElement;
  const label = h("p", {}, t("uploading"));
  show("upload", h("h1", {}, t("uploading")), progress, label);
  announce(t("uploading"));
  let outcome: AttemptOutcome;
  try {
    outcome = await api.upload(
      seq,
      kind,
      body,
      (share) => {
        progress.value = Math.round(share * 100);
        if (share >= 1) {
          label.textContent = t("verifying");
          announce(t("verifying"));
        }
      },
      wantsBestFrame,
    );
  } catch (error) {
    // The network dropped or the server failed before answering: the same capture can be sent again.
    if (
      error instanceof PageApiError &&
      error.resultCode === null &&
      (error.status === 0 || error.status >= 500)
    )
      return show(
        "upload-failed",
        h("h1", {}, t("title")),
        h("p", { role: "alert" }, t("error")),
        button(t("tryAgain"), () => void upload(seq, kind, body)),
      );
    return sessionFailure(error);
  }
  bestFrame = outcome.BestFrameBase64;
  if (outcome.Passed && state.Config.AutoSkip && state.RedirectURL) return location.assign(state.RedirectURL);
  showResult(
    outcome.Passed,
    outcome.ErrorCode,
    !outcome.Finished && outcome.AttemptsLeft > 0,
    outcome.AttemptsLeft,
  );
}

/** Result page: never a score, only the outcome; retry while attempts remain; "Next" goes back to the merchant. */
function showResult(passed: boolean, code: number | null, canRetry: boolean, attemptsLeft = 0): void {
  if (!canRetry) reportFinalResultToSdk(token, passed, bestFrame); // opened by the browser SDK: its callbacks
  const next = state.RedirectURL ? button(t("next"), () => location.assign(state.RedirectURL!)) : null;
  // A failure without its own hint, with every attempt used: say why there is no "Try again".
  const known =
    (code !== null ? codeMessages[code] : undefined) ?? (attemptsLeft === 0 ? "retryLimit" : undefined);
  show(
    passed ? "result-success" : "result-failure",
    h("h1", {}, t(passed ? "successHeading" : "failHeading")),
    h("p", { role: "status", "data-code": code ?? "" }, passed ? t("successBody") : known ? t(known) : ""),
    canRetry ? h("p", {}, t("attemptsLeft", { n: attemptsLeft })) : null,
    canRetry ? button(t("tryAgain"), () => (hasLiveCamera() ? openAndFrame() : videoMode()), !next) : null,
    canRetry && next ? null : next,
  );
  announce(t(passed ? "successHeading" : "failHeading"));
}

function sessionFailure(error: unknown): HTMLElement | undefined {
  stopCamera(stream);
  const code = error instanceof PageApiError ? error.resultCode : null;
  if (code !== null) {
    showResult(false, code, false);
    return;
  }
  return showFatal("error");
}

function showFatal(key: MessageKey): HTMLElement {
  return show("fatal", h("h1", {}, t("title")), h("p", { role: "alert" }, t(key)));
}

/** No live camera: record a video with the phone's camera app (automatic downgrade), unless forbidden. */
function videoMode(): HTMLElement | undefined {
  const input = h("input", {
    type: "file",
    accept: "video/*",
    capture: "user",
    id: "video-file",
    class: "sr-only",
  }) as HTMLInputElement;
  if (state.Config.AutoDowngrade === 2 || !("files" in input)) {
    void api.unsupported().catch(() => undefined);
    return show("unsupported", h("h1", {}, t("title")), h("p", { role: "alert" }, t("unsupported")));
  }
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const attempt = await api.start({ video: true, motion: false });
      await upload(attempt.Seq, "video", file);
    } catch (error) {
      sessionFailure(error);
    }
  });
  show(
    "video-mode",
    h("h1", {}, t("videoModeHeading")),
    h("p", {}, t("videoModeBody")),
    input,
    h("label", { for: "video-file", class: "primary button", tabindex: 0, role: "button" }, t("recordVideo")),
  );
}

void boot();
