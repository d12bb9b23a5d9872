import { h, show } from "../page/dom.ts";
import { createStepApi, StepApiError } from "./api.ts";
import { t, useLanguage } from "./messages.ts";
import { runDocumentStep } from "./step.ts";
import { injectDocumentStyles } from "./style.ts";

let settled = false;

/** Whether the hosted page may go on to the face step (the document step ran, or there is none). */
export function documentStepDone(): boolean {
  return settled;
}

/**
 * The hosted page's hook for CheckMode 1 and 4: runs the document step before the face step. CheckMode 1
 * then continues with `next` (the face step); CheckMode 4 ends here with the result and the redirect.
 * A session without a document step goes straight on.
 */
export async function withDocumentStep(
  token: string,
  language: string | null,
  redirectUrl: string | null,
  next: () => unknown,
): Promise<unknown> {
  const api = createStepApi(token);
  useLanguage(language, navigator.languages);
  injectDocumentStyles();
  let outcome: Awaited<ReturnType<typeof runDocumentStep>>;
  try {
    await api.state();
    const options = {
      api,
      ocrMode: "auto+manual",
      ocrAutoTimeoutMs: 20_000,
      verifyTimeoutMs: 60_000,
    } as const;
    outcome = await runDocumentStep(options);
  } catch (error) {
    if (
      error instanceof StepApiError &&
      (error.status === 404 || /UnsupportedOperation/.test(error.message))
    ) {
      settled = true;
      return next();
    }
    const network = error instanceof StepApiError && error.status === 0;
    const retry = h("button", { type: "button", class: "primary" }, t("tryAgain"));
    retry.addEventListener("click", () => void withDocumentStep(token, language, redirectUrl, next));
    return show(
      "document-failed",
      h("h1", {}, t("failedHeading")),
      h("p", { role: "alert" }, network ? t("networkError") : t("sessionEnded")),
      network ? retry : null,
    );
  }
  settled = true;
  if (outcome === "liveness" || outcome === "no-document") return next();
  const passed = outcome === "passed";
  const redirect = redirectUrl ? h("button", { type: "button", class: "primary" }, t("next")) : null;
  redirect?.addEventListener("click", () => window.location.assign(redirectUrl ?? ""));
  return show(
    passed ? "result-success" : "result-failure",
    h("h1", {}, passed ? t("doneHeading") : t("failedHeading")),
    h("p", { role: "status" }, passed ? t("doneBody") : t("failedBody")),
    redirect,
  );
}
