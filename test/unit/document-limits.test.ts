/** Hostile documents are refused before any resolver runs, so they cost Graph nothing. */
import { describe, expect, it } from 'vitest';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/gateway.js';

async function post(query: string) {
  const http = new FakeGraphHttp(() => ({ status: 200, body: { value: [] } }));
  const gateway = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
  const response = await gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    http,
    response,
    body: (await response.json()) as { errors?: Array<{ message: string }> },
  };
}

describe('document limits', () => {
  it('refuses a document nested deeper than 8 levels', async () => {
    const deep =
      '{ printTaskDefinitions { tasks { printJob { tasks { printJob { tasks { printJob { tasks { printJob { id } } } } } } } } } }';
    const { http, body } = await post(deep);
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    expect(http.sent).toHaveLength(0);
  });

  it('refuses a document with more than 100 aliases', async () => {
    const aliases = Array.from(
      { length: 101 },
      (_, n) => `a${n}: printTaskDefinitions { id }`,
    ).join(' ');
    const { http, body } = await post(`{ ${aliases} }`);
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
    expect(http.sent).toHaveLength(0);
  });

  it('refuses a request body over one megabyte', async () => {
    const { http, response } = await post(
      `{ printTaskDefinitions { id } } #${'x'.repeat(1_100_000)}`,
    );
    expect(response.status).toBe(413);
    expect(http.sent).toHaveLength(0);
  });
});
