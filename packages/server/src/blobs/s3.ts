import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { BlobStore } from "@openekyc/core";
import { assertBlobKey, assertBlobPrefix, assertContentType } from "./keys.ts";

export interface S3BlobStoreOptions {
  /** S3-compatible endpoint (MinIO, Ceph, R2, …); absent = AWS. */
  readonly endpoint?: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Path-style URLs (`endpoint/bucket/key`), which local and most self-hosted servers need. */
  readonly forcePathStyle: boolean;
  /** Key prefix inside the bucket, so several deployments can share one bucket (no trailing slash). */
  readonly keyPrefix?: string;
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

/**
 * Blobs in an S3-compatible bucket. PutObject replaces an object atomically, which gives the same
 * "old or new, never half" guarantee as the filesystem adapter. Keys follow the same safe charset.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Newer SDKs add CRC checksums by default, which several S3-compatible servers reject.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix ? `${options.keyPrefix.replace(/\/+$/, "")}/` : "";
  }

  private objectKey(key: string): string {
    assertBlobKey(key);
    return this.keyPrefix + key;
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    const Key = this.objectKey(key);
    assertContentType(contentType);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key, Body: data, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<{ data: Uint8Array; contentType: string } | null> {
    const Key = this.objectKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      const data = out.Body ? await out.Body.transformToByteArray() : new Uint8Array(0);
      return { data, contentType: out.ContentType ?? "application/octet-stream" };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ size: number; contentType: string } | null> {
    const Key = this.objectKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? "application/octet-stream" };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertBlobPrefix(prefix);
    const Prefix = this.keyPrefix + prefix;
    // Listing pages hold at most 1,000 keys, exactly what one DeleteObjects call accepts.
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix, ContinuationToken }),
      );
      const Objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (Objects.length) {
        const out = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects, Quiet: true } }),
        );
        const failed = out.Errors ?? [];
        if (failed.length)
          throw new Error(
            `S3 refused to delete ${failed.length} object(s), e.g. ${failed[0]?.Key}: ${failed[0]?.Code}`,
          );
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Releases the HTTP connections. */
  close(): void {
    this.client.destroy();
  }
}
