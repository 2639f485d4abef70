/**
 * `Upstream.drain()`, the Graph side of a graceful shutdown: whatever has not left yet (queued
 * behind the in-flight cap, waiting out a throttle window or a retry backoff) ends
 * `shutting-down` and never reaches Graph; what is already in flight finishes and is answered.
 */
import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../packages/gateway/src/errors.js';
import { GraphBatcher } from '../../packages/graph-client/src/batch.js';
import { type GraphCall, GraphTransportError } from '../../packages/graph-client/src/call.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { Deadline } from '../../packages/graph-client/src/deadline.js';
import { toGatewayError } from '../../packages/graph-client/src/errors.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import {
  DEFAULT_UPSTREAM_OPTIONS,
  Upstream,
} from '../../packages/graph-client/src/http/upstream.js';
import { FakeGraphHttp, type FakeHandler, graphError } from '../helpers/fake-graph-http.js';

const abort = (job: number): GraphCall => ({
  method: 'POST',
  url: `/print/printers/p/jobs/${job}/abort`,
});

function setup(handler: FakeHandler, maxInFlight = 16) {
  const http = new FakeGraphHttp(handler);
  const transport = createGraphTransport({
    baseUrl: 'https://graph.example.test',
    auth: staticToken('t'),
    timeoutMs: 5_000,
    httpHandler: http,
  });
  const upstream = new Upstream(transport, { ...DEFAULT_UPSTREAM_OPTIONS, maxInFlight });
  return { http, upstream };
}

/** Resolves once `predicate` holds; polls generously so a loaded machine does not flake. */
async function until(predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A handler whose answers wait until `release()`. */
function heldAnswers() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler: FakeHandler = async () => {
    await released;
    return { status: 204 };
  };
  return { handler, release };
}

function expectRefusedUnsent(outcome: unknown, call: GraphCall) {
  expect(outcome).toBeInstanceOf(GraphTransportError);
  expect((outcome as GraphTransportError).kind).toBe('shutting-down');
  const error = toGatewayError(outcome as GraphTransportError, call);
  expect(error).toBeInstanceOf(UpstreamUnavailableError);
  expect(error).toMatchObject({ code: 'SHUTTING_DOWN', outcomeUnknown: false });
  expect((error as Error).message).toMatch(/shutting down; the request was not sent/);
}

describe('Upstream.drain', () => {
  it('refuses writes queued behind the in-flight cap and lets the one in flight finish', async () => {
    const held = heldAnswers();
    const { http, upstream } = setup(held.handler, 1);
    const deadline = new Deadline(20_000);

    const first = upstream.exchange([abort(1)], deadline);
    await until(() => http.sent.length === 1);
    const queued = upstream.exchange([abort(2)], deadline);
    upstream.drain();

    expectRefusedUnsent((await queued)[0], abort(2));
    held.release();
    expect((await first)[0]).toMatchObject({ status: 204 });
    expect(http.sent.map((request) => request.path)).toEqual(['/print/printers/p/jobs/1/abort']);
  });

  it('refuses a call waiting out a throttle window at once', async () => {
    const { http, upstream } = setup(() =>
      graphError(429, 'TooManyRequests', { 'Retry-After': '8' }),
    );
    const deadline = new Deadline(20_000);
    await upstream.exchange([abort(1)], deadline);

    const waiting = upstream.exchange([abort(2)], deadline);
    upstream.drain();

    expectRefusedUnsent((await waiting)[0], abort(2));
    expect(http.sent).toHaveLength(1);
  });

  it('ends a retry backoff early and sends nothing more', async () => {
    const { http, upstream } = setup(() =>
      graphError(429, 'TooManyRequests', { 'Retry-After': '8' }),
    );
    const batcher = new GraphBatcher(upstream, new Deadline(20_000), {
      retry: { maxAttempts: 4, maxThrottledAttempts: 10, backoffBaseMs: 1, backoffMaxMs: 1 },
      batching: true,
    });

    const outcome = batcher.send(abort(1)).catch((error: unknown) => error);
    await until(() => http.sent.length === 1);
    upstream.drain();

    expectRefusedUnsent(await outcome, abort(1));
    expect(http.sent).toHaveLength(1);
  });

  it('makes every later exchange shutting-down', async () => {
    const { http, upstream } = setup(() => ({ status: 204 }));
    upstream.drain();

    expectRefusedUnsent((await upstream.exchange([abort(1)], new Deadline(5_000)))[0], abort(1));
    expect(http.sent).toHaveLength(0);
  });
});
