/**
 * The token bucket's arithmetic and the in-memory store's memory bound, on an injected clock.
 */
import { describe, expect, it } from 'vitest';
import { InMemoryBucketStore } from '../../packages/gateway/src/rate-limit/in-memory-bucket-store.js';
import { InProgressCounter } from '../../packages/gateway/src/rate-limit/in-progress.js';
import { takeTokens, tokensAt } from '../../packages/gateway/src/rate-limit/token-bucket.js';

const LIMIT = { ratePerSecond: 2, burst: 10 };

function clock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('token bucket arithmetic', () => {
  it('starts full, and refills at the rate up to the burst', () => {
    expect(tokensAt(undefined, LIMIT, 0)).toBe(10);
    expect(tokensAt({ tokens: 0, at: 0 }, LIMIT, 1_500)).toBe(3);
    expect(tokensAt({ tokens: 4, at: 0 }, LIMIT, 60_000)).toBe(10);
  });

  it('refills nothing when the clock goes backwards', () => {
    expect(tokensAt({ tokens: 4, at: 5_000 }, LIMIT, 1_000)).toBe(4);
  });

  it('answers how long until the missing tokens are there, and spends nothing when refusing', () => {
    const { state, result } = takeTokens({ tokens: 1.5, at: 0 }, 4, LIMIT, 0);
    // 2.5 tokens missing at 2 a second: 1250 ms.
    expect(result).toEqual({ allowed: false, retryAfterMs: 1_250 });
    expect(state.tokens).toBe(1.5);
  });

  it('refuses a cost the bucket could never hold', () => {
    expect(() => takeTokens(undefined, 11, LIMIT, 0)).toThrow(RangeError);
    expect(() => takeTokens(undefined, 0, LIMIT, 0)).toThrow(RangeError);
  });
});

describe('InMemoryBucketStore', () => {
  it('allows the burst at once, then refuses with the time to the next token', async () => {
    const time = clock();
    const store = new InMemoryBucketStore({ now: time.now });
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await store.take('k', 1, LIMIT));
    expect(results.slice(0, 10).map((r) => r.allowed)).toEqual(Array(10).fill(true));
    expect(results[9]).toEqual({ allowed: true, remaining: 0 });
    expect(results[10]).toEqual({ allowed: false, retryAfterMs: 500 });

    time.advance(499);
    expect((await store.take('k', 1, LIMIT)).allowed).toBe(false);
    time.advance(1);
    expect(await store.take('k', 1, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('keeps one bucket per key', async () => {
    const store = new InMemoryBucketStore({ now: clock().now });
    expect(await store.take('a', 10, LIMIT)).toEqual({ allowed: true, remaining: 0 });
    expect((await store.take('a', 1, LIMIT)).allowed).toBe(false);
    expect(await store.take('b', 1, LIMIT)).toEqual({ allowed: true, remaining: 9 });
  });

  it('a caller who waits Retry-After for a batch gets it', async () => {
    const time = clock();
    const store = new InMemoryBucketStore({ now: time.now });
    await store.take('k', 8, LIMIT);
    const refused = await store.take('k', 10, LIMIT);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 4_000 });
    time.advance(4_000);
    expect(await store.take('k', 10, LIMIT)).toEqual({ allowed: true, remaining: 0 });
  });

  it('forgets buckets once they are full again', async () => {
    const time = clock();
    const store = new InMemoryBucketStore({ now: time.now });
    for (let i = 0; i < 100; i++) await store.take(`caller-${i}`, 10, LIMIT);
    expect(store.size).toBe(100);
    // Empty buckets are full again after burst / rate = 5 s.
    time.advance(5_000);
    await store.take('newcomer', 1, LIMIT);
    expect(store.size).toBe(1);
  });

  it('holds at most maxKeys buckets, dropping the least recently used', async () => {
    const time = clock();
    const store = new InMemoryBucketStore({ now: time.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) await store.take(key, 10, LIMIT);
    await store.take('a', 1, LIMIT); // refused, but used: b is now the oldest
    await store.take('d', 10, LIMIT);
    expect(store.size).toBe(3);
    // b was dropped and starts full; a and c are still empty.
    expect((await store.take('b', 10, LIMIT)).allowed).toBe(true);
    expect((await store.take('a', 1, LIMIT)).allowed).toBe(false);
  });

  it('stays bounded under a stream of new identities', async () => {
    const time = clock();
    const store = new InMemoryBucketStore({ now: time.now, maxKeys: 1_000 });
    for (let i = 0; i < 20_000; i++) {
      await store.take(`attacker-${i}`, 10, LIMIT);
      time.advance(1);
    }
    expect(store.size).toBeLessThanOrEqual(1_000);
  });
});

describe('InProgressCounter', () => {
  it('lets up to max in, frees a slot on release, once, and forgets idle callers', () => {
    const counter = new InProgressCounter();
    const first = counter.tryEnter('k', 2);
    const second = counter.tryEnter('k', 2);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(counter.tryEnter('k', 2)).toBeNull();
    expect(counter.tryEnter('other', 2)).not.toBeNull();

    first?.();
    first?.();
    expect(counter.inProgress('k')).toBe(1);
    expect(counter.tryEnter('k', 2)).not.toBeNull();
    expect(counter.tryEnter('k', 2)).toBeNull();
  });

  it('holds no entry for a caller with nothing in progress', () => {
    const counter = new InProgressCounter();
    const release = counter.tryEnter('k', 1);
    release?.();
    expect(counter.callers).toBe(0);
  });
});
