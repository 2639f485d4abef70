/**
 * The Prometheus metrics of a real gateway: its HTTP server and its metrics listener on
 * loopback ports, the real Graph SDK against the emulator (faults injected there), scraped
 * over the wire as Prometheus would.
 */
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DEMO } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { createMetricsServer } from '../../packages/gateway/src/metrics/metrics-server.js';
import { Readiness } from '../../packages/gateway/src/server/readiness.js';
import { createHttpServer } from '../../packages/gateway/src/server/server.js';
import { DEFAULT_HTTP_SERVER_SETTINGS } from '../../packages/gateway/src/server/settings.js';
import { type ShutdownDependencies, shutDown } from '../../packages/gateway/src/server/shutdown.js';
import type { GraphServiceOptions } from '../../packages/graph-client/src/service.js';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  ReleaseScreenDocument,
} from '../__generated__/graphql.js';
import { metricTypes, parseSamples, type Sample, sumOf } from '../helpers/prometheus-text.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const KEY = 'metrics-test-key-0123456789';
const env = useEmulator();

interface Running {
  /** The gateway's origin. */
  gateway: string;
  /** The metrics listener's origin. */
  metrics: string;
  /** What main.ts hands to the shutdown. */
  parts: Pick<ShutdownDependencies, 'http' | 'upstream' | 'closeMetrics'>;
  close(): Promise<void>;
}

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function listen(server: import('node:http').Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startGateway(
  options: { maxOperationNames?: number; service?: Partial<GraphServiceOptions> } = {},
): Promise<Running> {
  const { app, service, metrics } = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    ...(options.service ? { service: options.service } : {}),
    maxOperationNames: options.maxOperationNames ?? 50,
    app: {
      authentication: {
        serviceKeys: parseServiceKeys(`tester:Print.Release.All:${KEY}`),
        allowAnonymous: false,
      },
    },
  });
  const http = createHttpServer({
    app,
    readiness: new Readiness(),
    settings: DEFAULT_HTTP_SERVER_SETTINGS,
  });
  const scrapes = createMetricsServer(metrics.registry, DEFAULT_HTTP_SERVER_SETTINGS);
  running = {
    gateway: await listen(http.server),
    metrics: await listen(scrapes.server),
    parts: { http, upstream: service.upstream, closeMetrics: scrapes.close },
    close: async () => {
      http.server.closeAllConnections();
      await new Promise((resolve) => http.server.close(resolve));
      await scrapes.close();
    },
  };
  return running;
}

async function post(gateway: string, body: unknown): Promise<Response> {
  return fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
}

