export interface PageConfig {
  readonly Language: string | null;
  readonly ThemeColor: string;
  readonly SkipPrivacyPolicy: boolean;
  readonly AutoSkipStartPage: boolean;
  readonly AutoSkip: boolean;
  readonly SecurityLevel: number;
  readonly AutoDowngrade: number;
  readonly LivenessTimeout: number;
}

/** What the session will do (the server decides; the start copy says only that). */
export interface PageSteps {
  readonly Document: boolean;
  readonly Liveness: boolean;
  readonly Compare: "photo" | "document" | null;
}

export interface PageState {
  readonly Status: string;
  readonly Finished: boolean;
  readonly ErrorCode: number | null;
  readonly ErrorMsg: string | null;
  readonly AttemptsLeft: number;
  readonly RedirectURL: string | null;
  readonly Steps: PageSteps;
  readonly Config: PageConfig;
}

export interface WireSequence {
  readonly SequenceId: string;
  readonly RestRgb: string;
  readonly Colours: readonly { readonly Rgb: string; readonly DurationMs: number }[];
}

export interface StartedAttempt {
  readonly Seq: string;
  readonly Mode: "reflection" | "action" | "action-reflection" | "silent" | "video";
  readonly Sequence: WireSequence | null;
  readonly Actions: readonly string[];
  readonly TimeoutSeconds: number;
}

export interface AttemptOutcome {
  readonly Seq: string;
  readonly Passed: boolean;
  readonly ErrorCode: number;
  readonly ErrorMsg: string;
  readonly Finished: boolean;
  readonly AttemptsLeft: number;
  /** Only when the upload asked for it (`bestFrame`) and the attempt passed. */
  readonly BestFrameBase64?: string;
}

/** A refusal from the page API; `resultCode` is set for session-state refusals (14, 15, 16). */
export class PageApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly resultCode: number | null,
  ) {
    super(message);
  }
}

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & {
    Error?: { Message?: string };
    ResultCode?: number;
  };
  if (!response.ok)
    throw new PageApiError(body.Error?.Message ?? "error", response.status, body.ResultCode ?? null);
  return body;
}

export function createApi(token: string) {
  const q = `token=${encodeURIComponent(token)}`;
  const post = (path: string, body: unknown) =>
    fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return {
    state: async () => json<PageState>(await fetch(`/api/page/session?${q}`)),
    start: async (options: { video: boolean; motion: boolean }) =>
      json<StartedAttempt>(await post("/api/page/attempt", { token, ...options })),
    unsupported: async () => json<unknown>(await post("/api/page/unsupported", { token })),
    /** XHR, not fetch: upload progress events. */
    upload: (
      seq: string,
      kind: "capture" | "video",
      body: Blob,
      onProgress: (share: number) => void,
      bestFrame = false,
    ) =>
      new Promise<AttemptOutcome>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const extra = bestFrame ? "&bestFrame=1" : "";
        xhr.open("POST", `/api/page/attempt/${encodeURIComponent(seq)}/${kind}?${q}${extra}`);
        xhr.setRequestHeader(
          "content-type",
          kind === "capture" ? "application/octet-stream" : body.type || "video/mp4",
        );
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onload = () => {
          // A proxy's HTML error page is not JSON: it must still settle the upload, as an error.
          let body: { Error?: { Message?: string }; ResultCode?: number } = {};
          try {
            body = JSON.parse(xhr.responseText || "{}");
          } catch {
            body = {};
          }
          if (xhr.status >= 200 && xhr.status < 300) resolve(body as AttemptOutcome);
          else reject(new PageApiError(body.Error?.Message ?? "error", xhr.status, body.ResultCode ?? null));
        };
        xhr.onerror = () => reject(new PageApiError("network", 0, null));
        xhr.send(body);
      }),
  };
}

export type PageApi = ReturnType<typeof createApi>;
