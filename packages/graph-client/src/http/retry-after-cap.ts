/**
 * An upper bound on Graph's `Retry-After`. The answer opens a throttle window that holds back
 * every caller of the process and, with Redis, of every replica (src/shared-state/); one 429 with
 * a one-year `Retry-After`, from a fault or a proxy in the way, stopped all Graph calls for a
 * year while /ready stayed 200. A longer value is lowered to the cap as the answer arrives, so
 * the window, the retry wait and what clients are told to wait all see the capped value.
 */
import type { GraphReply, GraphTransportError } from '../call.js';
import { retryAfterMs } from './retry-policy.js';

/** @default 60 s: twice the request deadline (GRAPH_DEADLINE_MS); Graph's usual asks are seconds. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** The most GRAPH_MAX_RETRY_AFTER_SECONDS accepts. */
export const MAX_RETRY_AFTER_CAP_SECONDS = 3_600;

type Outcome = GraphReply | GraphTransportError;

/** `outcome` with its `Retry-After` lowered to `maxMs` when it asked for more; `askedMs` then says what it asked. */
export function capRetryAfter(
  outcome: Outcome,
  maxMs: number,
): { outcome: Outcome; askedMs: number | null } {
  const asked = retryAfterMs(outcome);
  if (asked === null || asked <= maxMs) return { outcome, askedMs: null };
  const reply = outcome as GraphReply;
  return {
    outcome: { ...reply, headers: { ...reply.headers, 'retry-after': String(maxMs / 1000) } },
    askedMs: asked,
  };
}
