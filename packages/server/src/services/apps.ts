import { randomBytes } from "node:crypto";
import type { App, Clock, Store } from "@openekyc/core";
import { EkycError } from "@openekyc/core";
import type { SecretBox } from "../crypto/secret-box.ts";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Uniform random base62 text (rejection sampling keeps every character equally likely). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

export interface NewCredentials {
  readonly SecretId: string;
  readonly SecretKey: string;
}

/**
 * Merchants and their SecretId/SecretKey pairs. The SecretKey is shown once, at creation, and stored sealed
 * with the master key (HMAC verification needs the key itself, so it cannot be hashed).
 */
export class AppService {
  readonly #store: Store;
  readonly #secrets: SecretBox;
  readonly #clock: Clock;
  readonly #defaultRateLimit: number;

  constructor(
    store: Store,
    secrets: SecretBox,
    clock: Clock,
    options: { defaultRateLimitPerSecond?: number } = {},
  ) {
    this.#store = store;
    this.#secrets = secrets;
    this.#clock = clock;
    this.#defaultRateLimit = options.defaultRateLimitPerSecond ?? 1000;
  }

  async createApp(name: string): Promise<{ AppId: string; SecretId: string; SecretKey: string }> {
    const trimmed = name.trim();
    if (trimmed === "" || trimmed.length > 200) {
      throw new EkycError("INVALID_PARAMETER_VALUE", "The app name must be 1 to 200 characters.");
    }
    const app: App = {
      appId: `app-${randomBytes(8).toString("hex")}`,
      name: trimmed,
      disabled: false,
      redirectHosts: [],
      rateLimitPerSecond: this.#defaultRateLimit,
      createdAt: this.#clock.now(),
    };
    await this.#store.createApp(app);
    const credentials = await this.#addCredential(app.appId);
    return { AppId: app.appId, ...credentials };
  }

  listApps(): Promise<App[]> {
    return this.#store.listApps();
  }

  async disableApp(appId: string): Promise<boolean> {
    return (await this.#store.updateApp(appId, { disabled: true })) !== null;
  }

  /** Adds a new pair; the old ones keep working until `disableKey`, so merchants can roll keys without downtime. */
  async rotateKey(appId: string): Promise<NewCredentials> {
    const app = await this.#store.getApp(appId);
    if (!app) throw new EkycError("INVALID_PARAMETER_VALUE", `No app with AppId ${appId}.`);
    return this.#addCredential(appId);
  }

  disableKey(secretId: string): Promise<boolean> {
    return this.#store.disableCredential(secretId);
  }

  async #addCredential(appId: string): Promise<NewCredentials> {
    // Tencent SecretIds start with AKID and are 36 characters long; merchants' validators may expect that.
    const secretId = `AKID${randomBase62(32)}`;
    const secretKey = randomBase62(32);
    await this.#store.addCredential({
      secretId,
      appId,
      secretKeyCiphertext: this.#secrets.seal(secretKey),
      disabled: false,
      createdAt: this.#clock.now(),
    });
    return { SecretId: secretId, SecretKey: secretKey };
  }
}
