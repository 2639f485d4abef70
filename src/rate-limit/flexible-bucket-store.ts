/**
 * EXPERIMENT (issue 21 item 5b), not wired in: the TokenBucketStore on `rate-limiter-flexible`,
 * to measure whether it could replace the hand-written buckets. Its limiters count points in a
 * fixed window of `duration` seconds; they are not a continuous token bucket. The mapping with
 * the fewest differences: a window of `burst` points lasting `burst / ratePerSecond` seconds,
 * which keeps both the burst and the long-run rate. A refused `consume` has already counted its
 * points, so they are given back (`reward`), as a refused take spends nothing here.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BucketLimit, TakeResult, TokenBucketStore } from './bucket-store.js';

export class FlexibleBucketStore implements TokenBucketStore {
  /** One limiter per bucket shape: a limiter's points and duration are fixed when it is built. */
  readonly #limiters = new Map<string, RateLimiterMemory>();

  /** Keys held now, over every shape; for the experiment's memory check. */
  get size(): number {
    let keys = 0;
    for (const limiter of this.#limiters.values()) keys += limiter.dump().storage.length;
    return keys;
  }

  async take(key: string, cost: number, limit: BucketLimit): Promise<TakeResult> {
    if (!(cost > 0 && cost <= limit.burst)) {
      throw new RangeError(`A take of ${cost} tokens from a bucket of ${limit.burst}`);
    }
    const limiter = this.#limiterFor(limit);
    try {
      const taken = await limiter.consume(key, cost);
      return { allowed: true, remaining: taken.remainingPoints };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await limiter.reward(key, cost);
      return { allowed: false, retryAfterMs: refusal.msBeforeNext };
    }
  }

  #limiterFor(limit: BucketLimit): RateLimiterMemory {
    const shape = `${limit.ratePerSecond}/${limit.burst}`;
    let limiter = this.#limiters.get(shape);
    if (!limiter) {
      limiter = new RateLimiterMemory({
        keyPrefix: '',
        points: limit.burst,
        duration: limit.burst / limit.ratePerSecond,
      });
      this.#limiters.set(shape, limiter);
    }
    return limiter;
  }
}
