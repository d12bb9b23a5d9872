import { createHash } from "node:crypto";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { addressAllowed, type FetchAllowList, hostAllowed, parseAllowList } from "./allow-list.ts";
import { isNonPublicAddress } from "./blocked-ranges.ts";
import { FetchError } from "./fetch-error.ts";
import { formatIp, parseIp } from "./ip.ts";

export interface SafeFetchOptions {
  /** Parsed `fetchAllowList`: hosts/CIDRs that may be private (e.g. a local S3). */
  readonly allowList: FetchAllowList;
  /** Largest body accepted, bytes. */
  readonly maxBytes: number;
  /** Total time for DNS, connect, redirects and body (the reference allows 4 s per download). */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** 32 hex digits; the body must hash to it. */
  readonly expectedMd5?: string;
  /** Field name used in messages, e.g. "VideoUrl". */
  readonly field: string;
}

export const defaultFetchLimits = { timeoutMs: 4000, maxRedirects: 3, allowList: parseAllowList([]) };

export interface FetchedBody {
  readonly data: Buffer;
  readonly contentType: string | null;
  /** The URL the body finally came from (after redirects). */
  readonly finalUrl: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MD5_HEX = /^[0-9a-f]{32}$/i;

/**
 * Downloads a caller-supplied URL without letting it reach this server's network: http(s) only, every
 * address the host resolves to must be public (or allow-listed), the connection is pinned to the checked
 * addresses (no DNS rebinding between check and connect), and each redirect hop is checked again.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchedBody> {
  if (options.expectedMd5 !== undefined && !MD5_HEX.test(options.expectedMd5)) {
    throw new FetchError("bad_url", `The MD5 given for ${options.field} must be 32 hexadecimal digits.`);
  }
  const deadline = Date.now() + options.timeoutMs;
  // One abort for the whole download: it tears down whichever socket is open when time runs out.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    return await fetchHops(parseHttpUrl(url, options.field), options, deadline, abort.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchHops(
  start: URL,
  options: SafeFetchOptions,
  deadline: number,
  signal: AbortSignal,
): Promise<FetchedBody> {
  let current = start;
  for (let hop = 0; ; hop++) {
    const addresses = await withDeadline(resolveChecked(current, options), deadline, options.field);
    const response = await get(current, addresses, signal, options.field);
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
      response.resume();
      if (hop >= options.maxRedirects) {
        throw new FetchError(
          "too_many_redirects",
          `${options.field} redirected more than ${options.maxRedirects} times.`,
        );
      }
      current = parseHttpUrl(new URL(location, current).toString(), options.field);
      continue;
    }
    if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) >= 300) {
      response.resume();
      throw new FetchError(
        "http_status",
        `Downloading ${options.field} failed with HTTP ${response.statusCode}.`,
      );
    }
    const data = await readBody(response, options, signal);
    if (options.expectedMd5 !== undefined) {
      const md5 = createHash("md5").update(data).digest("hex");
      if (md5 !== options.expectedMd5.toLowerCase()) {
        throw new FetchError("md5_mismatch", `${options.field} does not match the MD5 given for it.`);
      }
    }
    return { data, contentType: response.headers["content-type"] ?? null, finalUrl: current.toString() };
  }
}

function parseHttpUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError("bad_url", `${field} is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad_url", `${field} must be an http or https URL.`);
  }
  if (url.username || url.password) {
    throw new FetchError("bad_url", `${field} must not carry credentials.`);
  }
  return url;
}

interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves the host and checks every address; any non-public, non-allowed address refuses the whole host. */
async function resolveChecked(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress[]> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const literal = parseIp(hostname);
  let resolved: ResolvedAddress[];
  if (literal) {
    resolved = [{ address: formatIp(literal), family: literal.length === 4 ? 4 : 6 }];
  } else {
    try {
      const answers = await dnsLookup(hostname, { all: true, verbatim: true });
      resolved = answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    } catch (error) {
      throw new FetchError("dns", `The host of ${options.field} could not be resolved.`, error);
    }
  }
  if (resolved.length === 0) throw new FetchError("dns", `The host of ${options.field} has no address.`);
  const hostIsAllowed = !literal && hostAllowed(options.allowList, hostname);
  for (const { address } of resolved) {
    const bytes = parseIp(address);
    if (!bytes) throw new FetchError("dns", `The host of ${options.field} resolved to a malformed address.`);
    if (isNonPublicAddress(bytes) && !hostIsAllowed && !addressAllowed(options.allowList, bytes)) {
      throw new FetchError(
        "blocked_address",
        `${options.field} points at a private, loopback or link-local address (${address}); such targets are refused unless fetchAllowList permits them.`,
      );
    }
  }
  return resolved;
}

/** A lookup that only ever answers with the addresses already checked. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as ResolvedAddress;
    if (options.all)
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, first.address, first.family);
  };
}

function get(
  url: URL,
  addresses: readonly ResolvedAddress[],
  signal: AbortSignal,
  field: string,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
      headers: { "user-agent": "openekyc-fetch/1", accept: "*/*" },
    });
    request.on("response", resolve);
    request.on("error", (error) => reject(downloadError(error, signal, field)));
    request.end();
  });
}

function downloadError(error: Error, signal: AbortSignal, field: string): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted) return new FetchError("timeout", `Downloading ${field} timed out.`, error);
  return new FetchError("network", `Downloading ${field} failed: ${error.message}`, error);
}

function readBody(
  response: http.IncomingMessage,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new FetchError("too_large", `${options.field} is larger than ${options.maxBytes} bytes.`);
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBytes) {
        response.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(Buffer.concat(chunks)));
    response.on("error", (error) => reject(downloadError(error, signal, options.field)));
    response.on("close", () => {
      if (!response.complete)
        reject(downloadError(new Error("the connection closed early"), signal, options.field));
    });
  });
}

/** Rejects with a timeout once the overall deadline passes (DNS lookups cannot be aborted). */
function withDeadline<T>(work: Promise<T>, deadline: number, field: string): Promise<T> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new FetchError("timeout", `Downloading ${field} timed out.`));
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FetchError("timeout", `Downloading ${field} timed out.`)), remaining);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}
