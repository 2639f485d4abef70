/**
 * Where token buckets live. In process now (in-memory-bucket-store.ts); a store shared by the
 * replicas (Redis) implements the same interface, which is why `take` is asynchronous.
 */

/** A token bucket's shape: it holds at most `burst` tokens and gains `ratePerSecond` a second. */
export interface BucketLimit {
  ratePerSecond: number;
  burst: number;
}

export type TakeResult =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterMs: number };

export interface TokenBucketStore {
  /** Takes `cost` tokens from `key`'s bucket (capacity `burst`, refilling `ratePerSecond`).
   *  Resolves allowed, or refused with how long until `cost` tokens will be there. */
  take(
    key: string,
    cost: number,
    limit: { ratePerSecond: number; burst: number },
  ): Promise<{ allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }>;
}
