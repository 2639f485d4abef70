import { describe, expect, it } from 'vitest';
import { developmentGraphiQL } from '../../packages/gateway/dev/graphiql.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const KEY = 'release-station-key-0123456789';

function setup({ graphiql = false } = {}) {
  const http = new FakeGraphHttp(() => ({ status: 200, body: { value: [] } }));
  const { app } = createTestGateway({
    baseUrl: 'https://graph.example.test',
    token: 't',
    timeoutMs: 1_000,
    httpHandler: http,
    app: {
      graphiql: graphiql && developmentGraphiQL(),
      // A bare key, as GATEWAY_API_KEYS was before keys had names and roles.
      authentication: { serviceKeys: parseServiceKeys(KEY), allowAnonymous: false },
    },
  });
  return { http, app };
}

const query = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query: '{ printTaskDefinitions { id } }' }),
});

describe('caller authentication', () => {
  // No credentials (or none we can check): a bare challenge, RFC 6750 §3.1.
  it.each([
    ['no Authorization header', {}],
    ['another scheme', { authorization: `Basic ${KEY}` }],
  ])('answers 401 UNAUTHENTICATED with %s and calls no Graph', async (_label, headers) => {
    const { http, app } = setup();

    const response = await app.fetch('http://gateway.test/graphql', query(headers));

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(http.sent).toHaveLength(0);
  });

  // A credential that is wrong: error="invalid_token", so clients know to get a new one.
  it.each([
    ['a wrong key', { authorization: 'Bearer not-the-key-0123456789' }],
    ['a key prefix', { authorization: `Bearer ${KEY.slice(0, 10)}` }],
  ])('answers 401 INVALID_TOKEN with %s and calls no Graph', async (_label, headers) => {
    const { http, app } = setup();

    const response = await app.fetch('http://gateway.test/graphql', query(headers));

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", /);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'INVALID_TOKEN' } }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it('serves a caller with a valid key', async () => {
    const { http, app } = setup();

    const response = await app.fetch(
      'http://gateway.test/graphql',
      query({ authorization: `Bearer ${KEY}` }),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { printTaskDefinitions: [] } });
    expect(http.sent).toHaveLength(1);
  });

  it('keeps the health check open for orchestrators', async () => {
    const { app } = setup();
    const response = await app.fetch('http://gateway.test/health');
    expect(response.status).toBe(200);
  });

  it('keeps the readiness probe open too', async () => {
    const { app } = setup();
    const response = await app.fetch('http://gateway.test/ready');
    expect(response.status).not.toBe(401);
  });

  it("serves GraphiQL's page without credentials, but not an operation sent by GET", async () => {
    const { http, app } = setup({ graphiql: true });

    const page = await app.fetch('http://gateway.test/graphql', {
      headers: { accept: 'text/html' },
    });
    const operation = await app.fetch(
      'http://gateway.test/graphql?query=%7BprintTaskDefinitions%7Bid%7D%7D',
      { headers: { accept: 'application/json' } },
    );

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(operation.status).toBe(401);
    expect(http.sent).toHaveLength(0);
  });

  it('refuses a key in the query string even when it is right', async () => {
    const { http, app } = setup();

    const response = await app.fetch(`http://gateway.test/graphql?api_key=${KEY}`, query({}));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'CREDENTIALS_IN_URL' } }],
    });
    expect(http.sent).toHaveLength(0);
  });
});
