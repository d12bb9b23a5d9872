import { EkycError } from "@openekyc/core";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-app token bucket, per process: refills `ratePerSecond` tokens a second and holds at most one second's
 * worth, so a burst above the app's rate is refused with RequestLimitExceeded.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  take(key: string, ratePerSecond: number, nowMs: number): void {
    const capacity = Math.max(1, ratePerSecond);
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updatedAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * ratePerSecond);
    bucket.updatedAt = nowMs;
    if (bucket.tokens < 1) {
      this.#buckets.set(key, bucket);
      throw new EkycError(
        "REQUEST_LIMIT_EXCEEDED",
        `The number of requests exceeds the frequency limit of ${ratePerSecond} per second.`,
      );
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
  }
}
