import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encrypts SecretKeys at rest. They must be recoverable (HMAC verification needs the key itself),
 * so they are sealed with AES-256-GCM under the master key rather than hashed.
 */
export class SecretBox {
  readonly #key: Buffer;
  constructor(masterKeyHex: string) {
    const key = Buffer.from(masterKeyHex, "hex");
    if (key.length !== 32) throw new Error("master key must be 32 bytes (64 hex characters)");
    this.#key = key;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [
      "v1",
      iv.toString("base64"),
      cipher.getAuthTag().toString("base64"),
      body.toString("base64"),
    ].join(":");
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(":");
    if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unrecognised sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.#key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  }

  /** A key for one purpose (e.g. signing upload URLs), derived from the master key so every process shares it. */
  deriveKey(purpose: string): Buffer {
    return createHmac("sha256", this.#key).update(`openekyc:${purpose}`, "utf8").digest();
  }
}
