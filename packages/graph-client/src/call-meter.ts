/**
 * What a request's caller pays for the Graph calls it causes. The request's budget
 * (call-budget.ts) bounds one request; a meter bounds a caller over time, across its requests
 * and replicas, so that a caller within its operation rate cannot still spend the tenant's Graph
 * quota for everyone (src/rate-limit/graph-call-meter.ts charges it to a token bucket).
 *
 * Calls are charged as they go out, one exchange's worth at a time (at most MAX_BATCH_SIZE), so
 * a charge never splits a `$batch` envelope and costs one round trip to a shared store, not one
 * per call. Only first attempts are charged: a retry is Graph's doing, not the caller's, and
 * reads answered from the request's cache are never sent.
 */
import type { RateLimitedError } from './typed-errors.js';

export interface GraphCallMeter {
  /** Null when `calls` calls may go out now; else the error that refuses them all, unsent. */
  charge(calls: number): Promise<RateLimitedError | null>;
}
