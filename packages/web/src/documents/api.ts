/** The document step's JSON API (server: http/documents), authorised by the token alone. */
export interface DocumentView {
  readonly id: string;
  readonly status: "reading" | "read" | "confirmed" | "failed";
  readonly idCardType: string;
  readonly sides: { readonly front: boolean; readonly back: boolean };
  readonly fields: Readonly<Record<string, string | null>>;
  readonly warnings: readonly number[];
  readonly blockingWarnings: readonly number[];
  readonly expired: boolean;
  readonly fieldsValid: boolean;
  readonly isPass: boolean;
  readonly reasons: readonly ("unreadable" | "warnings" | "expired")[];
  readonly isEdit: boolean;
  readonly failure: string | null;
}

export interface DocumentStepState {
  readonly idCardType: string;
  readonly checkMode: 1 | 4;
  readonly sides: readonly ("front" | "back")[];
  readonly allowEdit: boolean;
  readonly attemptsLeft: number;
  readonly current: DocumentView | null;
  readonly passed: boolean;
  readonly sessionStatus: string;
  readonly redirectUrl: string | null;
}

export type NextStep = "liveness" | "finished" | "retry";

/** A refused request: `resultCode` 14/15/16 when the session itself is over, `network` when unreachable. */
export class StepApiError extends Error {
  readonly status: number;
  readonly resultCode: number | null;
  constructor(status: number, message: string, resultCode: number | null) {
    super(message);
    this.status = status;
    this.resultCode = resultCode;
  }
  get sessionOver(): boolean {
    return this.resultCode !== null || /BizToken/.test(this.message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "omit", cache: "no-store", ...init });
  } catch {
    throw new StepApiError(0, "network", null);
  }
  const body = (await response.json().catch(() => ({}))) as {
    Error?: { Code?: string; Message?: string };
    ResultCode?: number;
  };
  if (!response.ok) {
    const code = body.Error?.Code ?? "";
    throw new StepApiError(
      response.status,
      `${code} ${body.Error?.Message ?? ""}`.trim(),
      body.ResultCode ?? null,
    );
  }
  return body as T;
}

export function createStepApi(token: string) {
  const q = `token=${encodeURIComponent(token)}`;
  return {
    state: () => call<DocumentStepState>(`/api/documents/step?${q}`),
    upload: (side: "front" | "back", photo: Blob) =>
      call<DocumentView>(`/api/documents/${side}?${q}`, {
        method: "POST",
        headers: { "content-type": photo.type || "application/octet-stream" },
        body: photo,
      }),
    view: (id: string, waitSeconds: number) =>
      call<DocumentView>(`/api/documents/attempts/${encodeURIComponent(id)}?${q}&wait=${waitSeconds}`),
    confirm: (id: string, fields: Readonly<Record<string, string | null>>) =>
      call<DocumentView & { next: NextStep }>(`/api/documents/attempts/${encodeURIComponent(id)}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, fields }),
      }),
  };
}

export type StepApi = ReturnType<typeof createStepApi>;
