/**
 * The yoga plugin that holds each caller to its limits, after caller authentication and before
 * any GraphQL document is parsed, so a refused request never reaches Graph:
 * - at most `maxInProgressPerCaller` requests in progress per caller, checked before the body is
 *   read;
 * - a token bucket per caller, one token per GraphQL operation (a batched request of 10 costs
 *   10: otherwise batching would multiply the limit by 10), checked once the body is read.
 * Requests that run no GraphQL (`/health`, `/ready`, `/metrics`, GraphiQL's page) are not counted.
 */
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type Caller, callerKey } from '../auth/caller.js';
import type { TokenBucketStore } from './bucket-store.js';
import { InProgressCounter } from './in-progress.js';
import { takeOrLetThrough } from './lenient-take.js';
import type { RateLimitPolicy } from './policy.js';
import { IN_PROGRESS_RETRY_AFTER_MS, RATE_LIMIT_CODES, rateLimitRefusal } from './refusal.js';

export interface CallerRateLimitOptions {
  policy: RateLimitPolicy;
  store: TokenBucketStore;
  /** The caller authentication established for the request (src/auth/authenticate.ts). */
  callerOf(request: Request): Caller;
  logger: Logger;
  /** @default a new counter; tests pass one to look inside. */
  inProgress?: InProgressCounter;
}

/**
 * Takes `operations` tokens from the caller's bucket, or throws the refusal the request is
 * answered with: the plugin's charge, and each operation sent over WebSocket
 * (src/server/websocket-subscriptions.ts).
 */
export async function chargeOperations(
  { policy, store, logger }: Pick<CallerRateLimitOptions, 'policy' | 'store' | 'logger'>,
  caller: Caller,
  operations: number,
): Promise<void> {
  const limit = policy.rates[caller.kind];
  if (!limit) return;
  // The batch limit ran first and the configuration keeps burst >= that limit.
  const cost = Math.min(operations, limit.burst);
  const verdict = await takeOrLetThrough(
    store,
    callerKey(caller),
    cost,
    limit,
    logger,
    'the request',
  );
  if (!verdict.allowed) {
    throw rateLimitRefusal(
      RATE_LIMIT_CODES.rate,
      `Rate limit exceeded: ${limit.ratePerSecond} operations per second, ${limit.burst} at once; retry after the time given.`,
      verdict.retryAfterMs,
    );
  }
}

export function useCallerRateLimits({
  policy,
  store,
  callerOf,
  logger,
  inProgress = new InProgressCounter(),
}: CallerRateLimitOptions): Plugin {
  const releases = new WeakMap<Request, () => void>();
  return {
    onRequest({ requestHandler, setRequestHandler }) {
      // The slot is given back however the request ends, a thrown error included.
      setRequestHandler(async (request, serverContext) => {
        try {
          return await requestHandler(request, serverContext);
        } finally {
          releases.get(request)?.();
        }
      });
    },
    onRequestParse({ request }) {
      const caller = callerOf(request);
      const key = callerKey(caller);
      const max = policy.maxInProgressPerCaller;
      if (max !== null && caller.kind !== 'anonymous') {
        const release = inProgress.tryEnter(key, max);
        if (!release) {
          throw rateLimitRefusal(
            RATE_LIMIT_CODES.inProgress,
            `This caller already has ${max} requests in progress; wait for one to finish.`,
            IN_PROGRESS_RETRY_AFTER_MS,
          );
        }
        releases.set(request, release);
      }
      if (!policy.rates[caller.kind]) return;
      return {
        async onRequestParseDone({ requestParserResult }) {
          const operations = Array.isArray(requestParserResult)
            ? Math.max(1, requestParserResult.length)
            : 1;
          await chargeOperations({ policy, store, logger }, caller, operations);
        },
      };
    },
  };
}
