/**
 * The batcher and the $batch transport at the SDK seam: how calls are grouped into envelopes
 * and how each item's answer finds its caller.
 */
import { describe, expect, it } from 'vitest';
import { GraphBatcher } from '../../packages/graph-client/src/batch.js';
import type { GraphCall } from '../../packages/graph-client/src/call.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { Deadline } from '../../packages/graph-client/src/deadline.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import { Upstream } from '../../packages/graph-client/src/http/upstream.js';
import { FakeGraphHttp, type FakeHandler } from '../helpers/fake-graph-http.js';

type Item = { id: string; method: string; url: string; body?: unknown };

/** Answers each item from `answer`, in reverse order as Graph may. */
function batchAnswering(
  answer: (item: Item) => { status: number; headers?: Record<string, string>; body?: unknown },
): FakeHandler {
  return (request) => {
    if (request.path !== '/$batch') return { status: 200, body: { single: request.path } };
    const { requests } = request.body as { requests: Item[] };
    return {
      status: 200,
      body: { responses: requests.map((item) => ({ id: item.id, ...answer(item) })).reverse() },
    };
  };
}

function setup(handler: FakeHandler) {
  const http = new FakeGraphHttp(handler);
  const transport = createGraphTransport({
    baseUrl: 'https://graph.example.test',
    auth: staticToken('t'),
    timeoutMs: 1_000,
    httpHandler: http,
  });
  const upstream = new Upstream(transport);
  const batcher = new GraphBatcher(upstream, new Deadline(5_000), {
    retry: { maxAttempts: 1, maxThrottledAttempts: 1, backoffBaseMs: 1, backoffMaxMs: 1 },
    batching: true,
  });
  return { http, batcher, upstream };
}

/** The items of the n-th envelope the SDK sent. */
function envelope(http: FakeGraphHttp, n = 0): Item[] {
  return (http.sent[n]?.body as { requests: Item[] } | undefined)?.requests ?? [];
}

const get = (n: number): GraphCall => ({ method: 'GET', url: `/print/printers/p/jobs/${n}` });

describe('GraphBatcher', () => {
  it('sends 25 reads of one tick as two envelopes of 20 and 5', async () => {
    const { http, batcher } = setup(
      batchAnswering((item) => ({
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: { url: item.url },
      })),
    );

    const replies = await Promise.all(Array.from({ length: 25 }, (_, n) => batcher.send(get(n))));

    expect([envelope(http, 0).length, envelope(http, 1).length, http.sent.length]).toEqual([
      20, 5, 2,
    ]);
    // Each caller gets its own item although Graph answered in reverse order.
    expect(replies.map((reply) => (reply.body as { url: string }).url)).toEqual(
      Array.from({ length: 25 }, (_, n) => `/print/printers/p/jobs/${n}`),
    );
  });

  it('sends identical reads of one request once', async () => {
    const { http, batcher } = setup(batchAnswering(() => ({ status: 200, body: {} })));

    await Promise.all([batcher.send(get(1)), batcher.send(get(1)), batcher.send(get(2))]);

    expect(envelope(http).map((r) => r.url)).toEqual([
      '/print/printers/p/jobs/1',
      '/print/printers/p/jobs/2',
    ]);
  });

  it('never merges two identical writes', async () => {
    const { http, batcher } = setup(batchAnswering(() => ({ status: 204 })));
    const abort: GraphCall = { method: 'POST', url: '/print/printers/p/jobs/1/abort' };

    await Promise.all([batcher.send(abort), batcher.send(abort)]);

    expect(envelope(http)).toHaveLength(2);
  });

  it('gives each item its own status: one failing item does not fail its siblings', async () => {
    const { batcher } = setup(
      batchAnswering((item) =>
        item.url.endsWith('/2')
          ? {
              status: 429,
              headers: { 'Retry-After': '7' },
              body: { error: { code: 'TooManyRequests' } },
            }
          : { status: 200, body: { ok: item.url } },
      ),
    );

    const [one, two, three] = await Promise.all([1, 2, 3].map((n) => batcher.send(get(n))));

    expect([one?.status, two?.status, three?.status]).toEqual([200, 429, 200]);
    expect(two?.headers).toMatchObject({ 'retry-after': '7' });
  });

  it('puts a body and its Content-Type on write items', async () => {
    const { http, batcher } = setup(batchAnswering(() => ({ status: 200, body: {} })));
    const patch: GraphCall = {
      method: 'PATCH',
      url: '/print/taskDefinitions/d/tasks/t',
      body: { status: { state: 'completed' } },
    };

    await Promise.all([batcher.send(patch), batcher.send(get(1))]);

    expect(envelope(http)[0]).toEqual({
      id: '1',
      method: 'PATCH',
      url: '/print/taskDefinitions/d/tasks/t',
      headers: { 'Content-Type': 'application/json' },
      body: { status: { state: 'completed' } },
    });
  });

  it('applies a throttled envelope to every item in it', async () => {
    const { batcher } = setup(() => ({ status: 429, headers: { 'Retry-After': '3' } }));

    const replies = await Promise.all([batcher.send(get(1)), batcher.send(get(2))]);

    expect(replies.map((reply) => [reply.status, reply.headers['retry-after']])).toEqual([
      [429, '3'],
      [429, '3'],
    ]);
  });

  it('fails only the item Graph left out of its answer', async () => {
    const { batcher } = setup((request) => {
      const { requests } = request.body as { requests: Item[] };
      return { status: 200, body: { responses: [{ id: requests[0]?.id, status: 200, body: {} }] } };
    });

    const [first, second] = await Promise.allSettled([batcher.send(get(1)), batcher.send(get(2))]);

    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(second).toMatchObject({ status: 'rejected', reason: { kind: 'network' } });
  });
});
