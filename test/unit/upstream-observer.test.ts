/**
 * The graph client's hooks (packages/graph-client/src/http/upstream-observer.ts): what the gateway's metrics
 * and spans attach to instead of being imported by packages/graph-client/src/. Graph is faked at the SDK seam.
 */
import { describe, expect, it } from 'vitest';
import { ObservedGraphService } from '../../packages/gateway/src/observed-graph.js';
import type { GraphCall } from '../../packages/graph-client/src/call.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { Deadline } from '../../packages/graph-client/src/deadline.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import { Upstream } from '../../packages/graph-client/src/http/upstream.js';
import {
  FIRST_ATTEMPT,
  type UpstreamObserver,
  UpstreamObservers,
} from '../../packages/graph-client/src/http/upstream-observer.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';

const get = (n: number): GraphCall => ({ method: 'GET', url: `/print/printers/p/jobs/${n}` });

function transport() {
  const http = new FakeGraphHttp((request) => {
    if (request.path !== '/$batch') return { status: 200, body: { id: 'one' } };
    const { requests } = request.body as { requests: Array<{ id: string }> };
    return {
      status: 200,
      body: { responses: requests.map((item) => ({ id: item.id, status: 200, body: {} })) },
    };
  });
  return createGraphTransport({
    baseUrl: 'https://graph.example.test',
    auth: staticToken('t'),
    timeoutMs: 1_000,
    httpHandler: http,
  });
}

/** An observer that writes down every hook it is told, in order. */
function recorder(name: string, told: string[]): UpstreamObserver {
  return {
    async aroundExchange(calls, attempt, run) {
      told.push(`${name}: open ${calls.length} #${attempt.attempt}`);
      const outcomes = await run();
      told.push(`${name}: close`);
      return outcomes;
    },
    direct: () => told.push(`${name}: direct`),
    envelope: (size) => told.push(`${name}: envelope ${size}`),
    answered: (calls, outcomes) =>
      told.push(`${name}: answered ${calls.length}/${outcomes.length}`),
  };
}

describe('the upstream observers', () => {
  it('tells every attached observer of an exchange, the first attached wrapping the others', async () => {
    const told: string[] = [];
    const upstream = new Upstream(transport());
    upstream.observe(recorder('spans', told));
    upstream.observe(recorder('metrics', told));

    await upstream.exchange([get(1), get(2)], new Deadline(5_000));

    expect(told).toEqual([
      'spans: open 2 #1',
      'metrics: open 2 #1',
      'spans: envelope 2',
      'metrics: envelope 2',
      'spans: answered 2/2',
      'metrics: answered 2/2',
      'metrics: close',
      'spans: close',
    ]);
  });

  it('runs an exchange as it is when no observer is attached', async () => {
    const observers = new UpstreamObservers();
    const outcomes = await observers.aroundExchange([get(1)], FIRST_ATTEMPT, async () => [
      { status: 204, headers: {}, body: null },
    ]);
    expect(outcomes).toEqual([{ status: 204, headers: {}, body: null }]);
  });

  it('counts on the gateway’s observed service, and reads its gauges from the upstream', async () => {
    const observed = new ObservedGraphService(transport());
    await observed.session().call(get(1));

    expect(observed.metrics.snapshot()).toMatchObject({ httpRequests: 1, directCalls: 1 });
    expect(
      await observed.metrics.registry.getSingleMetricAsString('graph_requests_in_flight'),
    ).toMatch(/^graph_requests_in_flight 0$/m);
  });
});
