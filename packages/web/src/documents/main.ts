import { readPageQuery, sdkErrorCodes } from "@openekyc/sdk/browser";
import { h, show } from "../page/dom.ts";
import { createStepApi, StepApiError } from "./api.ts";
import { createBridge } from "./bridge.ts";
import { t, useLanguage } from "./messages.ts";
import { runDocumentStep } from "./step.ts";
import { injectDocumentStyles } from "./style.ts";

/** Entry of the document step's own page (`/documents?token=…`), used by the browser SDK and CheckMode 4. */
async function main(): Promise<void> {
  const query = readPageQuery(window.location.search);
  document.documentElement.dataset.style = query.style ?? "light";
  useLanguage(query.language || null, navigator.languages);
  injectDocumentStyles();
  const bridge = createBridge(
    query.token,
    query.sdkOrigin,
    new URLSearchParams(window.location.search).get("returnUrl"),
  );
  bridge.ready();
  const api = createStepApi(query.token);
  try {
    const outcome = await runDocumentStep({
      api,
      ocrMode: query.ocrMode ?? "auto+manual",
      ocrAutoTimeoutMs: query.ocrAutoTimeoutMs ?? 20_000,
      verifyTimeoutMs: query.verifyTimeoutMs ?? 60_000,
      hideAlbum: query.hideAlbum ?? false,
    });
    if (outcome === "no-document" || outcome === "liveness") {
      if (outcome === "liveness")
        show("document-done", h("h1", {}, t("doneHeading")), h("p", {}, t("nextLiveness")));
      // The face step of the hosted page; it reports to the SDK itself.
      const next = new URLSearchParams({ token: query.token });
      if (query.sdkOrigin) next.set("sdkOrigin", query.sdkOrigin);
      const returnUrl = new URLSearchParams(window.location.search).get("returnUrl");
      if (returnUrl) next.set("returnUrl", returnUrl);
      if (query.bestImage) next.set("bestImage", "1");
      window.location.assign(`/verify?${next}`);
      return;
    }
    const passed = outcome === "passed";
    show(
      passed ? "document-done" : "document-failed",
      h("h1", {}, passed ? t("doneHeading") : t("failedHeading")),
      h("p", {}, passed ? t("doneBody") : t("failedBody")),
    );
    if (passed) bridge.success();
    else bridge.fail(sdkErrorCodes.cardVerificationFailed);
    const { redirectUrl } = await api.state();
    if (!bridge.embedded && redirectUrl) window.setTimeout(() => window.location.assign(redirectUrl), 1500);
  } catch (error) {
    const network = error instanceof StepApiError && error.status === 0;
    const over = error instanceof StepApiError && error.sessionOver;
    show(
      "document-failed",
      h("h1", {}, t("failedHeading")),
      h("p", {}, network ? t("networkError") : t("sessionEnded")),
    );
    bridge.fail(
      network ? sdkErrorCodes.networkFailed : over ? sdkErrorCodes.invalidToken : sdkErrorCodes.ocrFailed,
    );
  }
}

void main();
