import { type Cidr, type IpBytes, inCidr, parseCidr } from "./ip.ts";

function cidrs(list: readonly string[]): Cidr[] {
  return list.map((text) => {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`bad built-in CIDR ${text}`);
    return cidr;
  });
}

/** IPv4 space that is not the public internet (RFC 6890 special-purpose registry and friends). */
const blockedV4 = cidrs([
  "0.0.0.0/8", // "this network"
  "10.0.0.0/8", // private
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (cloud metadata lives at 169.254.169.254)
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.88.99.0/24", // 6to4 relay anycast
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, incl. broadcast
]);

const blockedV6 = cidrs([
  "::/128", // unspecified
  "::1/128", // loopback
  "100::/64", // discard
  "2001::/32", // Teredo (embeds an obfuscated IPv4 address)
  "2001:db8::/32", // documentation
  "fc00::/7", // unique local
  "fe80::/10", // link-local
  "fec0::/10", // old site-local
  "ff00::/8", // multicast
]);

/** IPv6 forms that carry an IPv4 address inside; the embedded address decides. */
const embeddingV4: ReadonlyArray<{ cidr: Cidr; offset: number }> = [
  { cidr: parseCidr("::ffff:0:0/96") as Cidr, offset: 12 }, // IPv4-mapped
  { cidr: parseCidr("::/96") as Cidr, offset: 12 }, // IPv4-compatible (deprecated)
  { cidr: parseCidr("64:ff9b::/96") as Cidr, offset: 12 }, // NAT64
  { cidr: parseCidr("64:ff9b:1::/48") as Cidr, offset: 12 }, // local-use NAT64
  { cidr: parseCidr("2002::/16") as Cidr, offset: 2 }, // 6to4
];

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), or null. */
export function embeddedIpv4(address: IpBytes): IpBytes | null {
  if (address.length !== 16) return null;
  for (const { cidr, offset } of embeddingV4) {
    if (inCidr(address, cidr)) return address.slice(offset, offset + 4);
  }
  return null;
}

/** True for loopback, private, link-local, multicast, reserved and documentation addresses, in any form. */
export function isNonPublicAddress(address: IpBytes): boolean {
  if (address.length === 4) return blockedV4.some((cidr) => inCidr(address, cidr));
  const v4 = embeddedIpv4(address);
  if (v4) return isNonPublicAddress(v4) || inCidr(address, blockedV6[0] as Cidr);
  return blockedV6.some((cidr) => inCidr(address, cidr));
}
