/**
 * Whether an Entra token is a person's or an app's, decided as Microsoft documents it: `idtyp`
 * where the token has it, otherwise no `scp` and `sub` equal to `oid`. A token that says it is
 * a user's is a person's, `scp` or not, so a person never gets a token's `roles` or its client
 * app's identity. Tokens are correctly signed by the emulator's Entra, checked over HTTP.
 */

import { ENTRA, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { appToken, claimsOf, personToken } from '../helpers/entra.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const adele = ENTRA.people.adele;
const station = ENTRA.apps.releaseStation;

/** `claims` without the named ones, changed by `changes`, signed by the emulator's Entra. */
function signed(claims: JWTPayload, without: string[], changes: JWTPayload = {}) {
  const kept = Object.fromEntries(
    Object.entries(claims).filter(([name]) => !without.includes(name)),
  );
  return env.emulator.entra.sign({ ...kept, ...changes });
}

const adeleClaims = async () => claimsOf(await personToken(env.emulator.url, 'adele'));
const stationClaims = async () => claimsOf(await appToken(env.emulator.url, 'releaseStation'));
const validate = (token: string) =>
  createEntraTokenValidator(emulatedEntraSettings(env.emulator.url))(token);

/** A person holding no delegated scope: what a token's `roles` never turn into more. */
const scopelessAdele = {
  kind: 'person',
  tenantId: ENTRA.tenantId,
  objectId: adele.objectId,
  clientAppId: ENTRA.apps.releaseApp.appId,
  permissions: [],
  displayName: adele.userPrincipalName,
};

/** The gateway's answer to a metadata read, and the Graph calls it made. */
async function asGateway(token: string) {
  env.emulator.requests.clear();
  const response = await fetch(`${env.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ printTaskDefinitions { id } }' }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    codes: (body.errors ?? []).map((error) => error.extensions?.code),
    graphCalls: env.emulator.requests.entries().length,
  };
}

describe('a token that says idtyp user', () => {
  it.each([
    ['no scp', ['scp'], {}],
    ['an empty scp', [], { scp: '' }],
  ])(
    'with %s is a person with no delegated scope, not an app with its roles',
    async (_label, without, changes) => {
      const token = await signed(await adeleClaims(), without, {
        ...changes,
        roles: ['Print.Release.All', 'Print.Read.All'],
      });

      expect(await validate(token)).toEqual(scopelessAdele);
      expect(await asGateway(token)).toEqual({ status: 200, codes: ['FORBIDDEN'], graphCalls: 0 });
    },
  );
});

describe('a token without idtyp or scp', () => {
  it('is an app when its sub is its oid, with its roles', async () => {
    const claims = await stationClaims();
    const token = await signed(claims, ['idtyp'], { sub: station.servicePrincipalId });

    expect(await validate(token)).toEqual({
      kind: 'app',
      tenantId: ENTRA.tenantId,
      objectId: station.servicePrincipalId,
      appId: station.appId,
      permissions: ['Print.Release.All'],
    });
  });

  it('is not an app when its sub is not its oid: a person with no delegated scope', async () => {
    const token = await signed(await adeleClaims(), ['idtyp', 'scp'], {
      roles: ['Print.Release.All'],
    });

    expect(await validate(token)).toEqual(scopelessAdele);
    expect(await asGateway(token)).toEqual({ status: 200, codes: ['FORBIDDEN'], graphCalls: 0 });
  });
});

describe('the emulated Entra', () => {
  it("issues app tokens whose sub is the app's oid, as Entra does", async () => {
    const claims = await stationClaims();
    expect(claims).toMatchObject({ idtyp: 'app', sub: station.servicePrincipalId });
    expect(await validate(await signed(claims, ['idtyp']))).toMatchObject({ kind: 'app' });
  });
});

describe('a token whose idtyp is neither app nor user', () => {
  it('is refused as an invalid token, before any Graph call', async () => {
    const token = await signed(await adeleClaims(), ['scp'], { idtyp: 'device' });

    await expect(validate(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await asGateway(token)).toEqual({
      status: 401,
      codes: ['INVALID_TOKEN'],
      graphCalls: 0,
    });
  });
});
