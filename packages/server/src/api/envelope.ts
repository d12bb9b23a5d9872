import { EkycError, errorCatalogue, isEkycError } from "@openekyc/core";

/** Tencent Cloud API 3.0 always answers HTTP 200 with `{"Response": {...}}`; errors included (the SDK ignores non-200 bodies). */
export interface ResponseEnvelope {
  readonly Response: Record<string, unknown> & { readonly RequestId: string };
}

export function successEnvelope(
  requestId: string,
  fields: Readonly<Record<string, unknown>>,
): ResponseEnvelope {
  return { Response: { ...fields, RequestId: requestId } };
}

export function errorEnvelope(requestId: string, error: EkycError): ResponseEnvelope {
  return { Response: { Error: { Code: error.tencentCode, Message: error.message }, RequestId: requestId } };
}

/** Anything unexpected becomes InternalError with the catalogue's message: internals never reach the caller. */
export function asEkycError(error: unknown): EkycError {
  if (isEkycError(error)) return error;
  return new EkycError("INTERNAL_ERROR", errorCatalogue.INTERNAL_ERROR.message, { cause: error });
}
