/**
 * Maps `items` through `work` with at most `limit` calls in flight, results in input order. Engine calls
 * awaited one at a time leave all but one worker of a pool idle; a small limit keeps every worker busy
 * without queueing a whole video's frames (or interleaving them all on an in-process engine).
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** In-flight engine calls per video analysis: two per worker of a 2-worker pool. */
export const ENGINE_CALLS_IN_FLIGHT = 4;
