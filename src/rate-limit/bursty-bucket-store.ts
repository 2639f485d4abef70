/**
 * EXPERIMENT (issue 21 item 5b), not wired in: BurstyRateLimiter, the mapping its docs suggest.
 * The rate from a limiter of `ratePerSecond` points a second, the rest of the burst from a second
 * limiter that refills it over (burst - rate) / rate seconds. A refused take spends its points,
 * as BurstyRateLimiter does.
 */
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BucketLimit, TakeResult, TokenBucketStore } from './bucket-store.js';

export class BurstyBucketStore implements TokenBucketStore {
  readonly #limiters = new Map<string, { bursty: BurstyRateLimiter; all: RateLimiterMemory[] }>();
  get size(): number {
    let keys = 0;
    for (const { all } of this.#limiters.values())
      for (const l of all) keys += l.dump().storage.length;
    return keys;
  }
  async take(key: string, cost: number, limit: BucketLimit): Promise<TakeResult> {
    const shape = `${limit.ratePerSecond}/${limit.burst}`;
    let entry = this.#limiters.get(shape);
    if (!entry) {
      const rate = new RateLimiterMemory({
        keyPrefix: 'r',
        points: limit.ratePerSecond,
        duration: 1,
      });
      const extra = limit.burst - limit.ratePerSecond;
      const burst = new RateLimiterMemory({
        keyPrefix: 'b',
        points: extra,
        duration: extra / limit.ratePerSecond,
      });
      entry = { bursty: new BurstyRateLimiter(rate, burst), all: [rate, burst] };
      this.#limiters.set(shape, entry);
    }
    try {
      const taken = await entry.bursty.consume(key, cost);
      return { allowed: true, remaining: taken.remainingPoints };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterMs: refusal.msBeforeNext };
    }
  }
}
