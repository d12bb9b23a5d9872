/**
 * The postMessage protocol between the hosted page (in the SDK's iframe) and the SDK in the merchant's page.
 * Both ends check origins: the page posts only to the origin the SDK declared, the SDK accepts only messages
 * from the server's origin and from its own iframe.
 */
export const messageSource = "openekyc";

/** The seeds' eKYC SDK failure codes (Android "Error codes and descriptions"). */
export const sdkErrorCodes = {
  userCancelled: 12000,
  networkFailed: 12001,
  ocrFailed: 12002,
  invalidToken: 12004,
  cardVerificationFailed: 12005,
  initFailed: 12006,
  parameterCheckFailed: 12007,
  resultFailed: 12008,
  verificationFailed: 12009,
} as const;

export const sdkErrorMessages: Readonly<Record<number, string>> = {
  12000: "The user actively canceled the operation",
  12001: "The network request failed",
  12002: "Error caused by OCR exception",
  12004: "Invalid token",
  12005: "Failed to perform local card or certificate verification",
  12006: "Failed to initialize the Identity Verification (App SDK)",
  12007: "Failed to start parameter verification",
  12008: "Failed to return the identity verification result",
  12009: "Failed to perform the local identity verification",
};

/** OCR capture modes of the seeds' OcrModeType: manual, auto, auto+manual (default). */
export type OcrMode = "manual" | "auto" | "auto+manual";

/** Options the SDK hands the page through the URL (nothing secret: the token is the only capability). */
export interface PageOptions {
  readonly language?: string;
  readonly style?: "light" | "dark";
  readonly ocrMode?: OcrMode;
  /** OCR_DETECT_AUTO_MANUAL: after this long without an automatic capture the manual button appears (5–30 s). */
  readonly ocrAutoTimeoutMs?: number;
  /** Time allowed for reading one card before it counts as failed. */
  readonly verifyTimeoutMs?: number;
  /**
   * The seeds' isNeedBestImage: `onSuccess` also gets the liveness best frame (JPEG, base64), posted by the page
   * from the answer to its own upload. Overlay mode only (a URL cannot carry it back in redirect mode); the
   * merchant's server can always read it with GetSdkVerificationResult / GetWebVerificationResultIntl.
   */
  readonly bestImage?: boolean;
  /** The seeds' isHiddenAlbum: no "upload from the album" on the document step while a camera works. */
  readonly hideAlbum?: boolean;
}

export type PageMessage =
  | { readonly source: typeof messageSource; readonly kind: "ready"; readonly token: string }
  | {
      readonly source: typeof messageSource;
      readonly kind: "success";
      readonly token: string;
      /** The best frame, JPEG base64, when the SDK asked for it and a face step passed. */
      readonly bestImage?: string;
    }
  | {
      readonly source: typeof messageSource;
      readonly kind: "fail";
      readonly token: string;
      readonly code: number;
      readonly message: string;
    };

export function isPageMessage(value: unknown): value is PageMessage {
  if (!value || typeof value !== "object") return false;
  const message = value as Record<string, unknown>;
  if (message.source !== messageSource || typeof message.token !== "string") return false;
  if (message.kind === "ready") return true;
  if (message.kind === "success") return message.bestImage === undefined || isBase64Jpeg(message.bestImage);
  return message.kind === "fail" && typeof message.code === "number" && typeof message.message === "string";
}

/** Largest best frame accepted from the page (the server's frames are a few hundred kB at most). */
const MAX_BEST_IMAGE_CHARS = 4 * 1024 * 1024;

function isBase64Jpeg(value: unknown): value is string {
  // "/9j/" is the base64 of a JPEG's FF D8 FF.
  return (
    typeof value === "string" &&
    value.length <= MAX_BEST_IMAGE_CHARS &&
    value.startsWith("/9j/") &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(value)
  );
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Query parameters carrying the options and the SDK's origin to the page. */
export function pageQuery(token: string, origin: string, options: PageOptions): URLSearchParams {
  const query = new URLSearchParams({ token, sdkOrigin: origin });
  if (options.language) query.set("lang", options.language);
  if (options.style) query.set("style", options.style);
  if (options.ocrMode) query.set("ocrMode", options.ocrMode);
  if (options.ocrAutoTimeoutMs !== undefined) {
    query.set("ocrAutoTimeout", String(clamp(Math.round(options.ocrAutoTimeoutMs), 5000, 30000)));
  }
  if (options.verifyTimeoutMs !== undefined) {
    query.set("verifyTimeout", String(clamp(Math.round(options.verifyTimeoutMs), 5000, 120000)));
  }
  if (options.bestImage) query.set("bestImage", "1");
  if (options.hideAlbum) query.set("hideAlbum", "1");
  return query;
}

/** The page's side: reads what `pageQuery` wrote, ignoring anything malformed. */
export function readPageQuery(search: string): PageOptions & { token: string; sdkOrigin: string | null } {
  const query = new URLSearchParams(search);
  const number = (name: string, low: number, high: number, fallback: number) => {
    const value = Number(query.get(name));
    return Number.isFinite(value) && value > 0 ? clamp(value, low, high) : fallback;
  };
  const mode = query.get("ocrMode");
  const origin = query.get("sdkOrigin");
  let sdkOrigin: string | null = null;
  try {
    sdkOrigin = origin ? new URL(origin).origin : null;
  } catch {
    sdkOrigin = null;
  }
  return {
    token: query.get("token") ?? "",
    sdkOrigin: sdkOrigin === "null" ? null : sdkOrigin,
    language: query.get("lang") ?? "",
    style: query.get("style") === "dark" ? "dark" : "light",
    ocrMode: mode === "manual" || mode === "auto" ? mode : "auto+manual",
    ocrAutoTimeoutMs: number("ocrAutoTimeout", 5000, 30000, 20000),
    verifyTimeoutMs: number("verifyTimeout", 5000, 120000, 60000),
    bestImage: query.get("bestImage") === "1",
    hideAlbum: query.get("hideAlbum") === "1",
  };
}
