/**
 * Which failed calls are sent again, and when. One retry layer for all Graph traffic, with
 * explicit limits (the SDK's own RetryHandler is not in the chain).
 */
import {
  type GraphCall,
  type GraphReply,
  GraphTransportError,
  isWrite,
  neverSent,
} from '../call.js';
import { retryAfterMs as replyRetryAfterMs } from '../errors.js';

export interface RetryOptions {
  /** Attempts per call after failures (503/504, no answer), the first included. @default 4 */
  maxAttempts: number;
  /**
   * Attempts per call while Graph throttles it (429). Graph asks to be retried after
   * Retry-After, so these go on longer; the request's deadline still bounds them. @default 10
   */
  maxThrottledAttempts: number;
  /** First backoff when Graph gives no Retry-After; doubles per attempt, with full jitter. */
  backoffBaseMs: number;
  /** Ceiling of one backoff. */
  backoffMaxMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 4,
  maxThrottledAttempts: 10,
  backoffBaseMs: 200,
  backoffMaxMs: 5_000,
};

/**
 * Whether a failed call may be sent again. 429 proves Graph did not apply it, so even a write
 * is resent; a refused connection proves it never left. After 503/504, a timeout or a broken
 * connection a write may have been applied, so only reads are resent.
 */
export function isRetryable(outcome: GraphReply | GraphTransportError, call: GraphCall): boolean {
  if (outcome instanceof GraphTransportError) {
    // A call that missed its deadline in the queue has no time left to be retried in.
    if (outcome.kind === 'not-sent') return false;
    // This process sends nothing more; the client may send it again to another instance.
    if (outcome.kind === 'shutting-down') return false;
    // The same question gets the same oversized answer.
    if (outcome.kind === 'oversized') return false;
    // Entra said no moments ago; asking again within this request would only add load there.
    // The background token check (/ready) keeps asking.
    if (outcome.kind === 'no-token') return false;
    // The same path addresses the same foreign origin again: nothing was sent, nothing would be.
    if (outcome.kind === 'foreign-origin') return false;
    return neverSent(outcome) || !isWrite(call);
  }
  if (outcome.status === 429) return true;
  return (outcome.status === 503 || outcome.status === 504) && !isWrite(call);
}

/** How many attempts a call that ended this way may have in all. */
export function attemptLimit(
  outcome: GraphReply | GraphTransportError,
  options: RetryOptions,
): number {
  const throttled = !(outcome instanceof GraphTransportError) && outcome.status === 429;
  return throttled ? options.maxThrottledAttempts : options.maxAttempts;
}

/** Graph's `Retry-After` in ms when it sent one, else null. */
export function retryAfterMs(outcome: GraphReply | GraphTransportError): number | null {
  return outcome instanceof GraphTransportError ? null : replyRetryAfterMs(outcome);
}

/** Exponential backoff with full jitter for the `attempt`-th retry (1-based). */
export function backoffMs(attempt: number, options: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
