/**
 * The arithmetic of one token bucket, without storage or clock: a store keeps the state and
 * says what time it is. A refused take spends nothing, so a caller who waits the answered time
 * is served.
 */
import type { BucketLimit, TakeResult } from './bucket-store.js';

export interface BucketState {
  /** Tokens at `at`; fractional, as refilling is continuous. */
  tokens: number;
  /** Milliseconds on the store's clock. */
  at: number;
}

/** The tokens a bucket holds at `now`; a new bucket (no state) is full. */
export function tokensAt(state: BucketState | undefined, limit: BucketLimit, now: number): number {
  if (!state) return limit.burst;
  // A clock that went backwards refills nothing rather than taking tokens away.
  const elapsedMs = Math.max(0, now - state.at);
  return Math.min(limit.burst, state.tokens + (elapsedMs * limit.ratePerSecond) / 1000);
}

/** When a bucket holding `tokens` at `now` is full again: from then on it can be forgotten. */
export function fullAt(tokens: number, limit: BucketLimit, now: number): number {
  return now + ((limit.burst - tokens) * 1000) / limit.ratePerSecond;
}

export function takeTokens(
  state: BucketState | undefined,
  cost: number,
  limit: BucketLimit,
  now: number,
): { state: BucketState; result: TakeResult } {
  if (!(cost > 0 && cost <= limit.burst)) {
    // Never satisfiable (or meaningless): the configuration keeps burst >= the largest cost.
    throw new RangeError(`A take of ${cost} tokens from a bucket of ${limit.burst}`);
  }
  const tokens = tokensAt(state, limit, now);
  if (tokens >= cost) {
    const left = tokens - cost;
    return {
      state: { tokens: left, at: now },
      result: { allowed: true, remaining: Math.floor(left) },
    };
  }
  const retryAfterMs = Math.ceil(((cost - tokens) * 1000) / limit.ratePerSecond);
  return { state: { tokens, at: now }, result: { allowed: false, retryAfterMs } };
}
