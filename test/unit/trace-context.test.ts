/**
 * Tracing in-process, with the real SDK and an in-memory exporter, Graph faked at the SDK's last
 * link: each operation of a batched GraphQL-over-HTTP request gets its own span under the
 * active one, and nothing of the trace context is sent to Graph.
 */
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

const job = (id: string) => ({
  id,
  createdDateTime: '2026-11-21T09:00:00Z',
  status: { state: 'paused', details: ['releaseWait'], isAcquiredByPrinter: false },
  tasks: [],
});

/** Every job exists; envelopes are answered item by item with a request-id of their own. */
const graph = new FakeGraphHttp((request) => {
  if (request.path !== '/$batch') {
    return { status: 200, headers: { 'request-id': 'direct-request-id' }, body: job('5182') };
  }
  const { requests } = request.body as { requests: Array<{ id: string; url: string }> };
  return {
    status: 200,
    headers: { 'request-id': 'envelope-request-id' },
    body: {
      responses: requests.map((item) => ({
        id: item.id,
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: job(/\/jobs\/([^/?]+)/.exec(item.url)?.[1] ?? ''),
      })),
    },
  };
});

describe('trace context', () => {
  it('gives each operation of a batched request its own span, and sends no trace context to Graph', async () => {
    const gateway = createTestGateway({
      baseUrl: 'https://graph.example.test',
      httpHandler: graph,
    });
    const outer = trace.getTracer('test').startSpan('caller');
    const response = await context.with(trace.setSpan(ROOT_CONTEXT, outer), () =>
      gateway.app.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { query: 'query One { a: printJob(printerId: "p-1", id: "5182") { __typename } }' },
          {
            query: `query Two {
              b: printJob(printerId: "p-1", id: "5183") { __typename }
              c: printJob(printerId: "p-1", id: "5184") { __typename }
            }`,
          },
        ]),
      }),
    );
    outer.end();

    expect(response.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.name.startsWith('query '));
    expect(operations.map((span) => span.name).sort()).toEqual(['query One', 'query Two']);
    for (const operation of operations) {
      expect(operation.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
      expect(operation.spanContext().traceId).toBe(outer.spanContext().traceId);
    }
    const operationIds = operations.map((span) => span.spanContext().spanId);
    const exchanges = spans.filter((span) => span.name.startsWith('graph ') && span.kind === 2);
    expect(exchanges.length).toBeGreaterThan(0);
    expect(
      exchanges.every((span) => operationIds.includes(span.parentSpanContext?.spanId ?? '')),
    ).toBe(true);
    // Three reads reached Graph, none of them carrying the caller's trace.
    expect(graph.sent.length).toBeGreaterThan(0);
    for (const sent of graph.sent) {
      expect(Object.keys(sent.headers)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(traceparent|tracestate|baggage)$/)]),
      );
      expect(sent.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
