/**
 * The emulator's Entra issues client-credentials tokens for Graph, and its Graph endpoints
 * accept them as the app they were issued to: what a gateway configured with AZURE_* against
 * the emulator relies on (test/process/readiness.test.ts runs that with @azure/identity).
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ENTRA } from '../src/entra/entra-seed.js';
import { DEMO } from '../src/seed.js';
import { startEmulator } from '../src/server.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';

const env = useEmulator();
const definition = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;

async function tokenRequest(form: Record<string, string>) {
  const response = await fetch(`${env.emulator.url}/${ENTRA.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const clientCredentials = (app: 'gateway' | 'releaseStation', scope: string) => ({
  grant_type: 'client_credentials',
  client_id: ENTRA.apps[app].appId,
  client_secret: ENTRA.apps[app].secret,
  scope,
});

describe('a Graph token from the emulated Entra', () => {
  it.each([
    'https://graph.microsoft.com/.default',
    '00000003-0000-0000-c000-000000000000/.default',
    'EMULATOR/.default',
  ])(
    'is issued to the gateway app for %s, echoing the scope, and Graph accepts it',
    async (scope) => {
      const asked = scope.replace('EMULATOR', env.emulator.url);
      const issued = await tokenRequest(clientCredentials('gateway', asked));
      expect(issued.status).toBe(200);
      expect(issued.body['scope']).toBe(asked);
      const token = String(issued.body['access_token']);
      expect(decodeJwt(token)).toMatchObject({
        aud: 'https://graph.microsoft.com',
        appid: ENTRA.apps.gateway.appId,
        idtyp: 'app',
        roles: expect.arrayContaining(['PrintJob.ReadWriteBasic.All']),
      });
      const reply = await graph(env.emulator.url, 'GET', definition, { token });
      expect(reply.status).toBe(200);
    },
  );

  it('carries the roles the emulator was started with; without PrintJob.Manage.All, Graph refuses a redirect', async () => {
    const roles = [
      'PrintTaskDefinition.ReadWrite.All',
      'PrintJob.ReadWriteBasic.All',
      'Printer.Read.All',
    ];
    const lesser = await startEmulator({ entra: { gatewayGraphRoles: roles } });
    try {
      const response = await fetch(`${lesser.url}/${ENTRA.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams(
          clientCredentials('gateway', 'https://graph.microsoft.com/.default'),
        ),
      });
      const token = String(((await response.json()) as Record<string, unknown>)['access_token']);
      expect(decodeJwt(token)['roles']).toEqual(roles);
      const redirect = `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}/redirect`;
      const refused = await graph<GraphErrorBody>(lesser.url, 'POST', redirect, {
        token,
        json: { destinationPrinterId: DEMO.printers.direct },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('PrintJob.Manage.All');
      // The emulator's default grant holds it: the same redirect goes through.
      const granted = await tokenRequest(
        clientCredentials('gateway', 'https://graph.microsoft.com/.default'),
      );
      const sent = await graph(env.emulator.url, 'POST', redirect, {
        token: String(granted.body['access_token']),
        json: { destinationPrinterId: DEMO.printers.direct },
      });
      expect(sent.status).toBe(200);
    } finally {
      await lesser.close();
    }
  });

  it('is refused by Graph when issued to an app Graph does not know', async () => {
    const issued = await tokenRequest(
      clientCredentials('releaseStation', 'https://graph.microsoft.com/.default'),
    );
    expect(issued.status).toBe(200);
    const reply = await graph(env.emulator.url, 'GET', definition, {
      token: String(issued.body['access_token']),
    });
    expect(reply.status).toBe(401);
  });

  it('needs the right secret, and .default alone', async () => {
    const wrong = await tokenRequest({
      ...clientCredentials('gateway', 'https://graph.microsoft.com/.default'),
      client_secret: 'wrong',
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    for (const scope of [
      'https://graph.microsoft.com/PrintJob.Read.All',
      `https://graph.microsoft.com/.default api://${ENTRA.apps.gateway.appId}/.default`,
    ]) {
      const refused = await tokenRequest(clientCredentials('gateway', scope));
      expect(refused, scope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    }
  });

  it('is not issued to a public client', async () => {
    const refused = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: ENTRA.apps.releaseApp.appId,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
  });
});