async function execute<Result, Variables>(
  gateway: string,
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<{ data?: Result; errors?: unknown[] }> {
  return (await post(gateway, { query: print(document), variables })).json();
}

async function scrape(metrics: string): Promise<{ text: string; samples: Sample[] }> {
  const response = await fetch(`${metrics}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  return { text, samples: parseSamples(text) };
}

const operationCount = (samples: Sample[], labels: Record<string, string>) =>
  sumOf(samples, 'graphql_operation_duration_seconds_count', labels);

const JOB_ROUTE = '/print/printers/{id}/jobs/{id}';
const ABORT_ROUTE = '/print/printers/{id}/jobs/{id}/abort';
const abortInput = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele };

describe('the metrics listener', () => {
  it('times operations by name and result, and counts Graph calls by route and status', async () => {
    const { gateway, metrics } = await startGateway();
    // One read answered 503 and retried; one abort answered 429 and resent.
    env.emulator.faults.add({ method: 'GET', path: '/jobs/[^/]+$', status: 503, times: 1 });
    env.emulator.faults.add({
      path: '/jobs/[^/]+/abort$',
      status: 429,
      retryAfterSeconds: 0.05,
      times: 1,
    });

    const screen = await execute(gateway, ReleaseScreenDocument);
    const job = await execute(gateway, PrintJobDocument, {
      printerId: DEMO.printers.floor2,
      id: DEMO.jobs.floor2WaitingMegan,
    });
    const aborted = await execute(gateway, AbortPrintJobDocument, { input: abortInput });
    const missing = await execute(gateway, AbortPrintJobDocument, {
      input: { printerId: DEMO.printers.floor1, printJobId: '999999' },
    });

    expect(screen.errors).toBeUndefined();
    expect(job.data?.printJob.__typename).toBe('PrintJob');
    expect(aborted.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
    expect(missing.data?.abortPrintJob.__typename).toBe('NotFoundError');
    const { samples } = await scrape(metrics);

    expect(
      operationCount(samples, {
        operation: 'ReleaseScreen',
        result: 'PrintTaskDefinition',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      operationCount(samples, { operation: 'PrintJob', result: 'PrintJob', outcome: 'success' }),
    ).toBe(1);
    expect(
      operationCount(samples, {
        operation: 'AbortPrintJob',
        result: 'AbortPrintJobSuccess',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      operationCount(samples, {
        operation: 'AbortPrintJob',
        result: 'NotFoundError',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(sumOf(samples, 'graph_calls_total', { route: JOB_ROUTE, status: '503' })).toBe(1);
    expect(
      sumOf(samples, 'graph_calls_total', { method: 'GET', route: JOB_ROUTE, status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sumOf(samples, 'graph_calls_total', { method: 'POST', route: ABORT_ROUTE, status: '429' }),
    ).toBe(1);
    expect(
      sumOf(samples, 'graph_calls_total', { method: 'POST', route: ABORT_ROUTE, status: '204' }),
    ).toBe(1);
    expect(sumOf(samples, 'graph_retries_total')).toBe(2);
    // No label carries an id: every route is a template.
    const routes = samples
      .filter((s) => s.name === 'graph_calls_total')
      .map((s) => s.labels['route']);
    for (const route of routes) expect(route).not.toMatch(/[0-9a-f]{8}-|\/\d+(\/|$)/);
    // Each HTTP request that executed reports the Graph calls it paid for.
    expect(sumOf(samples, 'graph_calls_per_request_count')).toBe(4);
    // Every request sent to Graph is counted, as the emulator saw it.
    const sent = env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-item');
    expect(sumOf(samples, 'graph_http_requests_total')).toBe(sent.length);
  });

  it('shows the throttle window Graph opened, and the call it answered locally', async () => {
    const { gateway, metrics } = await startGateway();
    env.emulator.faults.add({ path: '/abort$', status: 429, retryAfterSeconds: 60, times: 1 });

    const throttled = await execute(gateway, AbortPrintJobDocument, { input: abortInput });
    const later = await execute(gateway, PrintJobDocument, {
      printerId: DEMO.printers.floor2,
      id: DEMO.jobs.floor2WaitingMegan,
    });

    expect(throttled.data?.abortPrintJob.__typename).toBe('ThrottledError');
    expect(later.data?.printJob.__typename).toBe('ThrottledError');
    const { samples } = await scrape(metrics);
    expect(sumOf(samples, 'graph_throttle_window_remaining_seconds')).toBeGreaterThan(50);
    expect(
      operationCount(samples, {
        operation: 'PrintJob',
        result: 'ThrottledError',
        outcome: 'error',
      }),
    ).toBe(1);
    // The later read never reached Graph: no call of it is counted.
    expect(sumOf(samples, 'graph_calls_total', { route: JOB_ROUTE })).toBe(0);
    expect(sumOf(samples, 'graph_requests_in_flight')).toBe(0);
  });

  it('counts refusals of the per-request call budget', async () => {
    const { gateway, metrics } = await startGateway({ service: { maxCallsPerRequest: 1 } });
    const read = (alias: string, id: string) =>
      `${alias}: printJob(printerId: "${DEMO.printers.floor1}", id: "${id}") { __typename }`;

    const response = await post(gateway, {
      query: `query TwoJobs { ${read('a', DEMO.jobs.floor1WaitingAdele)} ${read('b', DEMO.jobs.floor1WaitingMegan)} }`,
    });

    const { data } = (await response.json()) as { data: Record<string, { __typename: string }> };
    expect(
      Object.values(data)
        .map((job) => job.__typename)
        .sort(),
    ).toEqual(['CallBudgetExceededError', 'PrintJob']);
    const { samples } = await scrape(metrics);
    expect(sumOf(samples, 'graph_call_budget_refusals_total')).toBe(1);
    expect(sumOf(samples, 'graph_calls_per_request_sum')).toBe(1);
    expect(
      operationCount(samples, {
        operation: 'TwoJobs',
        result: 'CallBudgetExceededError',
        outcome: 'error',
      }),
    ).toBe(1);
  });

  it('keeps a flood of distinct operation names within the cap', async () => {
    const { gateway, metrics } = await startGateway({ maxOperationNames: 5 });
    const flood = Array.from({ length: 300 }, (_, n) => ({
      query: `query Random${n}x${Math.random().toString(36).slice(2)} { __typename }`,
    }));

    // In batches of 10, the most a GraphQL-over-HTTP request may carry.
    for (let start = 0; start < flood.length; start += 10) {
      expect((await post(gateway, flood.slice(start, start + 10))).status).toBe(200);
    }

    const { samples } = await scrape(metrics);
    const series = samples.filter((s) => s.name === 'graphql_operation_duration_seconds_count');
    const operations = new Set(series.map((s) => s.labels['operation']));
    // The gateway's own name (GraphiQL's ReleaseScreen) keeps one of the 5 places: 4 are left.
    expect(operations.size).toBe(5);
    expect(operations.has('other')).toBe(true);
    expect(operationCount(samples, { operation: 'other' })).toBe(296);
    expect(sumOf(samples, 'graphql_operation_duration_seconds_count')).toBe(300);
  });

  it('admits no new name from a document that fails validation', async () => {
    const { gateway, metrics } = await startGateway({ maxOperationNames: 5 });

    await post(gateway, { query: 'query NoSuchField { doesNotExist }' });
    await post(gateway, { query: 'query Broken {' });

    const { samples } = await scrape(metrics);
    expect(
      operationCount(samples, {
        operation: 'other',
        result: 'GRAPHQL_VALIDATION_FAILED',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(operationCount(samples, { operation: 'unknown', result: 'GRAPHQL_PARSE_FAILED' })).toBe(
      1,
    );
    expect(operationCount(samples, { operation: 'NoSuchField' })).toBe(0);
  });

  it('serves the process metrics and declares every family once', async () => {
    const { metrics } = await startGateway();

    const { text, samples } = await scrape(metrics);

    const types = metricTypes(text);
    expect(types.get('process_cpu_seconds_total')).toBe('counter');
    expect(types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(types.get('graphql_operation_duration_seconds')).toBe('histogram');
    expect(types.get('graph_requests_in_flight')).toBe('gauge');
    expect(sumOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text.match(/^# TYPE /gm)?.length).toBe(types.size);
  });

  it('answers GET /metrics only, and a malformed Host with 400', async () => {
    const { metrics } = await startGateway();

    expect((await fetch(`${metrics}/graphql`)).status).toBe(404);
    const post = await fetch(`${metrics}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${metrics}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const { port } = new URL(metrics);
    const raw = await rawRequest(Number(port), 'GET /metrics HTTP/1.1\r\nHost: a b\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('the shutdown', () => {
  it('closes the metrics listener once the gateway has drained', async () => {
    const { metrics, parts } = await startGateway();
    await scrape(metrics);

    const code = await shutDown({
      ...parts,
      readiness: new Readiness(),
      closeGraph: async () => {},
      graceMs: 5_000,
      logger: silentLogger,
    });

    expect(code).toBe(0);
    await expect(fetch(`${metrics}/metrics`)).rejects.toThrow();
  });
});

describe('the gateway port', () => {
  it('no longer serves /metrics: 401 without credentials, 404 with them', async () => {
    const { gateway } = await startGateway();

    const anonymous = await fetch(`${gateway}/metrics`);
    const keyed = await fetch(`${gateway}/metrics`, {
      headers: { authorization: `Bearer ${KEY}` },
    });

    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('graph_');
    expect(keyed.status).toBe(404);
    expect(await keyed.text()).not.toContain('graph_');
  });
});

async function rawRequest(port: number, text: string): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}
