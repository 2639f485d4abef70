/**
 * EXPERIMENT (issue 21 item 5b): the token bucket's contract from rate-limit-bucket.test.ts,
 * run against the hand-written store and a BurstyRateLimiter one on the same fake clock
 * (rate-limiter-flexible reads Date.now and sets a timer per key, so the clock is vitest's).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenBucketStore } from '../../src/rate-limit/bucket-store.js';
import { BurstyBucketStore } from '../../src/rate-limit/bursty-bucket-store.js';
import { InMemoryBucketStore } from '../../src/rate-limit/in-memory-bucket-store.js';

const LIMIT = { ratePerSecond: 2, burst: 10 };

type SizedStore = TokenBucketStore & { readonly size: number };

const STORES: Array<[string, () => SizedStore]> = [
  ['InMemoryBucketStore', () => new InMemoryBucketStore({ now: () => Date.now(), maxKeys: 1_000 })],
  ['BurstyBucketStore', () => new BurstyBucketStore()],
];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(STORES)('%s', (_name, create) => {
  it('allows the burst at once, then refuses with the time to the next token', async () => {
    const store = create();
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await store.take('k', 1, LIMIT));
    expect(results.slice(0, 10).map((r) => r.allowed)).toEqual(Array(10).fill(true));
    expect(results[9]).toEqual({ allowed: true, remaining: 0 });
    expect(results[10]).toEqual({ allowed: false, retryAfterMs: 500 });
    vi.advanceTimersByTime(499);
    expect((await store.take('k', 1, LIMIT)).allowed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await store.take('k', 1, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('keeps one bucket per key', async () => {
    const store = create();
    expect(await store.take('a', 10, LIMIT)).toEqual({ allowed: true, remaining: 0 });
    expect((await store.take('a', 1, LIMIT)).allowed).toBe(false);
    expect(await store.take('b', 1, LIMIT)).toEqual({ allowed: true, remaining: 9 });
  });

  it('a caller who waits Retry-After for a batch gets it', async () => {
    const store = create();
    await store.take('k', 8, LIMIT);
    const refused = await store.take('k', 10, LIMIT);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 4_000 });
    vi.advanceTimersByTime(4_000);
    expect(await store.take('k', 10, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('spends nothing on a refused take', async () => {
    const store = create();
    await store.take('k', 8, LIMIT);
    expect((await store.take('k', 10, LIMIT)).allowed).toBe(false);
    expect(await store.take('k', 2, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refills continuously: one second after emptying, two tokens are there', async () => {
    const store = create();
    await store.take('k', 10, LIMIT);
    vi.advanceTimersByTime(1_000);
    expect(await store.take('k', 2, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('lets at most the burst and what refilled through around a window edge', async () => {
    const store = create();
    let allowed = 0;
    const burstOf = async (n: number) => {
      for (let i = 0; i < n; i++) if ((await store.take('edge', 1, LIMIT)).allowed) allowed++;
    };
    await burstOf(1);
    vi.advanceTimersByTime(4_999);
    await burstOf(20);
    vi.advanceTimersByTime(2);
    await burstOf(20);
    // Over 5,001 ms: the first token, a full bucket at 4,999 ms, then nothing (2 ms refill 0.004).
    expect(allowed).toBe(11);
  });

  it('stays bounded under a stream of new identities', async () => {
    const store = create();
    for (let i = 0; i < 3_000; i++) {
      await store.take(`attacker-${i}`, 10, LIMIT);
      vi.advanceTimersByTime(1);
    }
    expect(store.size).toBeLessThanOrEqual(1_000);
  });
});
