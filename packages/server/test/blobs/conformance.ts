import { randomBytes } from "node:crypto";
import { type BlobStore, EkycError } from "@openekyc/core";
import { describe, expect, it } from "vitest";

export interface BlobConformanceOptions {
  /**
   * Set only when the atomic replacement of an object is the storage server's job, not the adapter's, and
   * the server used in the test does not provide it; says why. The case is then left out for that run.
   */
  readonly serverLacksAtomicReplace?: string;
}

/**
 * The one BlobStore conformance suite; the filesystem and S3 adapters both run it. `open` gives a store
 * whose key space is empty (a fresh directory or bucket).
 */
export function describeBlobStoreConformance(
  name: string,
  open: () => Promise<BlobStore>,
  options: BlobConformanceOptions = {},
): void {
  describe(`BlobStore conformance: ${name}`, () => {
    const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

    it("round-trips bytes and content type; head reports size and type", async () => {
      const blobs = await open();
      await blobs.put("sessions/s1/best-frame.jpg", allBytes, "image/jpeg");
      const got = await blobs.get("sessions/s1/best-frame.jpg");
      expect(got?.contentType).toBe("image/jpeg");
      expect(Buffer.from(got!.data).equals(Buffer.from(allBytes))).toBe(true);
      expect(await blobs.head("sessions/s1/best-frame.jpg")).toEqual({
        size: 256,
        contentType: "image/jpeg",
      });
    });

    it("stores empty and multi-megabyte objects", async () => {
      const blobs = await open();
      const big = randomBytes(5 * 1024 * 1024 + 3);
      await blobs.put("empty", new Uint8Array(0), "application/octet-stream");
      await blobs.put("video/v.webm", big, "video/webm; codecs=vp8");
      expect(await blobs.head("empty")).toEqual({ size: 0, contentType: "application/octet-stream" });
      expect((await blobs.get("empty"))?.data.byteLength).toBe(0);
      const got = await blobs.get("video/v.webm");
      expect(got?.contentType).toBe("video/webm; codecs=vp8");
      expect(Buffer.from(got!.data).equals(big)).toBe(true);
    });

    it("overwrites data and content type together", async () => {
      const blobs = await open();
      await blobs.put("k", Uint8Array.of(1, 2, 3), "image/png");
      await blobs.put("k", Uint8Array.of(9), "text/plain");
      expect(await blobs.get("k")).toEqual({ data: Uint8Array.of(9), contentType: "text/plain" });
    });

    it("answers null for absent objects and deletes idempotently", async () => {
      const blobs = await open();
      expect(await blobs.get("nope/x")).toBeNull();
      expect(await blobs.head("nope/x")).toBeNull();
      await blobs.put("a/b", Uint8Array.of(1), "text/plain");
      await blobs.delete("a/b");
      await blobs.delete("a/b");
      expect(await blobs.get("a/b")).toBeNull();
    });

    it("keeps an object and objects 'below' its key apart", async () => {
      const blobs = await open();
      await blobs.put("a", Uint8Array.of(1), "text/plain");
      await blobs.put("a/b", Uint8Array.of(2), "text/plain");
      expect((await blobs.get("a"))?.data).toEqual(Uint8Array.of(1));
      expect((await blobs.get("a/b"))?.data).toEqual(Uint8Array.of(2));
    });

    it("deletePrefix removes exactly the keys that start with the prefix", async () => {
      const blobs = await open();
      const keys = ["s/abc", "s/abc/x", "s/abc/y/z", "s/abcd/w", "s/other", "t/abc/x"];
      for (const key of keys) await blobs.put(key, Uint8Array.of(7), "text/plain");
      await blobs.deletePrefix("s/abc/");
      const present = async () =>
        (await Promise.all(keys.map(async (k) => ((await blobs.head(k)) ? k : null)))).filter(Boolean);
      expect(await present()).toEqual(["s/abc", "s/abcd/w", "s/other", "t/abc/x"]);
      await blobs.deletePrefix("s/ab");
      expect(await present()).toEqual(["s/other", "t/abc/x"]);
      await blobs.deletePrefix("nothing/here/");
    });

    if (!options.serverLacksAtomicReplace)
      it("concurrent writers to one key leave one whole version, never a mix", async () => {
        const blobs = await open();
        const versions = Array.from({ length: 8 }, (_, i) => new Uint8Array(64 * 1024).fill(i + 1));
        await Promise.all(versions.map((v, i) => blobs.put("race/obj", v, `application/x-v${i}`)));
        const got = await blobs.get("race/obj");
        const index = versions.findIndex((v) => Buffer.from(v).equals(Buffer.from(got!.data)));
        expect(index).toBeGreaterThanOrEqual(0);
        expect(got?.contentType).toBe(`application/x-v${index}`);
      });

    it("rejects unsafe keys, prefixes and content types before any I/O", async () => {
      const blobs = await open();
      const bad = [
        "",
        "../x",
        "a/../b",
        "a/./b",
        "/abs",
        "a//b",
        "a/",
        "a\\b",
        ".hidden",
        "a b",
        "a~",
        "é",
        "x".repeat(600),
      ];
      for (const key of bad) {
        await expect(blobs.put(key, Uint8Array.of(1), "text/plain"), key).rejects.toBeInstanceOf(EkycError);
        await expect(blobs.get(key), key).rejects.toBeInstanceOf(EkycError);
        await expect(blobs.head(key), key).rejects.toBeInstanceOf(EkycError);
        await expect(blobs.delete(key), key).rejects.toBeInstanceOf(EkycError);
      }
      for (const prefix of ["", "/", "../", "a//"])
        await expect(blobs.deletePrefix(prefix), prefix).rejects.toBeInstanceOf(EkycError);
      for (const type of ["", "text/plain\nX-Evil: 1", "a".repeat(300)])
        await expect(blobs.put("ok", Uint8Array.of(1), type)).rejects.toBeInstanceOf(EkycError);
      expect(await blobs.get("ok")).toBeNull();
    });
  });
}
