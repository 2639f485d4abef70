/**
 * The cache of people's Graph tokens (packages/graph-client/src/credentials/person-tokens.ts):
 * one exchange per person and incoming token while the Graph token is good, never another
 * person's token, bounded, and keyed without the incoming token itself.
 */
import {
  OBO_RENEWAL_MARGIN_MS,
  type OnBehalfOfExchange,
  type PersonIdentity,
  PersonTokenCache,
} from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;

function fakeEntra(lifetimeMs = HOUR, now = () => clock.at) {
  const asked: string[] = [];
  const exchange: OnBehalfOfExchange = async (assertion) => {
    asked.push(assertion);
    return { token: `graph-for(${assertion})#${asked.length}`, expiresAt: now() + lifetimeMs };
  };
  return { asked, exchange };
}

const clock = { at: 1_000_000 };
const person = (personId: string, assertion: string): PersonIdentity => ({
  kind: 'person',
  personId,
  assertion,
});

describe('PersonTokenCache', () => {
  it('exchanges once for concurrent and later calls with the same token', async () => {
    const entra = fakeEntra();
    const cache = new PersonTokenCache(entra.exchange, 10, () => clock.at);
    const tokens = await Promise.all(
      Array.from({ length: 50 }, () => cache.tokenFor(person('p1', 'a1'))),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(await cache.tokenFor(person('p1', 'a1'))).toBe(tokens[0]);
    expect(entra.asked).toEqual(['a1']);
  });

  it("never serves one person's Graph token to another, even with the same assertion", async () => {
    const entra = fakeEntra();
    const cache = new PersonTokenCache(entra.exchange, 10, () => clock.at);
    const first = await cache.tokenFor(person('p1', 'shared'));
    const second = await cache.tokenFor(person('p2', 'shared'));
    expect(second).not.toBe(first);
    expect(await cache.tokenFor(person('p2', 'other'))).not.toBe(second);
    expect(entra.asked).toEqual(['shared', 'shared', 'other']);
  });

  it('exchanges again shortly before the Graph token expires', async () => {
    const entra = fakeEntra();
    const cache = new PersonTokenCache(entra.exchange, 10, () => clock.at);
    const start = clock.at;
    await cache.tokenFor(person('p1', 'a1'));
    clock.at = start + HOUR - OBO_RENEWAL_MARGIN_MS - 1;
    await cache.tokenFor(person('p1', 'a1'));
    expect(entra.asked).toHaveLength(1);
    clock.at = start + HOUR - OBO_RENEWAL_MARGIN_MS;
    await cache.tokenFor(person('p1', 'a1'));
    expect(entra.asked).toHaveLength(2);
  });

  it('keeps a short-lived token for half its life rather than not at all', async () => {
    const entra = fakeEntra(120_000);
    const cache = new PersonTokenCache(entra.exchange, 10, () => clock.at);
    const start = clock.at;
    await cache.tokenFor(person('p1', 'a1'));
    clock.at = start + 59_999;
    await cache.tokenFor(person('p1', 'a1'));
    expect(entra.asked).toHaveLength(1);
    clock.at = start + 60_000;
    await cache.tokenFor(person('p1', 'a1'));
    expect(entra.asked).toHaveLength(2);
  });

  it('is bounded: the least recently used entry goes first; 0 keeps none', async () => {
    const entra = fakeEntra();
    const cache = new PersonTokenCache(entra.exchange, 2, () => clock.at);
    await cache.tokenFor(person('p1', 'a1'));
    await cache.tokenFor(person('p2', 'a2'));
    await cache.tokenFor(person('p1', 'a1'));
    await cache.tokenFor(person('p3', 'a3'));
    expect(cache.size).toBe(2);
    await cache.tokenFor(person('p1', 'a1'));
    expect(entra.asked).toEqual(['a1', 'a2', 'a3']);
    await cache.tokenFor(person('p2', 'a2'));
    expect(entra.asked).toEqual(['a1', 'a2', 'a3', 'a2']);

    const none = new PersonTokenCache(entra.exchange, 0, () => clock.at);
    await none.tokenFor(person('p1', 'a1'));
    await none.tokenFor(person('p1', 'a1'));
    expect(none.exchanges).toBe(2);
  });

  it('does not cache a refusal, and holds no incoming token in its keys', async () => {
    let refuse = true;
    const cache = new PersonTokenCache(
      async (assertion) => {
        if (refuse) throw new Error('refused');
        return { token: `graph-for(${assertion})`, expiresAt: clock.at + HOUR };
      },
      10,
      () => clock.at,
    );
    await expect(cache.tokenFor(person('p1', 'secret-assertion'))).rejects.toThrow('refused');
    refuse = false;
    await cache.tokenFor(person('p1', 'secret-assertion'));
    expect(cache.exchanges).toBe(2);
    const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('secret-assertion');
  });
});
