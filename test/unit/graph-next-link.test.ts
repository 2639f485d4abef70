/**
 * An `@odata.nextLink` that Graph (or something posing as it) sends for another host or another
 * collection is never followed: the field fails with UPSTREAM_UNEXPECTED_NEXT_LINK and no request
 * leaves for it, so the bearer token stays with Graph.
 */
import { describe, expect, it } from 'vitest';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const GRAPH = 'https://graph.microsoft.com';

function gatewayAnsweringJobsWith(nextLink: string) {
  const http = new FakeGraphHttp((request) => {
    if (request.path.startsWith('/print/printers/p1/jobs')) {
      return { status: 200, body: { value: [], '@odata.nextLink': nextLink } };
    }
    return { status: 200, body: { id: 'p1', displayName: 'Floor 1' } };
  });
  return { http, gateway: createTestGateway({ baseUrl: GRAPH, httpHandler: http }) };
}

const JOBS = `{ printer(id: "p1") { ... on Printer { jobs(first: 5) { __typename } } } }`;

describe('a page link Graph sends that leads elsewhere', () => {
  it.each([
    ['another host', 'https://evil.example/v1.0/print/printers/p1/jobs?$skiptoken=x'],
    ['another printer', `${GRAPH}/v1.0/print/printers/p2/jobs?$skiptoken=x`],
    ['another version', `${GRAPH}/beta/print/printers/p1/jobs?$skiptoken=x`],
  ])('is not followed when it names %s', async (_what, nextLink) => {
    const { http, gateway } = gatewayAnsweringJobsWith(nextLink);

    const response = await gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: JOBS }),
    });
    const result = (await response.json()) as { errors?: Array<{ extensions?: unknown }> };

    expect(result.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'UPSTREAM_UNEXPECTED_NEXT_LINK' } }),
    ]);
    expect(http.sent.map((sent) => sent.url).filter((url) => url.includes('skiptoken'))).toEqual(
      [],
    );
  });
});
