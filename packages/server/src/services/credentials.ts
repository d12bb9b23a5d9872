import type { App, Clock, Store } from "@openekyc/core";
import { EkycError } from "@openekyc/core";
import type { SecretBox } from "../crypto/secret-box.ts";

export interface ResolvedCredential {
  readonly app: App;
  readonly secretKey: string;
}

interface CacheEntry {
  readonly value: ResolvedCredential | null;
  readonly until: number;
}

/**
 * Finds the app and the opened SecretKey for a SecretId. Entries are cached per process for a few seconds:
 * the hot path then costs no database read and no AES-GCM open, and a disabled key stops working within
 * `ttlMs` on every process (at once on this one, through `forget`).
 */
export class CredentialResolver {
  readonly #cache = new Map<string, CacheEntry>();
  readonly #store: Store;
  readonly #secrets: SecretBox;
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(
    store: Store,
    secrets: SecretBox,
    clock: Clock,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    this.#store = store;
    this.#secrets = secrets;
    this.#clock = clock;
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  async resolve(secretId: string): Promise<ResolvedCredential> {
    const now = this.#clock.now();
    const cached = this.#cache.get(secretId);
    const value = cached && cached.until > now ? cached.value : await this.#load(secretId, now);
    if (!value) {
      throw new EkycError("AUTH_SECRET_ID_NOT_FOUND");
    }
    if (value.app.disabled) throw new EkycError("APP_DISABLED");
    return value;
  }

  forget(secretId?: string): void {
    if (secretId === undefined) this.#cache.clear();
    else this.#cache.delete(secretId);
  }

  async #load(secretId: string, now: number): Promise<ResolvedCredential | null> {
    // Unknown ids are not cached: random probes must not grow the cache.
    if (secretId.length > 128) return null;
    const credential = await this.#store.getCredential(secretId);
    const app = credential && !credential.disabled ? await this.#store.getApp(credential.appId) : null;
    if (!credential || credential.disabled || !app) {
      this.#cache.delete(secretId);
      return null;
    }
    const value = { app, secretKey: this.#secrets.open(credential.secretKeyCiphertext) };
    if (this.#cache.size >= this.#maxEntries) this.#cache.clear();
    this.#cache.set(secretId, { value, until: now + this.#ttlMs });
    return value;
  }
}
