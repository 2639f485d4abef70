/**
 * GraphiQL on the embedded emulator opens signed in: the page carries a token minted from the
 * emulator's Entra over HTTP, for Adele unless `?as=` names another demo identity, and the
 * gateway accepts that token like any other. Without the sign-in (real Graph), no token at all.
 */

import { ENTRA, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { developmentGraphiQL } from '../../packages/gateway/dev/graphiql.js';
import { createGraphiQLSignIn } from '../../packages/gateway/dev/graphiql-sign-in.js';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { claimsOf, listen } from '../helpers/entra.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const env = useEmulator();

let gateway: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** The app as dev/start.ts builds it on the embedded emulator: no anonymous callers. */
async function startGateway({ signIn }: { signIn: boolean }): Promise<string> {
  const { url: emulatorUrl } = env.emulator;
  const entra = emulatedEntraSettings(emulatorUrl);
  const { app } = createTestGateway({
    ...emulatorGraph(emulatorUrl),
    app: {
      authentication: { entra: createEntraTokenValidator(entra), allowAnonymous: false },
      graphiql: developmentGraphiQL(
        signIn
          ? createGraphiQLSignIn(`${emulatorUrl}/${ENTRA.tenantId}/oauth2/v2.0/token`)
          : undefined,
      ),
    },
  });
  gateway = await listen(app);
  return gateway.url;
}

/** GraphiQL's page as a browser asks for it. */
async function graphiqlPage(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

const TOKEN_IN_PAGE = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/;

function tokenIn(page: string): string {
  const token = TOKEN_IN_PAGE.exec(page)?.[1];
  if (!token) throw new Error('the GraphiQL page carries no bearer token');
  return token;
}

const titleOf = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];

describe('GraphiQL signed in on the embedded emulator', () => {
  it("carries Adele's token by default, and the gateway accepts it", async () => {
    const url = await startGateway({ signIn: true });
    const page = await graphiqlPage(`${url}/graphql`);
    const token = tokenIn(page);

    expect(claimsOf(token)).toMatchObject({
      oid: ENTRA.people.adele.objectId,
      tid: ENTRA.tenantId,
      scp: 'Print.Release Print.Submit',
    });
    expect(titleOf(page)).toBe('Universal Print gateway (signed in as Adele Vance)');
    const withToken = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
    });
    expect(await withToken.json()).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
    // Minted over HTTP from the emulator's token endpoint, as a client would.
    expect(env.emulator.entra.hits().token).toBe(1);
  });

  it('signs in as Megan or as the release station when ?as= asks, minting a fresh token per page', async () => {
    const url = await startGateway({ signIn: true });

    const megan = claimsOf(tokenIn(await graphiqlPage(`${url}/graphql?as=megan`)));
    const station = claimsOf(tokenIn(await graphiqlPage(`${url}/graphql?as=Station`)));
    const adele = claimsOf(tokenIn(await graphiqlPage(`${url}/graphql?as=`)));

    expect(megan).toMatchObject({
      oid: ENTRA.people.megan.objectId,
      scp: 'Print.Release Print.Submit',
    });
    expect(station).toMatchObject({
      azp: ENTRA.apps.releaseStation.appId,
      idtyp: 'app',
      roles: ['Print.Release.All'],
    });
    expect(adele).toMatchObject({ oid: ENTRA.people.adele.objectId });
    expect(env.emulator.entra.hits().token).toBe(3);
  });

  it('opens signed out, saying which names work, for anything but a demo identity', async () => {
    const url = await startGateway({ signIn: true });

    for (const asked of ['root', 'AdeleV@contoso.onmicrosoft.com', ENTRA.apps.dashboard.appId]) {
      const page = await graphiqlPage(`${url}/graphql?as=${encodeURIComponent(asked)}`);
      expect(page, asked).not.toMatch(/Bearer/);
      expect(titleOf(page)).toBe(
        'Universal Print gateway (not signed in: ?as= takes adele, megan, station)',
      );
    }
    expect(env.emulator.entra.hits().token).toBe(0);
  });

  it('carries no token where the app has no sign-in (any Graph but the embedded emulator)', async () => {
    const url = await startGateway({ signIn: false });

    const page = await graphiqlPage(`${url}/graphql?as=adele`);

    expect(page).not.toMatch(/Bearer/);
    expect(titleOf(page)).toBe('Universal Print gateway');
    expect(env.emulator.entra.hits().token).toBe(0);
  });
});
