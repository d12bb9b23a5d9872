import type { App } from "@openekyc/core";
import { EkycError } from "@openekyc/core";

export const maxRedirectUrlLength = 2048;

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

function listed(app: App, url: URL): boolean {
  const hosts = app.redirectHosts.map((host) => host.toLowerCase());
  return hosts.includes(url.host) || hosts.includes(url.hostname);
}

/**
 * Where the browser may be sent after the flow. Only http(s) URLs (never javascript:, data:, …):
 * - https: any host when the app's redirect allow-list is empty, else a listed host;
 * - plain http: only loopback hosts (local development) or a host the app listed explicitly,
 *   because tokens in a plain-http redirect can be read on the network.
 */
export function checkRedirectUrl(app: App, text: string, field: string): string {
  if (text.length > maxRedirectUrlLength) {
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `${field} is longer than ${maxRedirectUrlLength} characters.`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} must be a full URL with scheme, host and path.`);
  }
  if (url.username || url.password) {
    throw new EkycError("INVALID_PARAMETER_VALUE", `${field} must not carry user information.`);
  }
  if (url.protocol === "https:") {
    if (app.redirectHosts.length === 0 || listed(app, url)) return text;
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `${field} host ${url.host} is not in this app's redirect allow-list.`,
    );
  }
  if (url.protocol === "http:") {
    if (loopbackHosts.has(url.hostname) || listed(app, url)) return text;
    throw new EkycError(
      "INVALID_PARAMETER_VALUE",
      `${field} must use https (plain http is allowed only for localhost or hosts in the app's redirect allow-list).`,
    );
  }
  throw new EkycError("INVALID_PARAMETER_VALUE", `${field} must be an http(s) URL.`);
}
