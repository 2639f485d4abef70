/**
 * `npm start` as a user runs it: a real process, configured only by its environment, that
 * starts the embedded emulator, answers GraphQL, and stops cleanly on SIGTERM.
 */

import {
  EMULATOR_TOKENS,
  ENTRA,
  GATEWAY_API,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';

/** `npm start`'s entry whatever GATEWAY_TEST_ENTRY says: what these tests are about. */
const start = (env: Record<string, string>) => startGatewayProcess(env, { entry: 'development' });

afterEach(killGatewayProcesses);

/** GraphiQL's page, as a browser asks for it. */
async function graphiqlPage(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

function bearerIn(page: string): string {
  const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(page)?.[1];
  if (!token) throw new Error('the GraphiQL page carries no bearer token');
  return token;
}

const query = (url: string, headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
  });

describe('the gateway process', () => {
  it("starts on the embedded emulator with no configuration, and serves only callers with its Entra's tokens", async () => {
    const gateway = start({ PORT: '0', EMULATOR_PORT: '0' });
    const url = await gateway.listening;
    const started = gateway.lines.find((line) => typeof line['tokens'] === 'string');
    const tokenEndpoint = String(started?.['tokens']).replace(/^POST /, '');
    const tokenResponse = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: ENTRA.apps.releaseApp.appId,
        username: ENTRA.people.adele.userPrincipalName,
        password: ENTRA.people.adele.password,
        scope: `${GATEWAY_API.appIdUri}/Print.Release`,
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const anonymous = await query(url, {});
    const withToken = await query(url, { authorization: `Bearer ${token}` });

    // Anonymous access is never a default, not even on `npm start`.
    expect(anonymous.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
    // Nor is it announced: the warning that it is allowed is not logged.
    expect(gateway.lines).not.toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/Anonymous/) }),
    );
    // GraphiQL's page comes signed in as Adele, with a token the gateway accepts.
    const pageToken = bearerIn(await graphiqlPage(url));
    expect(decodeJwt(pageToken)['oid']).toBe(ENTRA.people.adele.objectId);
    expect((await query(url, { authorization: `Bearer ${pageToken}` })).status).toBe(200);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('on any Graph but the embedded emulator, GraphiQL comes with no token', async () => {
    const emulator = await startEmulator();
    try {
      const gateway = start({
        PORT: '0',
        GRAPH_BASE_URL: emulator.url,
        GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
        GATEWAY_API_KEYS: 'ci:Print.Release.All:a-key-of-sixteen-chars',
      });
      const url = await gateway.listening;

      const page = await graphiqlPage(`${url}?as=adele`);

      expect(page).toContain('<title>Universal Print gateway</title>');
      expect(page).not.toMatch(/Bearer/);
      expect(emulator.entra.hits().token).toBe(0);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it('serves callers without credentials when GATEWAY_ALLOW_ANONYMOUS=true, and warns', async () => {
    const gateway = start({ PORT: '0', EMULATOR_PORT: '0', GATEWAY_ALLOW_ANONYMOUS: 'true' });
    const url = await gateway.listening;

    const anonymous = await query(url, {});

    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
    expect(gateway.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/Anonymous/) }),
    );
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('refuses to start with an invalid configuration and says why', async () => {
    const gateway = start({ GRAPH_BASE_URL: 'http://graph.example.com', GRAPH_ACCESS_TOKEN: 't' });

    expect(await gateway.exited).toBe(1);
    expect(gateway.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/https/),
      }),
    );
  });
});
