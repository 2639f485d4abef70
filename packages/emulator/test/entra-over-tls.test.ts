/**
 * The emulated Entra on its HTTPS listener (the `entraTls` option): what MSAL, which takes only an
 * https authority, needs to run the on-behalf-of exchange against it. One Entra under two names:
 * each listener names itself as the issuer, and an assertion from either is accepted.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_DEV_TLS } from '../src/entra/entra-over-tls.js';
import { ENTRA, GATEWAY_API } from '../src/entra/entra-seed.js';
import type { EntraOverTlsListener } from '../src/server.js';
import { useEmulator } from '../src/vitest.js';
import { oboForm, personToken } from './entra-tokens.js';
import { graph } from './graph-http.js';

const env = useEmulator({ entraTls: {} });
const YEAR_MS = 365 * 24 * 3600 * 1000;

function tls(): EntraOverTlsListener {
  const listener = env.emulator.entraOverTls;
  if (!listener) throw new Error('no Entra over TLS');
  return listener;
}

/** A request to the HTTPS listener trusting only its certificate, as the gateway's exchange does. */
function overTls(
  path: string,
  form?: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { url, ca } = tls();
  return new Promise((resolve, reject) => {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const outgoing = request(
      `${url}${path}`,
      {
        method: body ? 'POST' : 'GET',
        ca,
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const tokenPath = `/${ENTRA.tenantId}/oauth2/v2.0/token`;

describe('Entra over TLS', () => {
  it('names its https origin as the issuer and in every endpoint of its discovery document', async () => {
    const { url } = tls();
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const reply = await overTls(`/${ENTRA.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      issuer: `${url}/${ENTRA.tenantId}/v2.0`,
      token_endpoint: `${url}${tokenPath}`,
      jwks_uri: `${url}/${ENTRA.tenantId}/discovery/v2.0/keys`,
    });
    // The plain listener keeps its own name.
    const plain = await fetch(
      `${env.emulator.url}/${ENTRA.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    expect(((await plain.json()) as { issuer: string }).issuer).toBe(
      `${env.emulator.url}/${ENTRA.tenantId}/v2.0`,
    );
  });

  it("exchanges a person's token from the plain listener for a Graph token that Graph accepts", async () => {
    const assertion = await personToken(env.emulator.url, 'adele');
    const reply = await overTls(tokenPath, oboForm(assertion));
    expect(reply.status).toBe(200);
    const token = String(reply.body['access_token']);
    expect(decodeJwt(token)).toMatchObject({
      iss: `${tls().url}/${ENTRA.tenantId}/v2.0`,
      oid: ENTRA.people.adele.objectId,
      idtyp: 'user',
    });
    expect((await graph(env.emulator.url, 'GET', '/print/shares', { token })).status).toBe(200);
    expect(env.emulator.entra.hits().onBehalfOf).toEqual({ [ENTRA.people.adele.objectId]: 1 });
  });

  it('accepts an assertion issued under its https name, as under its plain one', async () => {
    const signIn = await overTls(tokenPath, {
      grant_type: 'password',
      client_id: ENTRA.apps.releaseApp.appId,
      username: ENTRA.people.megan.userPrincipalName,
      password: ENTRA.people.megan.password,
      scope: `${GATEWAY_API.appIdUri}/Print.Submit`,
    });
    const assertion = String(signIn.body['access_token']);
    expect(decodeJwt(assertion).iss).toBe(`${tls().url}/${ENTRA.tenantId}/v2.0`);
    const reply = await overTls(tokenPath, oboForm(assertion));
    expect(reply.status).toBe(200);
    expect(decodeJwt(String(reply.body['access_token']))).toMatchObject({
      oid: ENTRA.people.megan.objectId,
    });
  });

  it('still refuses an assertion another issuer signed', async () => {
    const claims = decodeJwt(await personToken(env.emulator.url, 'adele'));
    const foreign = await env.emulator.entra.sign({
      ...claims,
      iss: `https://login.microsoftonline.com/${ENTRA.tenantId}/v2.0`,
    });
    const reply = await overTls(tokenPath, oboForm(foreign));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
  });

  it("serves Entra only: Graph's paths stay on the emulator's own listener", async () => {
    const reply = await overTls('/v1.0/print/shares');
    expect(reply.status).toBe(404);
    expect(reply.body['error_description']).toContain("this listener is Entra's only");
  });

  it('ships a development certificate for loopback, valid for years', () => {
    const certificate = new X509Certificate(LOOPBACK_DEV_TLS.cert);
    expect(certificate.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(certificate.subject).toContain('test only');
    expect(certificate.ca).toBe(false);
    expect(Date.parse(certificate.validTo)).toBeGreaterThan(Date.now() + 50 * YEAR_MS);
    expect(certificate.checkPrivateKey(createPrivateKey(LOOPBACK_DEV_TLS.key))).toBe(true);
    expect(tls().ca).toEqual(LOOPBACK_DEV_TLS.cert);
  });
});
