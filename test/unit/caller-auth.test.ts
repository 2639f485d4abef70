import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createGraphTransport } from '../../src/graph/client.js';
import { staticToken } from '../../src/graph/credentials.js';
import { GraphService } from '../../src/graph/service.js';
import { silentLogger } from '../../src/logger.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';

const KEY = 'release-station-key-0123456789';

function setup() {
  const http = new FakeGraphHttp(() => ({ status: 200, body: { value: [] } }));
  const graph = createGraphTransport({
    baseUrl: 'https://graph.example.test',
    auth: staticToken('t'),
    timeoutMs: 1_000,
    httpHandler: http,
  });
  return {
    http,
    app: createApp({ graph: new GraphService(graph), logger: silentLogger, apiKeys: [KEY] }),
  };
}

const query = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query: '{ printTaskDefinitions { id } }' }),
});

describe('caller authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key-0123456789' }],
    ['a key prefix', { authorization: `Bearer ${KEY.slice(0, 10)}` }],
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
});
