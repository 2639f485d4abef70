/**
 * No answer carries an error's internals (`originalError`, a stack, a file path), in any mode:
 * checked in development mode, where yoga would otherwise add them (src/edge/error-scrubbing.ts,
 * src/mask-error.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeGraphHttp, type FakeHandler } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const INTERNALS = /originalError|stack|\bat \S+ \(|node_modules|\/work\/|\.ts:\d+|\.js:\d+/;

async function send(body: string, handler: FakeHandler = () => ({ status: 200, body: {} })) {
  const http = new FakeGraphHttp(handler);
  const { app } = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
  const response = await app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  return { response, text: await response.text() };
}

describe('error answers in development mode', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'development');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('malformed JSON: 400, BAD_REQUEST, no parser detail', async () => {
    const { response, text } = await send('{"query": ');
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('an unexpected failure in a resolver: masked, no stack', async () => {
    // Graph answers a list with a bare string: the resolver throws a TypeError.
    const { text } = await send(
      JSON.stringify({ query: '{ printTaskDefinitions { id } }' }),
      () => ({
        status: 200,
        body: 'not a Graph collection',
      }),
    );
    const answer = JSON.parse(text) as { errors: Array<{ extensions: { code: string } }> };
    expect(answer.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(INTERNALS);
  });

  it('a 2,000-level nested literal: refused 400, no stack overflow', async () => {
    const literal = `${'{a:'.repeat(2_000)}1${'}'.repeat(2_000)}`;
    const { response, text } = await send(
      JSON.stringify({ query: `{ printer(id: ${literal}) { __typename } }` }),
    );
    expect(response.status).toBe(400);
    expect(text).not.toMatch(/Maximum call stack/);
    expect(text).not.toMatch(INTERNALS);
  });
});
