import { createRequire } from "node:module";
import type { TestServer } from "./harness.ts";

const require = createRequire(import.meta.url);

// The official SDKs ship plain CommonJS (intl-en has no typings); these are the slices the tests use.
interface IntlEn {
  common: {
    Credential: new (id: string, key: string) => unknown;
    HttpProfile: new () => { endpoint: string; protocol: string; reqMethod: string };
    ClientProfile: new () => { httpProfile: unknown; signMethod: string };
    CommonClient: new (
      endpoint: string,
      version: string,
      credential: unknown,
      region: string,
      profile: unknown,
    ) => {
      request(action: string, params: unknown, cb: Callback): void;
    };
  };
  faceid: { v20180301: { Client: new (credential: unknown, region: string, profile: unknown) => unknown } };
}
type Callback = (error: SdkError | null, response: Record<string, unknown> | null) => void;

/** `TencentCloudSDKHttpException` as the SDKs raise it. */
export interface SdkError extends Error {
  code?: string;
  requestId?: string;
  httpCode?: number;
}

interface CommonV4 {
  CommonClient: new (
    endpoint: string,
    version: string,
    options: { credential: { secretId: string; secretKey: string }; region: string; profile: unknown },
  ) => { request(action: string, params: unknown): Promise<Record<string, unknown>> };
}

const intlEn = require("tencentcloud-sdk-nodejs-intl-en") as IntlEn;
const commonV4 = require("tencentcloud-sdk-nodejs-common") as CommonV4;

/** A uniform promise-returning caller over any of the SDK set-ups. */
export type CallAction = (
  action: string,
  params: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

export type IntlEnMode = {
  signMethod?: "HmacSHA1" | "HmacSHA256" | "TC3-HMAC-SHA256";
  reqMethod: "GET" | "POST";
};

function intlProfile(server: TestServer, mode: IntlEnMode) {
  const http = new intlEn.common.HttpProfile();
  http.endpoint = server.endpoint;
  http.protocol = "http://";
  http.reqMethod = mode.reqMethod;
  const profile = new intlEn.common.ClientProfile();
  profile.httpProfile = http;
  if (mode.signMethod) profile.signMethod = mode.signMethod;
  return profile;
}

/**
 * intl-en faceid client (callback API). Actions missing from its model (the legacy web flow) go through the
 * package's own CommonClient with the same profile.
 */
export function intlEnClient(
  server: TestServer,
  mode: IntlEnMode,
  credentials: { SecretId: string; SecretKey: string } = server.credentials,
): CallAction {
  const credential = new intlEn.common.Credential(credentials.SecretId, credentials.SecretKey);
  const profile = intlProfile(server, mode);
  const client = new intlEn.faceid.v20180301.Client(credential, "ap-singapore", profile) as Record<
    string,
    (req: unknown, cb: Callback) => void
  >;
  const common = new intlEn.common.CommonClient(
    server.endpoint,
    "2018-03-01",
    credential,
    "ap-singapore",
    profile,
  );
  return (action, params) =>
    new Promise((resolve, reject) => {
      const done: Callback = (error, response) => (error ? reject(error) : resolve(response ?? {}));
      const method = client[action];
      if (typeof method === "function") method.call(client, params, done);
      else common.request(action, params, done);
    });
}

/** tencentcloud-sdk-nodejs-common v4 CommonClient, TC3 (its default) unless `signMethod` opts into v1. */
export function commonV4Client(
  server: TestServer,
  credentials: { SecretId: string; SecretKey: string } = server.credentials,
  signMethod?: "HmacSHA1" | "HmacSHA256",
): CallAction {
  const client = new commonV4.CommonClient(server.endpoint, "2018-03-01", {
    credential: { secretId: credentials.SecretId, secretKey: credentials.SecretKey },
    region: "ap-singapore",
    profile: { httpProfile: { protocol: "http://" }, ...(signMethod ? { signMethod } : {}) },
  });
  return (action, params) => client.request(action, params);
}

/** Runs `call` and returns the SDK exception's `.code` (fails the test if the call succeeded). */
export async function errorCode(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    return (error as SdkError).code ?? `no code: ${(error as Error).message}`;
  }
  throw new Error("expected the call to fail");
}
