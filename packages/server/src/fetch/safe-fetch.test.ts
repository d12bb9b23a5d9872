import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowList } from "./allow-list.ts";
import { FetchError, type FetchFailureReason } from "./fetch-error.ts";
import { type SafeFetchOptions, safeFetch } from "./safe-fetch.ts";

const payload = Buffer.from("a real video would be here; these bytes stand in for it".repeat(20));
const payloadMd5 = createHash("md5").update(payload).digest("hex");

/** A local origin with one route per behaviour under test. */
function startServer(
  host: string,
  routes: (base: () => string) => http.RequestListener,
): Promise<http.Server> {
  let base = "";
  const server = http.createServer(routes(() => base));
  return new Promise((resolve) =>
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
      resolve(server);
    }),
  );
}

let origin: http.Server;
let other: http.Server;
let base = "";
let otherBase = "";

beforeAll(async () => {
  other = await startServer("127.0.0.2", () => (_req, res) => res.end(payload));
  otherBase = `http://127.0.0.2:${(other.address() as AddressInfo).port}`;
  origin = await startServer("127.0.0.1", (self) => (req, res) => {
    const path = req.url ?? "/";
    if (path === "/file") return res.end(payload);
    if (path === "/redirect") return res.writeHead(302, { location: "/file" }).end();
    if (path === "/redirect-metadata") {
      return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    }
    if (path === "/redirect-other-loopback") return res.writeHead(307, { location: `${otherBase}/x` }).end();
    if (path === "/redirect-ftp") return res.writeHead(301, { location: "ftp://example.com/a" }).end();
    if (path === "/loop") return res.writeHead(302, { location: `${self()}/loop` }).end();
    if (path === "/big-declared") return res.writeHead(200, { "content-length": "5000000" }).end();
    if (path === "/big-chunked") {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (let i = 0; i < 40; i++) res.write(chunk);
      return res.end();
    }
    if (path === "/slow") {
      res.writeHead(200);
      const drip = setInterval(() => res.write("x"), 100);
      res.on("close", () => clearInterval(drip));
      return;
    }
    if (path === "/hang") return; // never answers
    if (path === "/missing") return res.writeHead(404).end();
    res.writeHead(500).end();
  });
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  origin.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((r) => origin.close(r)), new Promise((r) => other.close(r))]);
});

/** Only the test's own loopback origin (127.0.0.1) is allow-listed. */
const options: SafeFetchOptions = {
  allowList: parseAllowList(["127.0.0.1"]),
  maxBytes: 1024 * 1024,
  timeoutMs: 1500,
  maxRedirects: 3,
  field: "VideoUrl",
};

async function refusal(url: string, overrides: Partial<SafeFetchOptions> = {}): Promise<FetchFailureReason> {
  const error = await safeFetch(url, { ...options, ...overrides }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return (error as FetchError).reason;
}

describe("safeFetch", () => {
  it("downloads from an allow-listed origin, following a redirect, and checks the MD5", async () => {
    const body = await safeFetch(`${base}/redirect`, { ...options, expectedMd5: payloadMd5.toUpperCase() });
    expect(body.data.equals(payload)).toBe(true);
    expect(body.finalUrl).toBe(`${base}/file`);
    expect(await refusal(`${base}/file`, { expectedMd5: "0".repeat(32) })).toBe("md5_mismatch");
    expect(await refusal(`${base}/file`, { expectedMd5: "not-an-md5" })).toBe("bad_url");
  });

  it("refuses the same loopback origin when it is not allow-listed, by IP and by name", async () => {
    const closed = { allowList: parseAllowList([]) };
    expect(await refusal(`${base}/file`, closed)).toBe("blocked_address");
    const port = new URL(base).port;
    expect(await refusal(`http://localhost:${port}/file`, closed)).toBe("blocked_address");
    expect(await refusal(`http://2130706433:${port}/file`, closed)).toBe("blocked_address");
  });

  it("refuses private, link-local and IPv6 loopback targets before connecting", async () => {
    for (const url of [
      "http://10.0.0.1/v.mp4",
      "http://192.168.1.1/v.mp4",
      "http://172.20.0.5/v.mp4",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/v.mp4",
      "http://[::ffff:127.0.0.1]/v.mp4",
      "http://[::ffff:a9fe:a9fe]/v.mp4",
      "http://[fe80::1]/v.mp4",
      "http://[fd00::1]/v.mp4",
      "http://0.0.0.0/v.mp4",
      "http://167772161/v.mp4", // 10.0.0.1 written as one decimal number
    ]) {
      expect(await refusal(url), url).toBe("blocked_address");
    }
  });

  it("checks every redirect hop: to link-local, to a non-allowed loopback address, to another scheme", async () => {
    expect(await refusal(`${base}/redirect-metadata`)).toBe("blocked_address");
    // 127.0.0.2 really serves the file, so only the check stops it.
    expect(await refusal(`${base}/redirect-other-loopback`)).toBe("blocked_address");
    expect(await refusal(`${base}/redirect-ftp`)).toBe("bad_url");
    expect(await refusal(`${base}/loop`)).toBe("too_many_redirects");
  });

  it("refuses bad schemes, credentials and malformed URLs", async () => {
    for (const url of [
      "ftp://example.com/a",
      "file:///etc/passwd",
      "data:video/mp4;base64,AAAA",
      "gopher://x/",
    ]) {
      expect(await refusal(url), url).toBe("bad_url");
    }
    expect(await refusal(`http://user:pw@127.0.0.1:${new URL(base).port}/file`)).toBe("bad_url");
    expect(await refusal("not a url")).toBe("bad_url");
  });

  it("enforces the size cap from Content-Length and while streaming", async () => {
    expect(await refusal(`${base}/big-declared`)).toBe("too_large");
    expect(await refusal(`${base}/big-chunked`)).toBe("too_large");
  });

  it("enforces the overall time limit on a silent and on a dripping server", async () => {
    const started = Date.now();
    expect(await refusal(`${base}/hang`, { timeoutMs: 400 })).toBe("timeout");
    expect(await refusal(`${base}/slow`, { timeoutMs: 400 })).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports HTTP errors and unresolvable hosts as download errors", async () => {
    const error = await safeFetch(`${base}/missing`, options).catch((e: unknown) => e);
    expect((error as FetchError).reason).toBe("http_status");
    expect((error as FetchError).code).toBe("DOWNLOAD_ERROR");
    expect(await refusal("http://no-such-host.invalid/v.mp4")).toBe("dns");
  });
});
