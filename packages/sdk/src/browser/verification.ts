import { isPageMessage, type PageOptions, pageQuery, sdkErrorCodes, sdkErrorMessages } from "./protocol.ts";

export interface VerificationSuccess {
  readonly token: string;
  /** The liveness best frame (JPEG, base64) when `bestImage` was asked for and the face step passed. */
  readonly bestImage?: string;
}

export interface VerificationFailure {
  readonly token: string;
  /** One of `sdkErrorCodes` (the seeds' 12000–12009). */
  readonly code: number;
  readonly message: string;
}

export interface VerificationOptions extends PageOptions {
  /** SdkToken from ApplySdkVerificationToken (a BizToken works the same way). */
  readonly token: string;
  /** Base URL of the openekyc server, e.g. https://ekyc.example.com */
  readonly serverUrl: string;
  /** "overlay" (default): an iframe over the page. "redirect": the whole window goes (WebViews). */
  readonly mode?: "overlay" | "redirect";
  /** Redirect mode: where the page sends the browser back to; must be on this page's origin. */
  readonly returnUrl?: string;
  /** Overlay mode: element the overlay is added to (default document.body). */
  readonly container?: HTMLElement;
  /** Overlay mode: how long the page may take to load before the network counts as failed (default 20 s). */
  readonly loadTimeoutMs?: number;
  readonly onSuccess?: (result: VerificationSuccess) => void;
  readonly onFail?: (failure: VerificationFailure) => void;
}

export interface VerificationHandle {
  /** The iframe showing the page (overlay mode), null otherwise. */
  readonly frame: HTMLIFrameElement | null;
  /** Closes the overlay as the user's cancel (onFail 12000) unless a result already arrived. */
  cancel(): void;
}

const tokenPattern = /^[A-Za-z0-9-]{8,128}$/;

function failure(token: string, code: number): VerificationFailure {
  return { token, code, message: sdkErrorMessages[code] ?? "" };
}

/**
 * Opens the hosted verification page for a token and reports the outcome through `onSuccess` / `onFail`.
 * Exactly one callback fires per call, except in redirect mode, where the result comes back on `returnUrl`.
 */
export function openVerification(options: VerificationOptions): VerificationHandle {
  let done = false;
  const finish = (
    outcome: { ok: true; bestImage?: string } | { ok: false; failure: VerificationFailure },
  ) => {
    if (done) return;
    done = true;
    cleanup();
    if (outcome.ok)
      options.onSuccess?.({
        token: options.token,
        ...(options.bestImage && outcome.bestImage ? { bestImage: outcome.bestImage } : {}),
      });
    else options.onFail?.(outcome.failure);
  };
  let cleanup = () => {};

  let server: URL;
  try {
    server = new URL(options.serverUrl);
    if (server.protocol !== "https:" && server.protocol !== "http:") throw new Error("scheme");
  } catch {
    queueMicrotask(() =>
      finish({ ok: false, failure: failure(options.token, sdkErrorCodes.parameterCheckFailed) }),
    );
    return { frame: null, cancel: () => undefined };
  }
  if (!tokenPattern.test(options.token)) {
    queueMicrotask(() => finish({ ok: false, failure: failure(options.token, sdkErrorCodes.invalidToken) }));
    return { frame: null, cancel: () => undefined };
  }
  const query = pageQuery(options.token, window.location.origin, options);
  const pageUrl = new URL(`/documents?${query}`, server);

  if (options.mode === "redirect") {
    if (options.returnUrl)
      pageUrl.searchParams.set("returnUrl", new URL(options.returnUrl, window.location.href).href);
    window.location.assign(pageUrl.href);
    return { frame: null, cancel: () => undefined };
  }

  const overlay = document.createElement("div");
  overlay.setAttribute("role", "dialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex";
  const frame = document.createElement("iframe");
  frame.src = pageUrl.href;
  frame.title = "Identity verification";
  frame.allow = "camera";
  frame.style.cssText =
    "border:0;margin:auto;width:100%;height:100%;max-width:480px;max-height:860px;background:#fff";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Cancel");
  close.style.cssText =
    "position:absolute;top:8px;right:12px;font:28px/1 sans-serif;background:none;border:0;color:#fff";
  overlay.append(frame, close);

  const onMessage = (event: MessageEvent) => {
    // Only our iframe, only the server's origin, only well-formed messages about this token.
    if (event.origin !== server.origin || event.source !== frame.contentWindow) return;
    if (!isPageMessage(event.data) || event.data.token !== options.token) return;
    const message = event.data;
    if (message.kind === "ready") window.clearTimeout(loadTimer);
    else if (message.kind === "success")
      finish(message.bestImage ? { ok: true, bestImage: message.bestImage } : { ok: true });
    else
      finish({ ok: false, failure: { token: options.token, code: message.code, message: message.message } });
  };
  const cancel = () => finish({ ok: false, failure: failure(options.token, sdkErrorCodes.userCancelled) });
  const loadTimer = window.setTimeout(
    () => finish({ ok: false, failure: failure(options.token, sdkErrorCodes.networkFailed) }),
    options.loadTimeoutMs ?? 20_000,
  );
  cleanup = () => {
    window.clearTimeout(loadTimer);
    window.removeEventListener("message", onMessage);
    overlay.remove();
  };
  close.addEventListener("click", cancel);
  window.addEventListener("message", onMessage);
  (options.container ?? document.body).append(overlay);
  return { frame, cancel };
}

/** Redirect mode: the outcome the page appended to `returnUrl` (null when the URL carries none). */
export function readRedirectResult(
  search: string,
): ({ ok: true } & VerificationSuccess) | ({ ok: false } & VerificationFailure) | null {
  const query = new URLSearchParams(search);
  const token = query.get("token");
  const code = Number(query.get("code"));
  if (!token || !query.has("code") || !Number.isInteger(code)) return null;
  if (code === 0) return { ok: true, token };
  return { ok: false, token, code, message: sdkErrorMessages[code] ?? "" };
}
