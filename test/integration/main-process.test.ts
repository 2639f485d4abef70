/**
 * `npm start` as a user runs it: a real process, configured only by its environment, that
 * starts the embedded emulator, answers GraphQL, and stops cleanly on SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRA, GATEWAY_API } from '../../src/emulator/entra/entra-seed.js';
import { killGatewayProcesses, startGatewayProcess as start } from '../helpers/gateway-process.js';

afterEach(killGatewayProcesses);

describe('the gateway process', () => {
  it('starts on the embedded emulator with no Graph configuration and answers a query', async () => {
    const gateway = start({ PORT: '0', EMULATOR_PORT: '0' });
    const url = await gateway.listening;

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
    });

    expect(await response.json()).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it("validates real Entra tokens from the embedded emulator's token endpoint", async () => {
    const gateway = start({ PORT: '0', EMULATOR_PORT: '0', GATEWAY_ALLOW_ANONYMOUS: 'false' });
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
    const query = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
      });

    const anonymous = await query({});
    const withToken = await query({ authorization: `Bearer ${token}` });

    expect(anonymous.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
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
