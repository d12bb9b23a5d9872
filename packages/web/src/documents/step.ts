import type { OcrMode } from "@openekyc/sdk/browser";
import { h, show } from "../page/dom.ts";
import { type DocumentView, type StepApi, StepApiError } from "./api.ts";
import { capturePhoto } from "./capture.ts";
import { confirmFields } from "./confirm.ts";
import { t, warningText } from "./messages.ts";

export interface DocumentStepOptions {
  readonly api: StepApi;
  readonly ocrMode: OcrMode;
  readonly ocrAutoTimeoutMs: number;
  /** How long one read may take before the photo counts as unreadable. */
  readonly verifyTimeoutMs: number;
  readonly hideAlbum?: boolean;
}

/** liveness: CheckMode 1, go on to the face step. passed / failed: CheckMode 4, the session is over. */
export type DocumentStepOutcome = "liveness" | "passed" | "failed" | "no-document";

function showReading(): void {
  show("document-reading", h("h1", {}, t("title")), h("p", { role: "status" }, t("reading")));
}

async function waitForRead(
  api: StepApi,
  first: DocumentView,
  timeoutMs: number,
): Promise<DocumentView | null> {
  const deadline = Date.now() + timeoutMs;
  let view = first;
  while (view.status === "reading") {
    const left = deadline - Date.now();
    if (left <= 0) return null;
    view = await api.view(view.id, Math.max(1, Math.min(20, Math.floor(left / 1000))));
  }
  return view;
}

/** The sentence telling the user why this photo cannot be used. */
export function blockedText(view: DocumentView): string {
  if (view.reasons.includes("unreadable")) return t("unreadable");
  if (view.reasons.includes("expired")) return t("expired");
  return t("blocked", { reasons: view.blockingWarnings.map(warningText).join("; ") });
}

/**
 * The whole document step: front (and back) photos, the server's read, the user's confirmation. Throws the
 * API's StepApiError when the session is over or the network is gone (the caller maps it to a code).
 */
export async function runDocumentStep(options: DocumentStepOptions): Promise<DocumentStepOutcome> {
  const { api } = options;
  let state: Awaited<ReturnType<StepApi["state"]>>;
  try {
    state = await api.state();
  } catch (error) {
    // CheckMode 2/3: this token has no document step, the face step is all.
    if (error instanceof StepApiError && /UnsupportedOperation/.test(error.message)) return "no-document";
    throw error;
  }
  if (["passed", "failed", "cancelled", "timed_out", "unsupported"].includes(state.sessionStatus)) {
    throw new StepApiError(409, "The verification is already over.", 14);
  }
  if (state.passed) return state.checkMode === 1 ? "liveness" : "passed";
  let attemptsLeft = state.attemptsLeft;
  let hint: string | undefined;
  for (;;) {
    const front = await capturePhoto({ side: "front", ...options, ...(hint ? { hint } : {}) });
    showReading();
    let view = await api.upload("front", front.photo);
    attemptsLeft--;
    if (state.sides.includes("back")) {
      // The front is being read meanwhile.
      const back = await capturePhoto({ side: "back", ...options });
      showReading();
      await api.upload("back", back.photo);
    }
    const read = await waitForRead(api, view, options.verifyTimeoutMs);
    if (!read || read.status === "failed") {
      hint = t("readFailed");
      continue;
    }
    view = read;
    if (!view.isPass) {
      // Out of photos: confirming records the failed attempt and ends the session.
      if (attemptsLeft <= 0) return (await api.confirm(view.id, {})).isPass ? "passed" : "failed";
      hint = `${blockedText(view)} ${t("attemptsLeft", { count: attemptsLeft })}`;
      continue;
    }
    const choice = await confirmFields(view, state.allowEdit, front.photo);
    if (choice.kind === "retake") {
      hint = undefined;
      continue;
    }
    showReading();
    const confirmed = await api.confirm(view.id, choice.fields);
    if (confirmed.next === "liveness") return "liveness";
    if (confirmed.next === "finished") return confirmed.isPass ? "passed" : "failed";
    hint = `${blockedText(confirmed)} ${t("attemptsLeft", { count: attemptsLeft })}`;
  }
}
