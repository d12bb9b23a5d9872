import type { Clock } from "@openekyc/core";
import { EkycError } from "@openekyc/core";
import type { CredentialResolver } from "../services/credentials.ts";
import type { RateLimiter } from "../services/rate-limit.ts";
import type { ActionDefinition, ActionServices } from "./actions/types.ts";
import { assertFresh, assertSignature, secretIdOf } from "./auth/verify.ts";
import { asEkycError, errorEnvelope, type ResponseEnvelope, successEnvelope } from "./envelope.ts";
import { coerceBySchema } from "./params/coerce.ts";
import { parseParams } from "./params/validate.ts";
import { parseWireRequest, type RawApiRequest } from "./wire-request.ts";

export const apiVersion = "2018-03-01";

export interface ApiHandlerDeps {
  /** The dispatch table; `actions` from ./actions/index.ts plus any a plugin adds (see buildServer). */
  readonly actions: ReadonlyMap<string, ActionDefinition>;
  readonly credentials: CredentialResolver;
  readonly rateLimiter: RateLimiter;
  readonly services: ActionServices;
  readonly clock: Clock;
  readonly maxClockSkewSeconds: number;
}

/** What the route logs about a call: never secrets, signatures or parameters. */
export interface ApiOutcome {
  readonly envelope: ResponseEnvelope;
  readonly action: string | null;
  readonly appId: string | null;
  readonly errorCode: string | null;
  /** Set for InternalError: the real cause, for the server log only. */
  readonly cause: unknown;
}

/**
 * One API call, end to end: parse either signing style, authenticate (SecretId, clock skew, signature),
 * rate-limit per app, check version and action, validate parameters, run the action, wrap the reply.
 */
export async function handleApiRequest(
  raw: RawApiRequest,
  requestId: string,
  deps: ApiHandlerDeps,
): Promise<ApiOutcome> {
  let action: string | null = null;
  let appId: string | null = null;
  try {
    const wire = parseWireRequest(raw);
    action = wire.action;
    const credential = await deps.credentials.resolve(secretIdOf(wire));
    appId = credential.app.appId;
    const now = deps.clock.now();
    assertFresh(wire, now, deps.maxClockSkewSeconds);
    assertSignature(wire, raw, credential.secretKey);
    deps.rateLimiter.take(credential.app.appId, credential.app.rateLimitPerSecond, now);
    if (wire.version !== apiVersion) {
      throw new EkycError(
        "NO_SUCH_VERSION",
        `The API version ${wire.version} does not exist; use ${apiVersion}.`,
      );
    }
    const definition = deps.actions.get(wire.action);
    if (!definition) throw new EkycError("INVALID_ACTION", `The action ${wire.action} does not exist.`);
    const input = wire.paramsAreStrings ? coerceBySchema(definition.schema, wire.params) : wire.params;
    const params = parseParams(definition.schema, input);
    const fields = await definition.handle(params, {
      app: credential.app,
      services: deps.services,
      requestId,
    });
    return { envelope: successEnvelope(requestId, fields), action, appId, errorCode: null, cause: null };
  } catch (error) {
    const ekyc = asEkycError(error);
    return {
      envelope: errorEnvelope(requestId, ekyc),
      action,
      appId,
      errorCode: ekyc.tencentCode,
      cause: ekyc.code === "INTERNAL_ERROR" ? error : null,
    };
  }
}
