/**
 * The memory of verified tokens (src/auth/verified-tokens.ts): never past a token's validity,
 * never longer than its maximum age, bounded in size.
 */
import { describe, expect, it } from 'vitest';
import type { PersonCaller } from '../../packages/gateway/src/auth/caller.js';
import { VerifiedTokens } from '../../packages/gateway/src/auth/verified-tokens.js';

const adele: PersonCaller = {
  kind: 'person',
  tenantId: 't',
  objectId: 'o',
  clientAppId: 'c',
  permissions: ['Print.Release'],
};

describe('verified tokens', () => {
  it('answers until the token stops being valid, then forgets it', () => {
    const tokens = new VerifiedTokens({ maxAgeMs: 60_000 });
    tokens.remember('a', adele, 10_000, 0);
    expect(tokens.get('a', 9_999)).toEqual(adele);
    expect(tokens.get('a', 10_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('answers no longer than its maximum age, however long the token is valid', () => {
    const tokens = new VerifiedTokens({ maxAgeMs: 60_000 });
    tokens.remember('a', adele, 3_600_000, 0);
    expect(tokens.get('a', 59_999)).toEqual(adele);
    expect(tokens.get('a', 60_000)).toBeUndefined();
  });

  it('keeps nothing already invalid, nothing for another text, and at most maxEntries', () => {
    const tokens = new VerifiedTokens({ maxEntries: 2 });
    tokens.remember('expired', adele, 1_000, 1_000);
    expect(tokens.get('expired', 1_000)).toBeUndefined();
    tokens.remember('a', adele, 10_000, 0);
    expect(tokens.get('a ', 0)).toBeUndefined();
    tokens.remember('b', adele, 10_000, 0);
    tokens.remember('c', adele, 10_000, 0);
    expect(tokens.size).toBe(2);
    expect(tokens.get('a', 0)).toBeUndefined();
    expect(tokens.get('c', 0)).toEqual(adele);
  });
});
