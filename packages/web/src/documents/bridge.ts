import { messageSource, type PageMessage, sdkErrorCodes, sdkErrorMessages } from "@openekyc/sdk/browser";

/**
 * Reports the outcome to whoever opened the page: the SDK's window (iframe, postMessage to the origin it
 * declared, never "*"), the SDK's return URL (redirect mode, same origin as declared), or nobody (the
 * merchant's plain link, where the page redirects to RedirectURL itself).
 */
export interface OutcomeBridge {
  readonly embedded: boolean;
  ready(): void;
  /** `bestImage`: the liveness best frame (JPEG base64) for an SDK that asked for it. */
  success(bestImage?: string): void;
  fail(code: number): void;
}

export function createBridge(
  token: string,
  sdkOrigin: string | null,
  returnUrl: string | null,
): OutcomeBridge {
  const parent = window.parent !== window ? window.parent : null;
  const post = (message: PageMessage) => {
    if (parent && sdkOrigin) parent.postMessage(message, sdkOrigin);
  };
  let back: URL | null = null;
  try {
    back = returnUrl && sdkOrigin && new URL(returnUrl).origin === sdkOrigin ? new URL(returnUrl) : null;
  } catch {
    back = null;
  }
  const goBack = (code: number) => {
    if (!back || parent) return;
    back.searchParams.set("token", token);
    back.searchParams.set("code", String(code));
    window.location.assign(back.href);
  };
  return {
    embedded: Boolean(parent && sdkOrigin) || back !== null,
    ready: () => post({ source: messageSource, kind: "ready", token }),
    success: (bestImage) => {
      post({ source: messageSource, kind: "success", token, ...(bestImage ? { bestImage } : {}) });
      goBack(0);
    },
    fail: (code) => {
      post({ source: messageSource, kind: "fail", token, code, message: sdkErrorMessages[code] ?? "" });
      goBack(code);
    },
  };
}

/**
 * The face step's end, when the page was opened by the browser SDK (`sdkOrigin` in the URL, as the document
 * step forwards it): success, or 12009 ("Failed to perform the local identity verification").
 */
export function reportFinalResultToSdk(token: string, passed: boolean, bestImage?: string): void {
  const query = new URLSearchParams(window.location.search);
  let sdkOrigin: string | null = null;
  try {
    sdkOrigin = query.get("sdkOrigin") ? new URL(query.get("sdkOrigin") ?? "").origin : null;
  } catch {
    sdkOrigin = null;
  }
  if (!sdkOrigin || sdkOrigin === "null") return;
  const bridge = createBridge(token, sdkOrigin, query.get("returnUrl"));
  if (passed) bridge.success(bestImage);
  else bridge.fail(sdkErrorCodes.verificationFailed);
}
