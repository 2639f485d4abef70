/**
 * OpenTelemetry tracing end to end: a real gateway process on the emulator (one this file starts,
 * so that the production entry, which embeds none, runs it too: .ci/run step 6b) exports
 * over OTLP/HTTP (JSON) to a real receiver in the test, and the span tree of a batched request
 * is what an operator follows a support ticket through. Without an endpoint nothing is exported
 * and the SDK is never loaded.
 */

import { DEMO, type RunningEmulator, startEmulator } from '@universal-print-gateway/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  killGatewayProcesses,
  onRunningEmulator,
  startGatewayProcess,
} from '../helpers/gateway-process.js';
import { type ReceivedSpan, startOtlpReceiver } from '../helpers/otlp-receiver.js';

afterEach(killGatewayProcesses);

const API_KEY = 'a-key-of-sixteen-chars';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROBE = new URL('../helpers/loaded-packages-probe.mjs', import.meta.url).pathname;

/** Four reads of one request: one `$batch` envelope of four items, the last one a 404. */
const TRACED_JOBS = `
  query TracedJobs($printerId: ID!, $a: ID!, $b: ID!, $c: ID!, $missing: ID!) {
    a: printJob(printerId: $printerId, id: $a) { __typename }
    b: printJob(printerId: $printerId, id: $b) { __typename }
    c: printJob(printerId: $printerId, id: $c) { __typename }
    missing: printJob(printerId: $printerId, id: $missing) {
      __typename
      ... on NotFoundError { code requestId }
    }
  }
`;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator?.close());

function startGateway(env: Record<string, string>) {
  return startGatewayProcess({
    ...onRunningEmulator(emulator.url),
    // No background Graph calls (subscription manager, reconciliation): each is a trace of its
    // own, and these tests expect the request's trace alone.
    GATEWAY_GRAPH_SUBSCRIPTIONS: 'false',
    GATEWAY_RECONCILE_INTERVAL_MS: '0',
    GATEWAY_API_KEYS: `ci:Print.Release.All:${API_KEY}`,
    NODE_OPTIONS: `--import=${PROBE}`,
    ...env,
  });
}

