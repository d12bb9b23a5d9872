export * from "./allow-list.ts";
export { embeddedIpv4, isNonPublicAddress } from "./blocked-ranges.ts";
export * from "./fetch-error.ts";
export { formatIp, parseCidr, parseIp } from "./ip.ts";
export * from "./safe-fetch.ts";
