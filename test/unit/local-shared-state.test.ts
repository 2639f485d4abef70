import { describe, expect, it } from 'vitest';
import { LocalLeadership } from '../../packages/gateway/src/shared-state/local/leadership.js';
import { LocalOnceSet } from '../../packages/gateway/src/shared-state/local/once-set.js';

describe('LocalOnceSet', () => {
  it('refuses a repeat within its TTL and accepts it again after', async () => {
    let now = 1_000;
    const set = new LocalOnceSet(10, () => now);
    expect(await set.firstSighting('a', 100)).toBe(true);
    expect(await set.firstSighting('a', 100)).toBe(false);
    now += 99;
    expect(await set.firstSighting('a', 100)).toBe(false);
    now += 1;
    expect(await set.firstSighting('a', 100)).toBe(true);
  });

  it('holds at most maxKeys keys, forgetting the oldest first', async () => {
    const set = new LocalOnceSet(3, () => 0);
    for (const key of ['a', 'b', 'c', 'd']) expect(await set.firstSighting(key, 1_000)).toBe(true);
    expect(set.size).toBe(3);
    expect(await set.firstSighting('d', 1_000)).toBe(false);
    expect(await set.firstSighting('a', 1_000)).toBe(true);
  });
});

describe('LocalLeadership', () => {
  it('is always the leader: one process is the only replica', async () => {
    const leadership = new LocalLeadership();
    expect(await leadership.holdOrAcquire('graph-subscriptions', 1_000)).toBe(true);
    await leadership.release('graph-subscriptions');
    expect(await leadership.holdOrAcquire('graph-subscriptions', 1_000)).toBe(true);
  });
});
