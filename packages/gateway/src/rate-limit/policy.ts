/**
 * Who gets how much: a token bucket per caller kind, and a cap on requests in progress per
 * caller. A release station app or a service key legitimately sends more than a person does.
 * Anonymous callers are one identity shared by everyone the gateway cannot tell apart (behind
 * a router, the client IP is the router's), so limiting them would limit the whole gateway:
 * off unless asked for.
 */

import { MAX_BATCH_SIZE } from '@universal-print-gateway/graph-client';
import type { Caller } from '../auth/caller.js';
import { MAX_OPERATIONS_PER_REQUEST } from '../edge/limits.js';
import type { BucketLimit } from './bucket-store.js';

export type CallerKind = Caller['kind'];

export interface RateLimitPolicy {
  /** Operations per second and burst, per caller kind; null: not limited. */
  readonly rates: Readonly<Record<CallerKind, BucketLimit | null>>;
  /**
   * Microsoft Graph calls per second and burst, per caller kind, charged as the calls are sent
   * (src/rate-limit/graph-call-meter.ts); null: not limited; omitted: none is. One operation may
   * cause hundreds of calls, so the operation rate alone does not bound what a caller costs Graph.
   */
  readonly graphCalls?: Readonly<Record<CallerKind, BucketLimit | null>>;
  /** Requests in progress at once per caller (persons, apps, service keys; never anonymous); null: no cap. */
  readonly maxInProgressPerCaller: number | null;
}

/** Graph calls per second and burst by caller kind (`GATEWAY_GRAPH_CALL_LIMIT_*`). */
export const DEFAULT_GRAPH_CALL_LIMITS: Readonly<Record<CallerKind, BucketLimit | null>> = {
  // A person's release screen and release cost a few calls each; 20 a second is several
  // screens a second, and a burst of 200 covers a bulk release of a long list.
  person: { ratePerSecond: 20, burst: 200 },
  // A station releases for everyone at it; the burst covers a full request's budget.
  app: { ratePerSecond: 100, burst: 500 },
  'service-key': { ratePerSecond: 100, burst: 500 },
  anonymous: null,
};

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  rates: {
    person: { ratePerSecond: 5, burst: 30 },
    app: { ratePerSecond: 20, burst: 100 },
    'service-key': { ratePerSecond: 20, burst: 100 },
    anonymous: null,
  },
  graphCalls: DEFAULT_GRAPH_CALL_LIMITS,
  maxInProgressPerCaller: 16,
};

/** A whole batched request must fit in a full bucket, or it could never be served. */
export const MIN_BURST = MAX_OPERATIONS_PER_REQUEST;
/** A `$batch` envelope's calls are charged at once, so a full one must fit. */
export const MIN_GRAPH_CALL_BURST = MAX_BATCH_SIZE;
export const MAX_BURST = 100_000;
export const MAX_RATE_PER_SECOND = 100_000;
export const MAX_IN_PROGRESS_PER_CALLER = 10_000;

const OFF = /^(off|0)$/i;

/** What must fit in a full bucket, and why, for the message that refuses a smaller burst. */
interface BurstFloor {
  min: number;
  why: string;
}

const OPERATIONS_FLOOR: BurstFloor = {
  min: MIN_BURST,
  why: `a batched request of ${MAX_OPERATIONS_PER_REQUEST} operations must fit`,
};

const GRAPH_CALLS_FLOOR: BurstFloor = {
  min: MIN_GRAPH_CALL_BURST,
  why: `a $batch envelope of ${MAX_BATCH_SIZE} Graph calls must fit`,
};

/**
 * `rate/burst` (`20/100`: 20 operations a second, 100 at once; the rate may have decimals,
 * `0.5/10`), or `off` / `0`. Throws with a message for the variable's name to prefix.
 */
export function parseBucketLimit(raw: string): BucketLimit | null {
  return parseLimit(raw, OPERATIONS_FLOOR);
}

/** The same for Graph calls: `20/200` is 20 Graph calls a second, 200 at once. */
export function parseGraphCallLimit(raw: string): BucketLimit | null {
  return parseLimit(raw, GRAPH_CALLS_FLOOR);
}

function parseLimit(raw: string, floor: BurstFloor): BucketLimit | null {
  const value = raw.trim();
  if (OFF.test(value)) return null;
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(value);
  if (!match) throw new Error(`"${raw}" is not rate/burst (e.g. 20/100) or off`);
  const ratePerSecond = Number(match[1]);
  const burst = Number(match[2]);
  if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
    throw new Error(`the rate must be above 0 and at most ${MAX_RATE_PER_SECOND} per second`);
  }
  if (burst < floor.min || burst > MAX_BURST) {
    throw new Error(`the burst must be ${floor.min}–${MAX_BURST}: ${floor.why}`);
  }
  return { ratePerSecond, burst };
}

/** A positive whole number, or `off` / `0`. */
export function parseMaxInProgress(raw: string): number | null {
  const value = raw.trim();
  if (OFF.test(value)) return null;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= MAX_IN_PROGRESS_PER_CALLER)) {
    throw new Error(`"${raw}" is not a whole number 1–${MAX_IN_PROGRESS_PER_CALLER} or off`);
  }
  return n;
}
