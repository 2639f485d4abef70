/**
 * The answer to a caller over its limit: HTTP 429 with `Retry-After` in whole seconds (rounded
 * up, at least 1), and the same in `extensions.retryAfterSeconds`, in the shape of the other
 * edge refusals (src/edge/limit-error.ts). docs/errors.md lists the codes.
 */
import { GraphQLError } from 'graphql';

export const RATE_LIMIT_CODES = {
  /** The caller's token bucket is empty. */
  rate: 'RATE_LIMITED',
  /** The caller already has GATEWAY_MAX_IN_PROGRESS_PER_CALLER requests in progress. */
  inProgress: 'TOO_MANY_REQUESTS_IN_PROGRESS',
} as const;

export type RateLimitCode = (typeof RATE_LIMIT_CODES)[keyof typeof RATE_LIMIT_CODES];

/** What a caller refused for requests in progress is told to wait: one of them may be done. */
export const IN_PROGRESS_RETRY_AFTER_MS = 1_000;

/** A wait in milliseconds as `Retry-After` gives it: whole seconds, rounded up, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

export function rateLimitRefusal(
  code: RateLimitCode,
  message: string,
  retryAfterMs: number,
): GraphQLError {
  const seconds = retryAfterSeconds(retryAfterMs);
  return new GraphQLError(message, {
    extensions: {
      code,
      retryAfterSeconds: seconds,
      http: { status: 429, spec: false, headers: { 'retry-after': String(seconds) } },
    },
  });
}
