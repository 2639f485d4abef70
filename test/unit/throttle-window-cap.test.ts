/**
 * The throttle window never outlasts GRAPH_MAX_RETRY_AFTER_SECONDS, whoever opened it: Graph's
 * answer on this replica (and what it then shares with the others through Redis), or a window
 * another replica shared, or one left in Redis by an older release.
 */
import { describe, expect, it } from 'vitest';
import { type GraphReply, GraphTransportError } from '../../packages/graph-client/src/call.js';
import { capRetryAfter } from '../../packages/graph-client/src/http/retry-after-cap.js';
import { retryAfterMs } from '../../packages/graph-client/src/http/retry-policy.js';
import { ThrottleGate } from '../../packages/graph-client/src/http/throttle.js';

const YEAR_SECONDS = 365 * 24 * 3_600;
const CAP_MS = 60_000;

describe('ThrottleGate with a cap', () => {
  it('opens a window of at most the cap, and shares the capped window', () => {
    const gate = new ThrottleGate(true, CAP_MS);
    const shared: number[] = [];
    gate.onClose((ms) => shared.push(ms));
    gate.close(YEAR_SECONDS);
    expect(gate.remainingMs()).toBeGreaterThan(0);
    expect(gate.remainingMs()).toBeLessThanOrEqual(CAP_MS);
    expect(shared).toEqual([CAP_MS]);
  });

  it('caps a window a peer shares, and keeps one within the cap as it is', () => {
    const gate = new ThrottleGate(true, CAP_MS);
    gate.closeFromPeer(YEAR_SECONDS * 1000);
    expect(gate.remainingMs()).toBeLessThanOrEqual(CAP_MS);
    const short = new ThrottleGate(true, CAP_MS);
    short.close(2);
    expect(short.remainingMs()).toBeGreaterThan(1_000);
    expect(short.remainingMs()).toBeLessThanOrEqual(2_000);
  });
});

describe('capRetryAfter', () => {
  const throttled = (retryAfter: string): GraphReply => ({
    status: 429,
    headers: { 'retry-after': retryAfter },
    body: null,
  });

  it('lowers a Retry-After over the cap, in seconds or as an HTTP date, and says what was asked', () => {
    const inSeconds = capRetryAfter(throttled(String(YEAR_SECONDS)), CAP_MS);
    expect(retryAfterMs(inSeconds.outcome)).toBe(CAP_MS);
    expect(inSeconds.askedMs).toBe(YEAR_SECONDS * 1000);
    const asDate = capRetryAfter(throttled('Fri, 31 Dec 9999 23:59:59 GMT'), CAP_MS);
    expect(retryAfterMs(asDate.outcome)).toBe(CAP_MS);
    expect(asDate.askedMs).toBeGreaterThan(CAP_MS);
  });

  it('leaves a Retry-After within the cap, and an answer without one, as they are', () => {
    const within = throttled('10');
    expect(capRetryAfter(within, CAP_MS)).toEqual({ outcome: within, askedMs: null });
    const failure = new GraphTransportError('timeout', 'no answer');
    expect(capRetryAfter(failure, CAP_MS)).toEqual({ outcome: failure, askedMs: null });
  });
});
