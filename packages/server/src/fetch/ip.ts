import { isIP } from "node:net";

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/** Parses an IPv4 or IPv6 literal (brackets and a zone id tolerated); null when it is not one. */
export function parseIp(text: string): IpBytes | null {
  const literal = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const version = isIP(literal);
  if (version === 4) return Uint8Array.from(literal.split(".").map(Number));
  if (version === 6) return parseIpv6(literal);
  return null;
}

function parseIpv6(text: string): IpBytes | null {
  let head = text;
  let tailV4: number[] = [];
  // A dotted IPv4 tail (e.g. ::ffff:127.0.0.1) fills the last 32 bits.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    tailV4 = dotted[1].split(".").map(Number);
    head = `${text.slice(0, dotted.index)}0:0`;
  }
  const [left = "", right] = head.split("::");
  const leftGroups = left === "" ? [] : left.split(":");
  const rightGroups = right === undefined || right === "" ? [] : right.split(":");
  const missing = 8 - leftGroups.length - rightGroups.length;
  if (right === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [
    ...leftGroups,
    ...Array<string>(right === undefined ? 0 : missing).fill("0"),
    ...rightGroups,
  ];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  if (tailV4.length === 4) bytes.set(tailV4, 12);
  return bytes;
}

export interface Cidr {
  readonly network: IpBytes;
  readonly prefix: number;
}

/** Parses "10.0.0.0/8", "fe80::/10" or a bare address (a /32 or /128). */
export function parseCidr(text: string): Cidr | null {
  const [address = "", prefixText] = text.trim().split("/");
  const network = parseIp(address);
  if (!network) return null;
  const prefix = prefixText === undefined ? network.length * 8 : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > network.length * 8) return null;
  return { network, prefix };
}

export function inCidr(address: IpBytes, cidr: Cidr): boolean {
  if (address.length !== cidr.network.length) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    const byte = bit >> 3;
    if (((address[byte] ?? 0) & mask) !== ((cidr.network[byte] ?? 0) & mask)) return false;
  }
  return true;
}

export function formatIp(address: IpBytes): string {
  if (address.length === 4) return address.join(".");
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((address[i] ?? 0) << 8) | (address[i + 1] ?? 0)).toString(16));
  return groups.join(":");
}
