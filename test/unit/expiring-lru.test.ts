/**
 * ExpiringLru (src/expiring-lru.ts): lru-cache held to the rules of the hand-written maps it
 * replaced, and the three maps built on it keeping their write order.
 */
import { describe, expect, it } from 'vitest';
import type { AppCaller } from '../../packages/gateway/src/auth/caller.js';
import { VerifiedTokens } from '../../packages/gateway/src/auth/verified-tokens.js';
import { OwnershipMemory } from '../../packages/gateway/src/domain/ownership-memory.js';
import { ExpiringLru } from '../../packages/gateway/src/expiring-lru.js';
import { LocalOnceSet } from '../../packages/gateway/src/shared-state/local/once-set.js';

describe('ExpiringLru', () => {
  it('evicts the oldest written, however recently it was read', () => {
    const map = new ExpiringLru<string>(2);
    map.set('a', 'A', 60_000, 1_000);
    map.set('b', 'B', 60_000, 1_000);
    expect(map.get('a', 1_000)).toBe('A');
    map.set('c', 'C', 60_000, 1_000);

    expect(map.get('a', 1_000)).toBeUndefined();
    expect(map.get('b', 1_000)).toBe('B');
    expect(map.get('c', 1_000)).toBe('C');
  });

  it('makes a key written again the newest', () => {
    const map = new ExpiringLru<string>(2);
    map.set('a', 'A', 60_000, 1_000);
    map.set('b', 'B', 60_000, 1_000);
    map.set('a', 'A2', 60_000, 1_000);
    map.set('c', 'C', 60_000, 1_000);

    expect(map.get('b', 1_000)).toBeUndefined();
    expect(map.get('a', 1_000)).toBe('A2');
  });

  it('expires an entry when its age reaches the ttl, at any time including 0 and 1', () => {
    for (const written of [0, 1, 1_000, 1_765_000_000_000]) {
      const map = new ExpiringLru<string>(10);
      map.set('a', 'A', 100, written);
      expect(map.get('a', written + 99)).toBe('A');
      expect(map.get('a', written + 100)).toBeUndefined();
    }
  });

  it('reads the time of each call, caching none between calls made at once', () => {
    const map = new ExpiringLru<string>(10);
    map.set('a', 'A', 100, 5_000);
    expect(map.get('a', 5_000)).toBe('A');
    expect(map.get('a', 5_100)).toBeUndefined();
  });

  it('drops an expired entry when it is looked up', () => {
    const map = new ExpiringLru<string>(10);
    map.set('a', 'A', 100, 1_000);
    map.set('b', 'B', 1_000, 1_000);
    expect(map.size).toBe(2);
    expect(map.get('a', 1_100)).toBeUndefined();
    expect(map.size).toBe(1);
  });

  it('keeps nothing with a bound of 0, and nothing written with a ttl of 0', () => {
    const none = new ExpiringLru<string>(0);
    none.set('a', 'A', 60_000, 1_000);
    expect(none.get('a', 1_000)).toBeUndefined();
    expect(none.size).toBe(0);

    const map = new ExpiringLru<string>(10);
    map.set('a', 'A', 60_000, 1_000);
    map.set('a', 'A2', 0, 1_000);
    expect(map.get('a', 1_000)).toBeUndefined();
    expect(map.size).toBe(0);
  });
});

describe('the maps on ExpiringLru keep the oldest written first', () => {
  // A release station's app: the memory keeps any verified caller alike.
  const station: AppCaller = {
    kind: 'app',
    tenantId: 't',
    appId: 'a',
    objectId: 'o',
    permissions: [],
  };

  it('OwnershipMemory: a job looked up is still the first forgotten', () => {
    const memory = new OwnershipMemory({ maxEntries: 2, ttlMs: 60_000 }, () => 1_000);
    memory.learnJob({ printerId: 'p1', id: '1', createdBy: { id: 'adele' } });
    memory.learnJob({ printerId: 'p1', id: '2', createdBy: { id: 'alex' } });
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '1' })).toBe('adele');
    memory.learnJob({ printerId: 'p1', id: '3', createdBy: { id: 'megan' } });

    expect(memory.ownerOf({ printerId: 'p1', printJobId: '1' })).toBeUndefined();
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '2' })).toBe('alex');
  });

  it('VerifiedTokens: a token answered from memory is still the first forgotten', () => {
    const tokens = new VerifiedTokens({ maxEntries: 2 });
    tokens.remember('a', station, 10_000, 0);
    tokens.remember('b', station, 10_000, 0);
    expect(tokens.get('a', 0)).toEqual(station);
    tokens.remember('c', station, 10_000, 0);

    expect(tokens.get('a', 0)).toBeUndefined();
    expect(tokens.get('b', 0)).toEqual(station);
  });

  it('LocalOnceSet: a key refused as a repeat is still the first forgotten', async () => {
    const set = new LocalOnceSet(2, () => 1_000);
    expect(await set.firstSighting('a', 60_000)).toBe(true);
    expect(await set.firstSighting('b', 60_000)).toBe(true);
    expect(await set.firstSighting('a', 60_000)).toBe(false);
    expect(await set.firstSighting('c', 60_000)).toBe(true);

    expect(await set.firstSighting('b', 60_000)).toBe(false);
    expect(await set.firstSighting('a', 60_000)).toBe(true);
  });
});
