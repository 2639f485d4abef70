/**
 * When a request's credential stops being accepted (src/auth/authenticate.ts): what a live
 * stream lasts at most. An Entra token's `exp` plus the clock tolerance, the instant a new
 * request gets TOKEN_EXPIRED; never for a service key (read once, at start) or no credential.
 */
import { describe, expect, it } from 'vitest';
import { createCallerAuthentication } from '../../packages/gateway/src/auth/authenticate.js';
import type { PersonCaller } from '../../packages/gateway/src/auth/caller.js';
import { CLOCK_TOLERANCE_SECONDS } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { unsigned } from '../helpers/entra.js';

const KEY = 'dashboard-key-0123456789abcdef';
const EXP = 1_900_000_000;
const adele: PersonCaller = {
  kind: 'person',
  tenantId: 't',
  objectId: 'o',
  clientAppId: 'c',
  permissions: ['Print.Release'],
};

const authentication = createCallerAuthentication(
  {
    serviceKeys: parseServiceKeys(`dashboard:Print.Read.All:${KEY}`),
    // Stands in for the validator: accepts any JWT-shaped token; exp is read from the token.
    entra: async () => adele,
    allowAnonymous: true,
  },
  { graphiql: false },
);

/** A request the plugin has authenticated, as yoga's onRequest would run it. */
async function authenticated(authorization?: string): Promise<Request> {
  const request = new Request('http://gateway.test/graphql', {
    method: 'POST',
    headers: authorization ? { authorization } : {},
  });
  const refuse = () => {
    throw new Error('refused');
  };
  await authentication.plugin.onRequest?.({
    request,
    url: new URL(request.url),
    endResponse: refuse,
    fetchAPI: globalThis,
  } as never);
  return request;
}

describe("a request's credential expiry", () => {
  it("is an Entra token's exp plus the clock tolerance", async () => {
    const request = await authenticated(`Bearer ${unsigned({ exp: EXP })}`);
    expect(authentication.callerOf(request)).toBe(adele);
    expect(authentication.credentialExpiresAt(request)).toBe(
      (EXP + CLOCK_TOLERANCE_SECONDS) * 1000,
    );
  });

  it('is none for a service key or an anonymous caller', async () => {
    const keyed = await authenticated(`Bearer ${KEY}`);
    expect(authentication.callerOf(keyed)).toMatchObject({ kind: 'service-key' });
    expect(authentication.credentialExpiresAt(keyed)).toBeNull();
    const anonymous = await authenticated();
    expect(authentication.callerOf(anonymous)).toMatchObject({ kind: 'anonymous' });
    expect(authentication.credentialExpiresAt(anonymous)).toBeNull();
  });
});
