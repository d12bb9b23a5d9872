/** A merchant: owns credentials, rules and sessions. */
export interface App {
  readonly appId: string;
  readonly name: string;
  readonly disabled: boolean;
  /** Hosts RedirectURL may point at; empty = any https host. */
  readonly redirectHosts: readonly string[];
  /** Requests per second allowed for this app over all actions (token bucket refill rate). */
  readonly rateLimitPerSecond: number;
  readonly createdAt: number;
}

/** A SecretId/SecretKey pair. The key is stored encrypted (AES-256-GCM with the master key). */
export interface Credential {
  readonly secretId: string;
  readonly appId: string;
  /** `v1:<iv b64>:<tag b64>:<ciphertext b64>` — see server/src/crypto/secret-box.ts. */
  readonly secretKeyCiphertext: string;
  readonly disabled: boolean;
  readonly createdAt: number;
}
