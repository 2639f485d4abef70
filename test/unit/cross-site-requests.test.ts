/**
 * A web page must not be able to make a visitor's browser act on the gateway: POST bodies that
 * a browser sends cross-site without a preflight are refused, and CORS answers only the
 * configured origins, never with credentials (src/edge/json-bodies-only.ts, cors-allowlist.ts).
 */

import { describe, expect, it } from 'vitest';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway, type TestGatewayOptions } from '../helpers/test-gateway.js';

const ABORT =
  'mutation { abortPrintJob(input: { printerId: "p1", printJobId: "5183" }) { __typename } }';
const EVIL = 'http://evil.example';
const RELEASE_APP = 'https://release.example.com';
const KEY = 'release-station-key-0123456789';

function gateway(extras: TestGatewayOptions['app'] = {}) {
  const http = new FakeGraphHttp(() => ({ status: 204 }));
  const { app } = createTestGateway({
    baseUrl: 'https://graph.example.test',
    httpHandler: http,
    app: extras,
  });
  return { http, fetch: (init: RequestInit) => app.fetch('http://gateway.test/graphql', init) };
}

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('POST bodies that are not JSON', () => {
  const boundary = 'x0x';
  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(ABORT)}`],
    [
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: ABORT })}\r\n--${boundary}--\r\n`,
    ],
    ['text/plain', JSON.stringify({ query: ABORT })],
    ['text/plain; charset=utf-8', JSON.stringify({ query: ABORT })],
    ['application/graphql', ABORT],
  ])('are refused 415 (%s) and the mutation does not run', async (contentType, body) => {
    const { http, fetch } = gateway();
    const response = await fetch({
      method: 'POST',
      headers: { 'content-type': contentType, origin: EVIL },
      body,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it('are refused without a content type too', async () => {
    const { http, fetch } = gateway();
    const response = await fetch({ method: 'POST', body: JSON.stringify({ query: ABORT }) });
    expect(response.status).toBe(415);
    expect(http.sent).toHaveLength(0);
  });

  it('JSON still runs the mutation', async () => {
    const { http, fetch } = gateway();
    const response = await fetch({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: ABORT }),
    });
    expect(await response.json()).toEqual({
      data: { abortPrintJob: { __typename: 'AbortPrintJobSuccess' } },
    });
    expect(http.sent).toHaveLength(1);
  });
});

describe('GET', () => {
  const get = (query: string) =>
    createTestGateway({ baseUrl: 'https://graph.example.test' }).app.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent(query)}`,
      { headers: { origin: EVIL } },
    );

  it('still answers queries', async () => {
    expect(await (await get('{ __typename }')).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a mutation with 405 and no Graph call', async () => {
    const http = new FakeGraphHttp(() => ({ status: 204 }));
    const { app } = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
    const response = await app.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent(ABORT)}`,
      { headers: { origin: EVIL } },
    );
    expect(response.status).toBe(405);
    expect(http.sent).toHaveLength(0);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
  const post = (origin: string) => ({
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

  it('sends no CORS header at all when no origin is configured', async () => {
    const { fetch } = gateway();
    expect(corsHeaders(await fetch(preflight(EVIL)))).toEqual([]);
    expect(corsHeaders(await fetch(post(EVIL)))).toEqual([]);
  });

  it('gives an unlisted origin no CORS header', async () => {
    const { fetch } = gateway({ corsOrigins: [RELEASE_APP] });
    expect(corsHeaders(await fetch(preflight(EVIL)))).toEqual([]);
    const response = await fetch(post(EVIL));
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers a listed origin with exactly that origin and no credentials', async () => {
    const { fetch } = gateway({
      corsOrigins: ['https://other.example.com', RELEASE_APP],
      authentication: {
        serviceKeys: parseServiceKeys(`release-app:Print.Release.All:${KEY}`),
        allowAnonymous: false,
      },
    });

    const answer = await fetch(preflight(RELEASE_APP));
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(RELEASE_APP);
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();

    const response = await fetch(post(RELEASE_APP));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(RELEASE_APP);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('matches origins exactly', async () => {
    const { fetch } = gateway({ corsOrigins: [RELEASE_APP] });
    for (const near of [
      'http://release.example.com',
      'https://release.example.com:8443',
      'https://evil-release.example.com',
      'null',
    ]) {
      expect(corsHeaders(await fetch(preflight(near)))).toEqual([]);
    }
  });
});
