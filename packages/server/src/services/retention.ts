import type { BlobStore, Clock, Store } from "@openekyc/core";
import { sessionBlobPrefix } from "./sessions.ts";
import { resourceTtlSeconds, uploadBucketPrefix, uploadHourBucket } from "./uploads.ts";

/**
 * Retention: a session's results are readable for 3 days, then its media (reference photo, evidence,
 * documents) is deleted; uploads live 2 hours. Idempotent, so several processes may run it at once.
 */
export class RetentionService {
  readonly #store: Store;
  readonly #blobs: BlobStore;
  readonly #clock: Clock;
  /** Upload hour buckets below this one were purged by this process already. */
  #uploadsPurgedBelow: number | null = null;

  constructor(store: Store, blobs: BlobStore, clock: Clock) {
    this.#store = store;
    this.#blobs = blobs;
    this.#clock = clock;
  }

  /** Deletes the media of sessions past retention, in batches; returns how many sessions were purged. */
  async purgeExpiredSessions(batchSize = 100): Promise<number> {
    let purged = 0;
    for (;;) {
      const expired = await this.#store.listExpiredSessions(this.#clock.now(), batchSize);
      for (const session of expired) {
        // Blobs first: if the process dies in between, the next run finds the session again.
        await this.#blobs.deletePrefix(sessionBlobPrefix(session.id));
        await this.#store.markPurged(session.id);
        purged++;
      }
      if (expired.length < batchSize) return purged;
    }
  }

  /**
   * Deletes upload buckets whose every object is past the 2-hour resource lifetime. A fresh process looks
   * back `lookbackHours`; after that only the buckets that aged since the last run.
   */
  async purgeExpiredUploads(lookbackHours = 24 * 7): Promise<number> {
    // Bucket b's newest object was created just before (b+1) hours and expires resourceTtl later, so
    // every bucket below the one holding (now - resourceTtl) is entirely expired.
    const firstLive = uploadHourBucket(this.#clock.now() - resourceTtlSeconds * 1000);
    const from = this.#uploadsPurgedBelow ?? firstLive - lookbackHours;
    if (from >= firstLive) return 0;
    const apps = await this.#store.listApps();
    for (let bucket = from; bucket < firstLive; bucket++) {
      for (const app of apps) await this.#blobs.deletePrefix(uploadBucketPrefix(app.appId, bucket));
    }
    this.#uploadsPurgedBelow = firstLive;
    return firstLive - from;
  }

  /** Runs both purges now and then every `intervalMs`; the timer never keeps the process alive. */
  schedule(intervalMs: number, onError: (error: unknown) => void): () => void {
    const run = () => {
      this.purgeExpiredSessions()
        .then(() => this.purgeExpiredUploads())
        .catch(onError);
    };
    run();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