async function tracedJobs(url: string): Promise<Record<string, { __typename: string }>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${API_KEY}`,
      traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
    },
    body: JSON.stringify({
      query: TRACED_JOBS,
      variables: {
        printerId: DEMO.printers.floor1,
        a: DEMO.jobs.floor1WaitingAdele,
        b: DEMO.jobs.floor1WaitingMegan,
        c: DEMO.jobs.floor1Completed,
        missing: '999999',
      },
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: Record<string, { __typename: string }> };
  return body.data;
}

/** The exactly one span that matches, with a message naming what was there instead. */
function only(spans: ReceivedSpan[], matches: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(matches);
  expect(found, JSON.stringify(spans.map((span) => span.name))).toHaveLength(1);
  return found[0] as ReceivedSpan;
}

const loadedPackages = (lines: Array<Record<string, unknown>>): unknown =>
  lines.find((line) => line['message'] === 'Loaded packages')?.['openTelemetry'];

// Each test starts a gateway process and stops it: slower than the default on two shared cores.
describe('tracing over OTLP', { timeout: 60_000 }, () => {
  it('exports the span tree of a batched request, continuing the caller’s traceparent, and flushes it on shutdown', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const gateway = startGateway({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'gateway-under-test',
        // Longer than the test: every span must come from the flush at shutdown.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      });
      const url = await gateway.listening;

      const data = await tracedJobs(url);
      expect(receiver.spans).toEqual([]);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);

      expect(data['a']?.__typename).toBe('PrintJob');
      const missing = data['missing'] as unknown as { __typename: string; requestId: string };
      expect(missing.__typename).toBe('NotFoundError');
      const spans = receiver.spans;
      expect(
        receiver.requests.every((line) => line.startsWith('POST /v1/traces application/json')),
      ).toBe(true);
      expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([TRACE_ID]));
      expect(spans.every((span) => span.resource['service.name'] === 'gateway-under-test')).toBe(
        true,
      );

      const request = only(spans, (span) => span.kind === 2);
      expect(request).toMatchObject({
        name: 'POST /graphql',
        parentSpanId: CALLER_SPAN_ID,
        attributes: { 'http.request.method': 'POST', 'http.response.status_code': 200 },
      });

      const operation = only(spans, (span) => span.parentSpanId === request.spanId);
      expect(operation).toMatchObject({
        name: 'query TracedJobs',
        attributes: {
          'graphql.operation.type': 'query',
          'graphql.operation.name': 'TracedJobs',
          'graphql.response.errors': 0,
          'graphql.result.typenames': ['PrintJob', 'PrintJob', 'PrintJob', 'NotFoundError'],
        },
      });

      const envelope = only(spans, (span) => span.parentSpanId === operation.spanId);
      expect(envelope).toMatchObject({
        name: 'graph POST /$batch',
        kind: 3,
        statusCode: 2,
        attributes: {
          'graph.batch.size': 4,
          'graph.batch.item_statuses': [200, 200, 200, 404],
          'graph.attempt': 1,
          'graph.retries': 0,
          'http.response.status_code': 200,
        },
      });
      const clientRequestId = envelope.attributes['graph.client_request_id'];
      const envelopeRequestId = envelope.attributes['graph.request_id'];
      expect(clientRequestId).toMatch(GUID);
      expect(envelopeRequestId).toMatch(GUID);

      const items = spans.filter((span) => span.parentSpanId === envelope.spanId);
      expect(items.map((item) => item.attributes['graph.batch.item_id'])).toEqual(
        expect.arrayContaining(['1', '2', '3', '4']),
      );
      expect(items).toHaveLength(4);
      for (const item of items) {
        expect(item).toMatchObject({
          name: 'graph GET /print/printers/{id}/jobs/{id}',
          attributes: {
            'http.request.method': 'GET',
            'graph.route': '/print/printers/{id}/jobs/{id}',
            'graph.client_request_id': clientRequestId,
            'graph.attempt': 1,
          },
        });
        expect(item.attributes['graph.request_id']).toMatch(GUID);
      }
      const notFound = only(items, (item) => item.attributes['http.response.status_code'] === 404);
      // The id the client was shown is the one on the span: one support ticket, one trace.
      expect(notFound.attributes['graph.request_id']).toBe(missing.requestId);
      expect(notFound.attributes['graph.request_id']).not.toBe(envelopeRequestId);
      expect(notFound.statusCode).toBe(2);
      expect(spans).toHaveLength(3 + items.length);
      expect(loadedPackages(gateway.lines)).toEqual(
        expect.arrayContaining([
          '@opentelemetry/sdk-trace-node',
          '@opentelemetry/exporter-trace-otlp-http',
        ]),
      );
    } finally {
      await receiver.close();
    }
  });

  it('shows a call Graph throttled inside its envelope, then its retry as a second exchange', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const gateway = startGateway({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      });
      const url = await gateway.listening;
      const fault = await fetch(`${emulator.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'GET',
          path: `^/print/printers/[^/]+/jobs/${DEMO.jobs.floor1WaitingMegan}$`,
          status: 429,
          retryAfterSeconds: 1,
          times: 1,
        }),
      });
      expect(fault.status).toBe(201);

      const data = await tracedJobs(url);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);

      expect(data['b']?.__typename).toBe('PrintJob');
      const spans = receiver.spans;
      const envelope = only(spans, (span) => span.name === 'graph POST /$batch');
      expect(envelope.attributes).toMatchObject({
        'graph.batch.item_statuses': [200, 429, 200, 404],
        'graph.attempt': 1,
      });
      const retry = only(spans, (span) => span.kind === 3 && span !== envelope);
      expect(retry).toMatchObject({
        name: 'graph GET /print/printers/{id}/jobs/{id}',
        parentSpanId: envelope.parentSpanId,
        attributes: {
          'graph.batch.size': 1,
          'graph.attempt': 2,
          'graph.retries': 1,
          'graph.retry_wait_ms': 1_000,
          'http.response.status_code': 200,
        },
      });
      expect(retry.attributes['graph.client_request_id']).toMatch(GUID);
      expect(retry.attributes['graph.client_request_id']).not.toBe(
        envelope.attributes['graph.client_request_id'],
      );
    } finally {
      await receiver.close();
    }
  });

  it('exports nothing and never loads the SDK when no endpoint is configured', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const gateway = startGateway({
        // Everything but an endpoint: tracing stays off.
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '10',
      });
      const url = await gateway.listening;

      const data = await tracedJobs(url);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);

      expect(data['a']?.__typename).toBe('PrintJob');
      expect(receiver.requests).toEqual([]);
      expect(
        gateway.lines.some((line) => line['message'] === 'Tracing on: exporting spans over OTLP'),
      ).toBe(false);
      // The API alone (the no-op tracer the code calls); no SDK, no exporter.
      expect(loadedPackages(gateway.lines)).toEqual(['@opentelemetry/api']);
    } finally {
      await receiver.close();
    }
  });
});
