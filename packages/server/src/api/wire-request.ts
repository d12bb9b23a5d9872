import { EkycError } from "@openekyc/core";
import { parseTc3Authorization, type Tc3Authorization, tc3Algorithm } from "./auth/tc3.ts";
import { parseV1Method, type V1Method } from "./auth/v1.ts";
import { type ParamTree, unflatten } from "./params/unflatten.ts";

/** The HTTP facts the wire layer reads; built by the route from Fastify's request. */
export interface RawApiRequest {
  readonly method: string;
  /** Query string without `?`, exactly as received. */
  readonly rawQuery: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type ApiAuth =
  | { readonly kind: "tc3"; readonly authorization: Tc3Authorization; readonly timestamp: number }
  | {
      readonly kind: "v1";
      readonly method: V1Method;
      readonly secretId: string;
      readonly timestamp: number;
      readonly signature: string;
      /** Every received parameter, decoded, for the string-to-sign. */
      readonly signedParams: ReadonlyMap<string, string>;
    };

export interface WireRequest {
  readonly action: string;
  readonly version: string;
  readonly region: string | null;
  readonly auth: ApiAuth;
  /** Business parameters: typed JSON (TC3 POST) or a string tree that must be coerced by the schema. */
  readonly params: unknown;
  readonly paramsAreStrings: boolean;
}

/** v1 common parameters travel with the business ones; they are stripped before schema validation. */
const v1CommonParams = new Set([
  "Action",
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "SignatureMethod",
  "Signature",
  "Token",
  "RequestClient",
  "Language",
]);

/** Above this size Tencent only accepts TC3 signing; the seeds document the exact error. */
export const v1MaxBodyBytes = 1024 * 1024;

function header(raw: RawApiRequest, name: string): string | undefined {
  const value = raw.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function mediaType(raw: RawApiRequest): string {
  return (header(raw, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Decodes `a=1&b=2` (form or query); a repeated name is refused rather than silently merged. */
export function decodeForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (text === "") return out;
  for (const [key, value] of new URLSearchParams(text)) {
    if (out.has(key)) throw new EkycError("INVALID_PARAMETER", `The parameter \`${key}\` is repeated.`);
    out.set(key, value);
  }
  return out;
}

function parseTimestamp(value: string | undefined, name: string): number {
  if (value === undefined || value === "") {
    throw new EkycError("MISSING_PARAMETER", `The request is missing a required parameter \`${name}\`.`);
  }
  if (!/^\d{1,12}$/.test(value)) {
    throw new EkycError("INVALID_PARAMETER", `The parameter \`${name}\` must be Unix seconds.`);
  }
  return Number(value);
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === "") {
    throw new EkycError("MISSING_PARAMETER", `The request is missing a required parameter \`${name}\`.`);
  }
  return value;
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new EkycError("INVALID_PARAMETER", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new EkycError("INVALID_PARAMETER", "The request body must be a JSON object.");
  }
  return parsed;
}

function parseTc3(raw: RawApiRequest, authorizationHeader: string): WireRequest {
  const authorization = parseTc3Authorization(authorizationHeader);
  const timestamp = parseTimestamp(header(raw, "x-tc-timestamp"), "X-TC-Timestamp");
  const type = mediaType(raw);
  let params: unknown;
  let paramsAreStrings = false;
  if (raw.method === "GET" || type === "application/x-www-form-urlencoded") {
    const text = raw.method === "GET" ? raw.rawQuery : raw.body.toString("utf8");
    params = unflatten(decodeForm(text));
    paramsAreStrings = true;
  } else if (type === "application/json") {
    params = parseJsonBody(raw.body);
  } else {
    throw new EkycError(
      "INVALID_PARAMETER",
      "Content-Type must be application/json or application/x-www-form-urlencoded.",
    );
  }
  const region = header(raw, "x-tc-region");
  return {
    action: required(header(raw, "x-tc-action"), "X-TC-Action"),
    version: required(header(raw, "x-tc-version"), "X-TC-Version"),
    region: region && region !== "null" ? region : null,
    auth: { kind: "tc3", authorization, timestamp },
    params,
    paramsAreStrings,
  };
}

function parseV1(raw: RawApiRequest): WireRequest {
  let text = raw.rawQuery;
  if (raw.method === "POST") {
    if (mediaType(raw) !== "application/x-www-form-urlencoded") {
      throw new EkycError(
        "AUTH_INVALID_AUTHORIZATION",
        "The request carries no TC3-HMAC-SHA256 Authorization header and is not a signed form request.",
      );
    }
    if (raw.body.length > v1MaxBodyBytes) {
      throw new EkycError(
        "AUTH_SIGNATURE_FAILURE",
        "The provided credentials could not be validated because of exceeding request size limit, you need to use new signature method `TC3-HMAC-SHA256`.",
      );
    }
    text = raw.body.toString("utf8");
  }
  const all = decodeForm(text);
  const business = new Map<string, string>();
  for (const [key, value] of all) if (!v1CommonParams.has(key)) business.set(key, value);
  return {
    action: required(all.get("Action"), "Action"),
    version: required(all.get("Version"), "Version"),
    region: all.get("Region") || null,
    auth: {
      kind: "v1",
      method: parseV1Method(all.get("SignatureMethod")),
      secretId: required(all.get("SecretId"), "SecretId"),
      timestamp: parseTimestamp(all.get("Timestamp"), "Timestamp"),
      signature: required(all.get("Signature"), "Signature"),
      signedParams: all,
    },
    params: unflatten(business),
    paramsAreStrings: true,
  };
}

/** Reads action, version, credentials and parameters from either signing style. Verifies nothing yet. */
export function parseWireRequest(raw: RawApiRequest): WireRequest {
  if (raw.method !== "GET" && raw.method !== "POST") {
    throw new EkycError("UNSUPPORTED_OPERATION", "Only GET and POST are supported.");
  }
  const authorization = header(raw, "authorization");
  if (authorization !== undefined && authorization !== "") {
    if (!authorization.startsWith(tc3Algorithm)) {
      throw new EkycError(
        "AUTH_INVALID_AUTHORIZATION",
        "The Authorization header must use TC3-HMAC-SHA256; HmacSHA1/HmacSHA256 requests are signed through parameters.",
      );
    }
    return parseTc3(raw, authorization);
  }
  return parseV1(raw);
}

export type { ParamTree };
