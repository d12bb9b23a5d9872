import { describe, expect, it } from "vitest";
import { parseAllowList } from "./allow-list.ts";
import { isNonPublicAddress } from "./blocked-ranges.ts";
import { formatIp, parseCidr, parseIp } from "./ip.ts";

const nonPublic = (text: string) => {
  const bytes = parseIp(text);
  if (!bytes) throw new Error(`not an IP: ${text}`);
  return isNonPublicAddress(bytes);
};

describe("address classification", () => {
  it("parses IPv4, IPv6, bracketed, zoned and dotted-tail forms", () => {
    expect(formatIp(parseIp("192.168.1.20")!)).toBe("192.168.1.20");
    expect(formatIp(parseIp("[::1]")!)).toBe("0:0:0:0:0:0:0:1");
    expect(formatIp(parseIp("fe80::1%eth0")!)).toBe("fe80:0:0:0:0:0:0:1");
    expect(formatIp(parseIp("::ffff:127.0.0.1")!)).toBe("0:0:0:0:0:ffff:7f00:1");
    expect(parseIp("localhost")).toBeNull();
    expect(parseIp("1.2.3.256")).toBeNull();
    expect(parseCidr("10.0.0.0/33")).toBeNull();
  });

  it("refuses private, loopback, link-local, CGNAT, multicast and reserved IPv4", () => {
    for (const ip of ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "127.0.0.1", "127.9.9.9"]) {
      expect(nonPublic(ip), ip).toBe(true);
    }
    for (const ip of [
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "198.18.0.1",
    ]) {
      expect(nonPublic(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "193.0.14.129"]) {
      expect(nonPublic(ip), ip).toBe(false);
    }
  });

  it("refuses IPv6 loopback, unique-local, link-local, multicast and every IPv4-embedding form of a private address", () => {
    for (const ip of ["::1", "::", "fd00::1", "fc12:3456::1", "fe80::abcd", "ff02::1", "2001:db8::1"]) {
      expect(nonPublic(ip), ip).toBe(true);
    }
    for (const ip of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"]) {
      expect(nonPublic(ip), ip).toBe(true);
    }
    for (const ip of ["::127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1", "2001:0:4136:e378::1"]) {
      expect(nonPublic(ip), ip).toBe(true);
    }
    for (const ip of ["2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) {
      expect(nonPublic(ip), ip).toBe(false);
    }
  });

  it("reads allow-list entries as CIDRs, hosts and wildcard suffixes", () => {
    const list = parseAllowList(["127.0.0.1", "10.0.0.0/8", "minio.internal", "*.s3.local", " "]);
    expect(list.cidrs).toHaveLength(2);
    expect(list.hosts).toEqual(["minio.internal"]);
    expect(list.hostSuffixes).toEqual([".s3.local"]);
  });
});
