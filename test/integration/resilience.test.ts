/**
 * Retries, deadlines and throttling against the emulator over real sockets, counted where
 * Graph would count them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  PrintJobsDocument,
} from '../__generated__/graphql.js';
import { createTestGateway, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

const JOB_PATH = '/jobs/[^/]+$';
const ABORT_PATH = '/jobs/[^/]+/abort$';
const abortInput = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele };
const twoJobs = {
  printerId: DEMO.printers.floor1,
  a: DEMO.jobs.floor1WaitingAdele,
  b: DEMO.jobs.floor1WaitingMegan,
};

const logged = (pathEnd: string) =>
  env.emulator.requests.entries().filter((entry) => entry.path.endsWith(pathEnd));

describe('retries inside $batch', () => {
  it('retries a throttled item and does not resend its sibling', async () => {
    env.emulator.faults.add({
      path: `${DEMO.jobs.floor1WaitingMegan}$`,
      scope: 'batch-item',
      status: 429,
      retryAfterSeconds: 0.05,
      times: 1,
    });

    const result = await env.gateway.execute(PrintJobsDocument, twoJobs);

    expect([result.data?.a.__typename, result.data?.b.__typename]).toEqual([
      'PrintJob',
      'PrintJob',
    ]);
    expect(logged(`/${DEMO.jobs.floor1WaitingAdele}`).map((entry) => entry.status)).toEqual([200]);
    expect(logged(`/${DEMO.jobs.floor1WaitingMegan}`).map((entry) => entry.status)).toEqual([
      429, 200,
    ]);
    expect(env.gateway.service.metrics.snapshot()).toMatchObject({ envelopes: 1, retries: 1 });
  });

  it('retries every item of an envelope answered 429', async () => {
    env.emulator.faults.add({
      path: '^/\\$batch$',
      scope: 'batch-envelope',
      status: 429,
      retryAfterSeconds: 0.05,
      times: 1,
    });

    const result = await env.gateway.execute(PrintJobsDocument, twoJobs);

    expect([result.data?.a.__typename, result.data?.b.__typename]).toEqual([
      'PrintJob',
      'PrintJob',
    ]);
    expect(env.upstream()).toMatchObject({ envelopes: 2, items: 2 });
  });

  it('resends an abort answered 429: Graph did not apply it', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 429, retryAfterSeconds: 0.05, times: 1 });

    const result = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
    expect(logged('/abort').map((entry) => entry.status)).toEqual([429, 204]);
  });

  it('does not resend an abort answered 503, and says its outcome is unknown', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 503, times: 1 });

    const result = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      outcomeUnknown: true,
    });
    expect(logged('/abort')).toHaveLength(1);
  });

  it('retries a read answered 503 without Retry-After, with backoff', async () => {
    env.emulator.faults.add({ path: JOB_PATH, status: 503, times: 2 });

    const result = await env.gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor1,
      id: DEMO.jobs.floor1WaitingAdele,
    });

    expect(result.data?.printJob.__typename).toBe('PrintJob');
    expect(logged(`/${DEMO.jobs.floor1WaitingAdele}`).map((entry) => entry.status)).toEqual([
      503, 503, 200,
    ]);
  });

  it('gives up after the configured attempts with the last typed error', async () => {
    env.emulator.faults.add({ path: JOB_PATH, status: 429, retryAfterSeconds: 0.01 });
    const gateway = createTestGateway({
      baseUrl: env.emulator.url,
      token: 'emulator-gateway-app-token',
      service: {
        retry: { maxAttempts: 2, maxThrottledAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 1 },
      },
    });

    const result = await gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor1,
      id: DEMO.jobs.floor1WaitingAdele,
    });

    expect(result.data?.printJob).toMatchObject({
      __typename: 'ThrottledError',
      retryAfterSeconds: 1,
    });
    expect(logged(`/${DEMO.jobs.floor1WaitingAdele}`)).toHaveLength(3);
  });
});

describe('the request deadline', () => {
  it('holds against a Graph that never answers', async () => {
    env.emulator.faults.add({ path: JOB_PATH, hang: true });
    const gateway = createTestGateway({
      baseUrl: env.emulator.url,
      token: 'emulator-gateway-app-token',
      timeoutMs: 10_000,
      service: { deadlineMs: 400 },
    });
    const started = Date.now();

    const result = await gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor1,
      id: DEMO.jobs.floor1WaitingAdele,
    });

    expect(result.data?.printJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the process-wide throttle window', () => {
  it('holds back a later request while Graph’s Retry-After runs', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 429, retryAfterSeconds: 1, times: 1 });
    const gate = env.gateway.service.upstream.gate;

    const aborting = env.gateway.execute(AbortPrintJobDocument, { input: abortInput });
    // The read starts once the 429 has closed the window, not after a fixed delay: on a loaded
    // machine the 429 may come later than any delay, and the read would go out before it.
    for (let waited = 0; gate.remainingMs() === 0; waited += 5) {
      if (waited > 5_000) throw new Error('the 429 never closed the throttle window');
      await sleep(5);
    }
    const [aborted, later] = await Promise.all([
      aborting,
      env.gateway.execute(PrintJobDocument, {
        printerId: DEMO.printers.floor2,
        id: DEMO.jobs.floor2WaitingMegan,
      }),
    ]);

    expect(aborted.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
    expect(later.data?.printJob.__typename).toBe('PrintJob');
    const { throttleWaits, throttleWaitMs } = env.gateway.service.metrics.snapshot();
    expect(throttleWaits).toBe(1);
    expect(throttleWaitMs).toBeGreaterThan(500);
  });

  it('answers ThrottledError at once when the window outlasts the deadline', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 429, retryAfterSeconds: 60, times: 1 });
    await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });
    env.emulator.requests.clear();

    const later = await env.gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor2,
      id: DEMO.jobs.floor2WaitingMegan,
    });

    expect(later.data?.printJob).toMatchObject({ __typename: 'ThrottledError' });
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });
});

describe('batched GraphQL-over-HTTP requests', () => {
  it('share one Graph batcher across their operations', async () => {
    const query = (id: string) => ({
      query: `{ printJob(printerId: "${DEMO.printers.floor1}", id: "${id}") { __typename } }`,
    });

    const response = await env.gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        query(DEMO.jobs.floor1WaitingAdele),
        query(DEMO.jobs.floor1WaitingMegan),
      ]),
    });

    expect(await response.json()).toEqual([
      { data: { printJob: { __typename: 'PrintJob' } } },
      { data: { printJob: { __typename: 'PrintJob' } } },
    ]);
    expect(env.upstream()).toEqual({ envelopes: 1, items: 2, direct: 0 });
  });

  it('refuses more than 10 operations in one request', async () => {
    const operations = Array.from({ length: 11 }, () => ({ query: '{ __typename }' }));

    const response = await env.gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(operations),
    });

    expect(response.status).toBe(413);
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });
});
