/**
 * Charges each caller for the Microsoft Graph calls its requests send, from a token bucket per
 * caller (`RateLimitPolicy.graphCalls`), in the same store as the operation buckets: shared by
 * the replicas when REDIS_URL is set. The operation bucket (use-caller-rate-limits.ts) bounds how
 * often a caller asks; this bounds what its asking costs Graph, which one operation can multiply
 * by hundreds. Calls over the limit are not sent: each field that needed one answers
 * `RateLimitedError`, and the caller's other fields, and every other caller, go on as before.
 */

import type { GraphCallMeter } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import { type Caller, callerKey } from '../auth/caller.js';
import { RateLimitedError } from '../errors.js';
import type { TokenBucketStore } from './bucket-store.js';
import { takeOrLetThrough } from './lenient-take.js';
import type { RateLimitPolicy } from './policy.js';
import { retryAfterSeconds } from './refusal.js';

export interface GraphCallMeterOptions {
  policy: Pick<RateLimitPolicy, 'graphCalls'>;
  store: TokenBucketStore;
  logger: Logger;
}

/** A caller's meter, or none when its kind is not limited. */
export function graphCallMeters({
  policy,
  store,
  logger,
}: GraphCallMeterOptions): (caller: Caller) => GraphCallMeter | undefined {
  return (caller) => {
    const limit = policy.graphCalls?.[caller.kind];
    if (!limit) return undefined;
    // Apart from the caller's operation bucket, which is keyed by callerKey alone.
    const key = `graph-calls:${callerKey(caller)}`;
    return {
      async charge(calls) {
        // An exchange carries at most MIN_GRAPH_CALL_BURST calls, and the burst is at least
        // that; a store that cannot answer lets them through (lenient-take.ts).
        const cost = Math.min(calls, limit.burst);
        const verdict = await takeOrLetThrough(store, key, cost, limit, logger, 'the Graph calls');
        if (verdict.allowed) return null;
        return new RateLimitedError(
          retryAfterSeconds(verdict.retryAfterMs),
          limit.ratePerSecond,
          limit.burst,
        );
      },
    };
  };
}
