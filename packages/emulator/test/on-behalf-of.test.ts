/**
 * Entra's on-behalf-of grant as the emulator plays it: a person's token for the gateway becomes
 * a Graph token for that person, Graph treats it as the person, and Entra's refusals arrive in
 * its wire format.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ENTRA, GATEWAY_API } from '../src/entra/entra-seed.js';
import { DEMO } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { graphTokenFor, oboForm, personToken, tokenRequest } from './entra-tokens.js';
import { admin, type GraphErrorBody, graph } from './graph-http.js';

const env = useEmulator();
const adele = ENTRA.people.adele.objectId;

async function appTokenForGateway(): Promise<string> {
  const reply = await tokenRequest(env.emulator.url, {
    grant_type: 'client_credentials',
    client_id: ENTRA.apps.releaseStation.appId,
    client_secret: ENTRA.apps.releaseStation.secret,
    scope: `${GATEWAY_API.appIdUri}/.default`,
  });
  return String(reply.body['access_token']);
}

describe('the on-behalf-of grant', () => {
  it("exchanges a person's token for a Graph token carrying that person and the consented scp", async () => {
    const assertion = await personToken(env.emulator.url, 'adele');
    const reply = await tokenRequest(env.emulator.url, oboForm(assertion));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/.default',
    });
    const claims = decodeJwt(String(reply.body['access_token']));
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: adele,
      idtyp: 'user',
      scp: 'PrintJob.Create PrintJob.ReadWriteBasic PrinterShare.ReadBasic.All PrintJob.ReadBasic',
      appid: ENTRA.apps.gateway.appId,
      azp: ENTRA.apps.gateway.appId,
    });
    // Never outlives the token it was exchanged for.
    expect(claims.exp).toBeLessThanOrEqual(Number(decodeJwt(assertion).exp));
    expect(reply.body['expires_in']).toBe(Number(claims.exp) - Number(claims.iat));
    expect(env.emulator.entra.hits().onBehalfOf).toEqual({ [adele]: 1 });
    const hits = await admin<{ onBehalfOf: Record<string, number> }>(
      env.emulator.url,
      'GET',
      '/_emulator/entra/hits',
    );
    expect(hits.body.onBehalfOf).toEqual({ [adele]: 1 });
  });

  it('makes Graph treat the caller as the person: shares answer, app-only endpoints refuse 403', async () => {
    const token = await graphTokenFor(env.emulator.url, 'megan');
    expect((await graph(env.emulator.url, 'GET', '/print/shares', { token })).status).toBe(200);
    const appOnly = [
      ['GET', `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`],
      [
        'PATCH',
        `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingMegan}`,
      ],
      [
        'POST',
        `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingMegan}/redirect`,
      ],
      [
        'POST',
        `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingMegan}/abort`,
      ],
    ] as const;
    for (const [method, path] of appOnly) {
      const json =
        method === 'GET'
          ? undefined
          : method === 'PATCH'
            ? { status: { state: 'completed' } }
            : { destinationPrinterId: DEMO.printers.direct };
      const reply = await graph<GraphErrorBody>(env.emulator.url, method, path, {
        token,
        ...(json === undefined ? {} : { json }),
      });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.error.code).toBe('accessDenied');
    }
    // The app's own calls behave as before.
    const tasks = await graph(
      env.emulator.url,
      'GET',
      `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`,
    );
    expect(tasks.status).toBe(200);
  });

  it('records who each call acted as, batch items included, so tests can tell people apart', async () => {
    const [adeleToken, meganToken] = await Promise.all([
      graphTokenFor(env.emulator.url, 'adele'),
      graphTokenFor(env.emulator.url, 'megan'),
    ]);
    const batch = await graph(env.emulator.url, 'POST', '/$batch', {
      token: adeleToken,
      json: {
        requests: [
          { id: '1', method: 'GET', url: '/print/shares' },
          { id: '2', method: 'GET', url: `/print/shares/${DEMO.shares.followMe}` },
        ],
      },
    });
    expect(batch.status).toBe(200);
    await graph(env.emulator.url, 'GET', '/print/shares', { token: meganToken });
    await graph(env.emulator.url, 'GET', `/print/printers/${DEMO.printers.floor1}`);
    const callers = env.emulator.requests.entries().map((entry) => [entry.via, entry.caller]);
    const asPerson = (userId: string) => ({
      kind: 'user',
      appId: ENTRA.apps.gateway.appId,
      userId,
    });
    expect(callers).toEqual([
      ['batch-item', asPerson(adele)],
      ['batch-item', asPerson(adele)],
      ['batch-envelope', asPerson(adele)],
      ['direct', asPerson(ENTRA.people.megan.objectId)],
      ['direct', { kind: 'app', appId: DEMO.gatewayAppId }],
    ]);
  });

  it('refuses an app token as the assertion: invalid_grant, AADSTS50013', async () => {
    const reply = await tokenRequest(env.emulator.url, oboForm(await appTokenForGateway()));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(String(reply.body['error_description'])).toMatch(/^AADSTS50013: .*app-only token/);
  });

  it('refuses an assertion for another audience, an expired one and a forged one: invalid_grant', async () => {
    const genuine = decodeJwt(await personToken(env.emulator.url, 'adele'));
    const now = Math.floor(Date.now() / 1000);
    const otherAudience = await env.emulator.entra.sign({
      ...genuine,
      aud: ENTRA.apps.dashboard.appId,
    });
    const expired = await env.emulator.entra.sign({
      ...genuine,
      iat: now - 7200,
      nbf: now - 7200,
      exp: now - 3600,
    });
    const valid = await personToken(env.emulator.url, 'adele');
    const [header, payload] = valid.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    const cases: [string, string, number][] = [
      ['another audience', otherAudience, 50013],
      ['expired', expired, 500133],
      ['bad signature', forged, 50013],
      ['not a JWT', 'not-a-token', 50013],
    ];
    for (const [name, assertion, aadsts] of cases) {
      const reply = await tokenRequest(env.emulator.url, oboForm(assertion));
      expect(reply, name).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', error_codes: [aadsts] },
      });
    }
    expect(env.emulator.entra.hits().onBehalfOf).toEqual({});
  });

  it("needs the gateway app's own secret, and Graph as the scope", async () => {
    const assertion = await personToken(env.emulator.url, 'adele');
    const wrongSecret = await tokenRequest(env.emulator.url, {
      ...oboForm(assertion),
      client_secret: 'nope',
    });
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const otherScope = await tokenRequest(env.emulator.url, {
      ...oboForm(assertion),
      scope: `${GATEWAY_API.appIdUri}/.default`,
    });
    expect(otherScope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('grants Graph alongside the OpenID scopes MSAL adds to every on-behalf-of request', async () => {
    const assertion = await personToken(env.emulator.url, 'adele');
    const reply = await tokenRequest(env.emulator.url, {
      ...oboForm(assertion),
      scope: 'https://graph.microsoft.com/.default openid profile offline_access',
    });
    expect(reply).toMatchObject({
      status: 200,
      body: { token_type: 'Bearer', scope: 'https://graph.microsoft.com/.default' },
    });
  });

  it('answers interaction_required with a claims challenge when the knob says so, once', async () => {
    const knob = await admin(env.emulator.url, 'POST', '/_emulator/entra/obo-refusals', {
      userId: adele,
      kind: 'interaction_required',
      times: 1,
    });
    expect(knob.status).toBe(201);
    const assertion = await personToken(env.emulator.url, 'adele');
    const refused = await tokenRequest(env.emulator.url, oboForm(assertion));
    expect(refused).toMatchObject({
      status: 400,
      body: { error: 'interaction_required', error_codes: [50076] },
    });
    const claims = refused.body['claims'];
    expect(typeof claims).toBe('string');
    expect(JSON.parse(String(claims))).toEqual({
      access_token: { capolids: { essential: true, values: [expect.any(String)] } },
    });
    // Megan is not concerned; Adele's next exchange goes through.
    expect(
      (await tokenRequest(env.emulator.url, oboForm(await personToken(env.emulator.url, 'megan'))))
        .status,
    ).toBe(200);
    expect((await tokenRequest(env.emulator.url, oboForm(assertion))).status).toBe(200);
    expect(env.emulator.entra.hits().onBehalfOf[adele]).toBe(2);
  });

  it('answers AADSTS65001 consent_required when the knob says so', async () => {
    await admin(env.emulator.url, 'POST', '/_emulator/entra/obo-refusals', {
      userId: adele,
      kind: 'consent_required',
      times: 2,
    });
    const assertion = await personToken(env.emulator.url, 'adele');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await tokenRequest(env.emulator.url, oboForm(assertion));
      expect(refused).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' },
      });
      expect(String(refused.body['error_description'])).toMatch(/^AADSTS65001: /);
    }
    expect((await tokenRequest(env.emulator.url, oboForm(assertion))).status).toBe(200);
  });

  it('refuses a malformed knob with 400, and reset() forgets the knobs', async () => {
    for (const body of [
      { userId: adele, kind: 'mfa' },
      { kind: 'consent_required' },
      { userId: adele, kind: 'consent_required', times: 0 },
    ]) {
      const reply = await admin(env.emulator.url, 'POST', '/_emulator/entra/obo-refusals', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    await admin(env.emulator.url, 'POST', '/_emulator/entra/obo-refusals', {
      userId: adele,
      kind: 'consent_required',
    });
    env.emulator.reset();
    const reply = await tokenRequest(
      env.emulator.url,
      oboForm(await personToken(env.emulator.url, 'adele')),
    );
    expect(reply.status).toBe(200);
  });
});
