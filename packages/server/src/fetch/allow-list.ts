import { type Cidr, type IpBytes, inCidr, parseCidr } from "./ip.ts";

/**
 * `fetchAllowList` from the config: entries are CIDRs or addresses ("10.0.0.0/8", "::1"), exact host names
 * ("minio.internal") or suffix wildcards ("*.s3.internal"). An allowed host may resolve to private addresses;
 * an allowed CIDR admits addresses inside it whatever the host name.
 */
export interface FetchAllowList {
  readonly cidrs: readonly Cidr[];
  readonly hosts: readonly string[];
  readonly hostSuffixes: readonly string[];
}

export function parseAllowList(entries: readonly string[]): FetchAllowList {
  const cidrs: Cidr[] = [];
  const hosts: string[] = [];
  const hostSuffixes: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    const cidr = parseCidr(entry);
    if (cidr) cidrs.push(cidr);
    else if (entry.startsWith("*.")) hostSuffixes.push(entry.slice(1));
    else hosts.push(entry.replace(/\.$/, ""));
  }
  return { cidrs, hosts, hostSuffixes };
}

export function hostAllowed(list: FetchAllowList, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return list.hosts.includes(host) || list.hostSuffixes.some((suffix) => host.endsWith(suffix));
}

export function addressAllowed(list: FetchAllowList, address: IpBytes): boolean {
  return list.cidrs.some((cidr) => inCidr(address, cidr));
}
