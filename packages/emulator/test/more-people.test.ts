/**
 * The directory's extra people (EmulatedEntraOptions.morePeople): each signs in and is exchanged
 * for like Adele and Megan, and Graph knows them as users, across resets.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ENTRA, type EntraPerson, GATEWAY_API } from '../src/entra/entra-seed.js';
import { useEmulator } from '../src/vitest.js';
import { oboForm, tokenRequest } from './entra-tokens.js';
import { graph } from './graph-http.js';

const pat: EntraPerson = {
  objectId: 'b3c4d5e6-0000-4000-8000-000000000099',
  userPrincipalName: 'PattiF@contoso.onmicrosoft.com',
  displayName: 'Patti Fernandez',
  password: 'emulator-patti-password',
};
const env = useEmulator({ entra: { morePeople: [pat] } });

async function graphTokenForPat(): Promise<string> {
  const signIn = await tokenRequest(env.emulator.url, {
    grant_type: 'password',
    client_id: ENTRA.apps.releaseApp.appId,
    username: pat.userPrincipalName,
    password: pat.password,
    scope: `${GATEWAY_API.appIdUri}/Print.Submit`,
  });
  expect(signIn.status).toBe(200);
  const exchange = await tokenRequest(
    env.emulator.url,
    oboForm(String(signIn.body['access_token'])),
  );
  expect(exchange.status).toBe(200);
  return String(exchange.body['access_token']);
}

describe("the directory's extra people", () => {
  it('sign in, are exchanged for, and list shares as themselves', async () => {
    const token = await graphTokenForPat();
    expect(decodeJwt(token)).toMatchObject({ oid: pat.objectId, upn: pat.userPrincipalName });
    expect((await graph(env.emulator.url, 'GET', '/print/shares', { token })).status).toBe(200);
    expect(env.emulator.entra.hits().onBehalfOf).toEqual({ [pat.objectId]: 1 });
  });

  it('are still Graph users after a reset', async () => {
    env.emulator.reset();
    expect(env.emulator.store.user(pat.objectId)?.userPrincipalName).toBe(pat.userPrincipalName);
  });
});
