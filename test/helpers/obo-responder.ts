/**
 * A minimal Entra token endpoint speaking issue 22's CONTRACT for the on-behalf-of grant, over
 * HTTPS (MSAL refuses a plain-http authority) with the loopback test certificate. It stands in
 * for the emulator's OBO grant, which is being built on another branch: once that is merged,
 * these tests can point at the emulator's Entra instead. It answers discovery and the OBO grant
 * only; each assertion is `assertion:<personId>:<n>` and gets `graph-token:<personId>:<n>:<k>`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { LOOPBACK_TLS_DIR } from './loopback-tls.js';

export { LOOPBACK_TLS_DIR };
export const OBO_TENANT = '6c3f9a2e-1b4d-4e8f-a5c7-2d9e0b1f3a40';
export const OBO_CLIENT_ID = '3f1a9c52-6d7e-4b8a-9c0d-1e2f3a4b5c6d';
export const OBO_CLIENT_SECRET = 'emulator-gateway-secret';

export type OboRefusal = 'interaction_required' | 'consent_required';

export const CLAIMS_CHALLENGE =
  '{"access_token":{"capolids":{"essential":true,"values":["c1b3a5d7-0000-4000-8000-000000000001"]}}}';

export interface OboResponder {
  readonly url: string;
  /** The CA a client must trust to reach it (its self-signed certificate). */
  readonly ca: Buffer;
  /** OBO grants answered, by person (refusals included). */
  readonly exchanges: Map<string, number>;
  /** Graph tokens issued, with the person each was issued for. */
  readonly issued: Map<string, string>;
  /** The next OBO for `personId` is refused as Entra refuses it. */
  refuseNext(personId: string, kind: OboRefusal): void;
  close(): Promise<void>;
}

export const assertionFor = (personId: string, n = 1) => `assertion:${personId}:${n}`;

function oauthError(status: number, body: Record<string, unknown>) {
  return { status, body: { timestamp: new Date().toISOString(), trace_id: 'test', ...body } };
}

export async function startOboResponder(): Promise<OboResponder> {
  const ca = readFileSync(`${LOOPBACK_TLS_DIR}/cert.pem`);
  const exchanges = new Map<string, number>();
  const issued = new Map<string, string>();
  const refusals = new Map<string, OboRefusal>();
  let origin = '';

  const answer = (method: string, path: string, form: URLSearchParams) => {
    const base = `${origin}/${OBO_TENANT}`;
    if (method === 'GET' && path === `/${OBO_TENANT}/v2.0/.well-known/openid-configuration`) {
      return {
        status: 200,
        body: {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${origin}/${OBO_TENANT}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
        },
      };
    }
    if (method !== 'POST' || path !== `/${OBO_TENANT}/oauth2/v2.0/token`) {
      return oauthError(404, { error: 'not_found' });
    }
    if (
      form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
      form.get('requested_token_use') !== 'on_behalf_of'
    ) {
      return oauthError(400, { error: 'unsupported_grant_type', error_codes: [70003] });
    }
    if (
      form.get('client_id') !== OBO_CLIENT_ID ||
      form.get('client_secret') !== OBO_CLIENT_SECRET
    ) {
      return oauthError(401, { error: 'invalid_client', error_codes: [7000215] });
    }
    const [kind, personId, n] = (form.get('assertion') ?? '').split(':');
    if (kind !== 'assertion' || !personId || !n) {
      return oauthError(400, {
        error: 'invalid_grant',
        error_description: 'AADSTS50013: Assertion failed signature validation.',
        error_codes: [50013],
      });
    }
    exchanges.set(personId, (exchanges.get(personId) ?? 0) + 1);
    const refusal = refusals.get(personId);
    refusals.delete(personId);
    if (refusal === 'interaction_required') {
      return oauthError(400, {
        error: 'interaction_required',
        error_description:
          'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.',
        error_codes: [50076],
        suberror: 'basic_action',
        claims: CLAIMS_CHALLENGE,
      });
    }
    if (refusal === 'consent_required') {
      return oauthError(400, {
        error: 'invalid_grant',
        error_description:
          'AADSTS65001: The user or administrator has not consented to use the application.',
        error_codes: [65001],
        suberror: 'consent_required',
      });
    }
    const token = `graph-token:${personId}:${n}:${issued.size + 1}`;
    issued.set(token, personId);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope:
          'PrintJob.Create PrintJob.ReadWriteBasic PrinterShare.ReadBasic.All PrintJob.ReadBasic',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: token,
      },
    };
  };

  const server: Server = createServer(
    { key: readFileSync(`${LOOPBACK_TLS_DIR}/key.pem`), cert: ca },
    (request, response) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        text += chunk;
      });
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'https://responder.invalid');
        const { status, body } = answer(
          request.method ?? 'GET',
          url.pathname,
          new URLSearchParams(text),
        );
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    ca,
    exchanges,
    issued,
    refuseNext: (personId, kind) => refusals.set(personId, kind),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
