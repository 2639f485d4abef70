/**
 * `npm start` as a user runs it: a real process, configured only by its environment, that
 * starts the embedded emulator, answers GraphQL, and stops cleanly on SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRA, GATEWAY_API } from '../../src/emulator/entra/entra-seed.js';
import { killGatewayProcesses, startGatewayProcess as start } from '../helpers/gateway-process.js';

afterEach(killGatewayProcesses);

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
    expect(gateway.lines.map((line) => line['message'])).not.toContain(
      'Anonymous callers are allowed: anyone who reaches this port can call the gateway',
    );
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
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
