import { readFileSync } from "node:fs";
import { configSchema, type ServerConfig } from "./schema.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** Maps OPENEKYC_* variables (and PORT) onto the schema's shape. Unset variables stay unset. */
function fromEnvironment(env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== "") out[key] = value;
  };
  set("port", env.PORT ?? env.OPENEKYC_PORT);
  set("host", env.OPENEKYC_HOST);
  set("publicUrl", env.OPENEKYC_PUBLIC_URL);
  set("dataDir", env.OPENEKYC_DATA_DIR);
  set("databaseUrl", env.OPENEKYC_DATABASE_URL);
  set("masterKey", env.OPENEKYC_MASTER_KEY);
  set("maxRequestBytes", env.OPENEKYC_MAX_REQUEST_BYTES);
  set("maxUploadBytes", env.OPENEKYC_MAX_UPLOAD_BYTES);
  set("defaultRateLimitPerSecond", env.OPENEKYC_RATE_LIMIT);
  set("engineWorkers", env.OPENEKYC_ENGINE_WORKERS);
  set("logLevel", env.OPENEKYC_LOG_LEVEL);
  if (env.OPENEKYC_FETCH_ALLOW_LIST)
    out.fetchAllowList = env.OPENEKYC_FETCH_ALLOW_LIST.split(",").map((s) => s.trim());
  if (env.OPENEKYC_S3_BUCKET) {
    out.blobs = {
      driver: "s3",
      s3: {
        endpoint: env.OPENEKYC_S3_ENDPOINT,
        region: env.OPENEKYC_S3_REGION ?? "us-east-1",
        bucket: env.OPENEKYC_S3_BUCKET,
        accessKeyId: env.OPENEKYC_S3_ACCESS_KEY_ID ?? "",
        secretAccessKey: env.OPENEKYC_S3_SECRET_ACCESS_KEY ?? "",
      },
    };
  }
  return out;
}

/** Reads the optional config file, overlays the environment, validates. Throws a readable error on bad input. */
export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const file = env.OPENEKYC_CONFIG ? (JSON.parse(readFileSync(env.OPENEKYC_CONFIG, "utf8")) as unknown) : {};
  const merged = { ...(typeof file === "object" && file ? file : {}), ...fromEnvironment(env), ...overrides };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`Invalid openekyc configuration: ${issues}`);
  }
  return parsed.data;
}
