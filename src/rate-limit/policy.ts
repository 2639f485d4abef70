/**
 * Who gets how much: a token bucket per caller kind, and a cap on requests in progress per
 * caller. A release station app or a service key legitimately sends more than a person does.
 * Anonymous callers are one identity shared by everyone the gateway cannot tell apart (behind
 * a router, the client IP is the router's), so limiting them would limit the whole gateway:
 * off unless asked for.
 */
import type { Caller } from '../auth/caller.js';
import { MAX_OPERATIONS_PER_REQUEST } from '../edge/limits.js';
import type { BucketLimit } from './bucket-store.js';

export type CallerKind = Caller['kind'];

export interface RateLimitPolicy {
  /** Operations per second and burst, per caller kind; null: not limited. */
  readonly rates: Readonly<Record<CallerKind, BucketLimit | null>>;
  /** Requests in progress at once per caller (persons, apps, service keys; never anonymous); null: no cap. */
  readonly maxInProgressPerCaller: number | null;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  rates: {
    person: { ratePerSecond: 5, burst: 30 },
    app: { ratePerSecond: 20, burst: 100 },
    'service-key': { ratePerSecond: 20, burst: 100 },
    anonymous: null,
  },
  maxInProgressPerCaller: 16,
};

/** A whole batched request must fit in a full bucket, or it could never be served. */
export const MIN_BURST = MAX_OPERATIONS_PER_REQUEST;
export const MAX_BURST = 100_000;
export const MAX_RATE_PER_SECOND = 100_000;
export const MAX_IN_PROGRESS_PER_CALLER = 10_000;

const OFF = /^(off|0)$/i;

/**
 * `rate/burst` (`20/100`: 20 operations a second, 100 at once; the rate may have decimals,
 * `0.5/10`), or `off` / `0`. Throws with a message for the variable's name to prefix.
 */
export function parseBucketLimit(raw: string): BucketLimit | null {
  const value = raw.trim();
  if (OFF.test(value)) return null;
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(value);
  if (!match) throw new Error(`"${raw}" is not rate/burst (e.g. 20/100) or off`);
  const ratePerSecond = Number(match[1]);
  const burst = Number(match[2]);
  if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
    throw new Error(`the rate must be above 0 and at most ${MAX_RATE_PER_SECOND} per second`);
  }
  if (burst < MIN_BURST || burst > MAX_BURST) {
    throw new Error(
      `the burst must be ${MIN_BURST}–${MAX_BURST}: a batched request of ${MAX_OPERATIONS_PER_REQUEST} operations must fit`,
    );
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
