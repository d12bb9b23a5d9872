import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { BlobStore } from "@openekyc/core";
import { assertBlobKey, assertBlobPrefix, assertContentType } from "./keys.ts";

/**
 * Filesystem blobs under one root directory. Object `a/b/c` is the file `<root>/a/b/c~`: "~" is outside
 * the key charset, so object `a` (file `a~`) and object `a/b` (directory `a`) never collide. The content
 * type is a one-line header inside the file, so data and type are replaced together by one rename: a reader
 * sees the old object or the new one, never half of either, even when the writer is killed.
 */
const magic = "OEKB1\n";
const fileSuffix = "~";
/** Header = magic + content type (≤ 255) + "\n": this many bytes always cover it. */
const headerReadBytes = 512;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function parseHeader(buf: Uint8Array): { contentType: string; headerBytes: number } {
  const text = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, headerReadBytes)).toString(
    "latin1",
  );
  const end = text.indexOf("\n", magic.length);
  if (!text.startsWith(magic) || end < 0) throw new Error("Corrupt blob file header");
  return { contentType: text.slice(magic.length, end), headerBytes: end + 1 };
}

export class FsBlobStore implements BlobStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.rootDir, `${key}${fileSuffix}`);
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    assertContentType(contentType);
    const header = Buffer.from(`${magic}${contentType}\n`, "latin1");
    // A concurrent deletePrefix may remove the directory between mkdir and rename: try again.
    for (let attempt = 0; ; attempt++) {
      const temp = join(dirname(path), `.${randomBytes(8).toString("hex")}.tmp`);
      try {
        await mkdir(dirname(path), { recursive: true });
        const file = await open(temp, "wx", 0o600);
        try {
          await file.writev([header, data]);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, path);
        return;
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        if (!isMissing(error) || attempt >= 3) throw error;
      }
    }
  }

  async get(key: string): Promise<{ data: Uint8Array; contentType: string } | null> {
    let buf: Buffer;
    try {
      buf = await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const { contentType, headerBytes } = parseHeader(buf);
    return {
      data: new Uint8Array(buf.buffer, buf.byteOffset + headerBytes, buf.byteLength - headerBytes),
      contentType,
    };
  }

  async head(key: string): Promise<{ size: number; contentType: string } | null> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.pathOf(key), "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(headerReadBytes), 0, headerReadBytes, 0);
      const { contentType, headerBytes } = parseHeader(buffer.subarray(0, bytesRead));
      const { size } = await file.stat();
      return { size: size - headerBytes, contentType };
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Same meaning as on S3: every key that starts with `prefix` ("a/b" also matches "a/bc/d"). */
  async deletePrefix(prefix: string): Promise<void> {
    assertBlobPrefix(prefix);
    const slash = prefix.lastIndexOf("/");
    const dir = join(this.rootDir, prefix.slice(0, slash + 1));
    const namePrefix = prefix.slice(slash + 1);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.name.startsWith(namePrefix)) continue;
      if (entry.isDirectory()) await rm(join(dir, entry.name), { recursive: true, force: true });
      else if (entry.name.endsWith(fileSuffix)) await rm(join(dir, entry.name), { force: true });
    }
  }
}
