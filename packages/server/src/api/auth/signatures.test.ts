import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { matchesTc3Signature, parseTc3Authorization, signTc3, stripPort } from "./tc3.ts";
import { v1Signature, v1StringToSign } from "./v1.ts";

// The official SDK's own signer is the oracle: our verifier must accept exactly what it produces.
const require = createRequire(import.meta.url);
const Sign = require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign.js") as {
  sign(secretKey: string, signStr: string, method: string): string;
  sign3(options: Record<string, unknown>): string;
};

const secretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const body = '{"RedirectURL":"https://example.test/cb","Extra":"ünïcode-extra","Config":{"CheckMode":1}}';

function sdkTc3(options: {
  url: string;
  method: string;
  payload: unknown;
  contentType: string;
  service: string;
}) {
  return Sign.sign3({
    method: options.method,
    url: options.url,
    payload: options.payload,
    timestamp: 1_700_000_000,
    service: options.service,
    secretId: "AKIDEXAMPLE",
    secretKey,
    multipart: false,
    headers: { "Content-Type": options.contentType },
  });
}

describe("TC3-HMAC-SHA256 verifier", () => {
  it("recomputes the SDK's POST signature: service from the scope, host without port, raw body hash", () => {
    const header = sdkTc3({
      url: "http://127.0.0.1:8080/",
      method: "POST",
      payload: JSON.parse(body),
      contentType: "application/json",
      service: "127",
    });
    const auth = parseTc3Authorization(header);
    expect(auth).toMatchObject({ secretId: "AKIDEXAMPLE", date: "2023-11-14", service: "127" });
    const request = {
      method: "POST",
      rawQuery: "",
      headers: { "content-type": "application/json", host: "127.0.0.1:8080" },
      body: Buffer.from(body),
      timestamp: 1_700_000_000,
    };
    expect(matchesTc3Signature(secretKey, auth, request)).toBe(true);
    const tampered = { ...request, body: Buffer.from(body.replace("cb", "cc")) };
    expect(matchesTc3Signature(secretKey, auth, tampered)).toBe(false);
    expect(matchesTc3Signature("wrong-key", auth, request)).toBe(false);
  });

  it("recomputes a GET signature over the query exactly as sent and the empty-body hash", () => {
    const query = "Config.CheckMode=1&Extra=%C3%BC";
    const header = sdkTc3({
      url: `http://localhost:9000/?${query}`,
      method: "GET",
      payload: "",
      contentType: "application/x-www-form-urlencoded",
      service: "localhost:9000",
    });
    const auth = parseTc3Authorization(header);
    const request = {
      method: "GET",
      rawQuery: query,
      headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:9000" },
      body: Buffer.alloc(0),
      timestamp: 1_700_000_000,
    };
    expect(matchesTc3Signature(secretKey, auth, request)).toBe(true);
    expect(
      matchesTc3Signature(secretKey, auth, { ...request, rawQuery: "Config.CheckMode=2&Extra=%C3%BC" }),
    ).toBe(false);
  });

  it("signs like the SDK (used by tests and the benchmark to pre-sign)", () => {
    const request = {
      method: "POST",
      rawQuery: "",
      headers: { "content-type": "application/json", host: "127.0.0.1:8080" },
      body: Buffer.from(body),
    };
    const ours = signTc3({
      secretId: "AKIDEXAMPLE",
      secretKey,
      service: "127",
      timestamp: 1_700_000_000,
      request,
    });
    const sdk = sdkTc3({
      url: "http://127.0.0.1:8080/",
      method: "POST",
      payload: JSON.parse(body),
      contentType: "application/json",
      service: "127",
    });
    expect(ours).toBe(sdk);
  });

  it("rejects malformed Authorization headers", () => {
    expect(() => parseTc3Authorization("TC3-HMAC-SHA256 Credential=x")).toThrow(/malformed/);
    expect(() =>
      parseTc3Authorization(
        `TC3-HMAC-SHA256 Credential=A/2023-01-01/faceid/tc3_request, SignedHeaders=host, Signature=${"a".repeat(64)}`,
      ),
    ).toThrow(/content-type and host/);
  });

  it("strips ports from hosts, IPv6 included", () => {
    expect(stripPort("127.0.0.1:8080")).toBe("127.0.0.1");
    expect(stripPort("[::1]:8080")).toBe("[::1]");
    expect(stripPort("faceid.example")).toBe("faceid.example");
  });
});

describe("v1 HmacSHA1 / HmacSHA256 verifier", () => {
  const params = new Map([
    ["Action", "ApplyWebVerificationBizTokenIntl"],
    ["RedirectURL", "https://x/cb"],
    ["Config.AutoSkip", "true"],
    ["Nonce", "123"],
    ["Timestamp", "1700000000"],
    ["SecretId", "AKIDEXAMPLE"],
    ["SignatureMethod", "HmacSHA256"],
    ["Signature", "ignored"],
  ]);

  it("builds the sorted raw string-to-sign with the host and port", () => {
    expect(v1StringToSign("post", "127.0.0.1:8080", params)).toBe(
      "POST127.0.0.1:8080/?Action=ApplyWebVerificationBizTokenIntl&Config.AutoSkip=true&Nonce=123&RedirectURL=https://x/cb&SecretId=AKIDEXAMPLE&SignatureMethod=HmacSHA256&Timestamp=1700000000",
    );
  });

  it("matches the SDK's signer for both digests", () => {
    const text = v1StringToSign("GET", "127.0.0.1:8080", params);
    expect(v1Signature(secretKey, "HmacSHA256", text)).toBe(Sign.sign(secretKey, text, "HmacSHA256"));
    expect(v1Signature(secretKey, "HmacSHA1", text)).toBe(Sign.sign(secretKey, text, "HmacSHA1"));
  });
});
