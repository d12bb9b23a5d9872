import { z } from "zod";

/**
 * The one typed configuration schema. Values come from the environment (OPENEKYC_*) and an optional JSON
 * config file (OPENEKYC_CONFIG); the environment wins. Read only by `config/load.ts`.
 */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  host: z.string().default("0.0.0.0"),
  /** Public base URL used in VerificationURL, UploadUrl and ResourceUrl; defaults to http://localhost:PORT. */
  publicUrl: z.string().url().optional(),
  dataDir: z.string().default("./data"),
  /** postgres://… selects PostgreSQL; absent selects SQLite at <dataDir>/openekyc.sqlite. */
  databaseUrl: z.string().optional(),
  /** 64 hex chars (32 bytes). Absent: generated into <dataDir>/master.key on first run. */
  masterKey: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .optional(),
  blobs: z
    .object({
      driver: z.enum(["fs", "s3"]).default("fs"),
      s3: z
        .object({
          endpoint: z.string().url().optional(),
          region: z.string().default("us-east-1"),
          bucket: z.string(),
          accessKeyId: z.string(),
          secretAccessKey: z.string(),
          forcePathStyle: z.boolean().default(true),
        })
        .optional(),
    })
    .default({ driver: "fs" }),
  /** Largest accepted API request body, bytes. CompareImageBase64 (8 MB) + VideoBase64 (8 MB) + envelope. */
  maxRequestBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(18 * 1024 * 1024),
  /** Largest upload through a CreateUploadUrl URL, bytes. */
  maxUploadBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Default per-app rate limit, requests per second over all actions. */
  defaultRateLimitPerSecond: z.coerce.number().positive().default(1000),
  /** Allowed clock skew for signed requests, seconds. */
  maxClockSkewSeconds: z.coerce.number().int().positive().default(300),
  /** Engine worker threads; default: number of cores. */
  engineWorkers: z.coerce.number().int().min(1).max(64).optional(),
  /** Hosts/CIDRs that URL inputs may target even though private (e.g. a local S3). */
  fetchAllowList: z.array(z.string()).default([]),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ServerConfig = z.infer<typeof configSchema>;
