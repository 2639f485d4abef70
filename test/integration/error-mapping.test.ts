/**
 * Every Graph failure the gateway maps, produced by the emulator over real sockets and seen by
 * a client: the typed error in the result union, with Graph's request-id.
 */
import { createServer } from 'node:net';
import { DEMO, EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  PrintJobsDocument,
} from '../__generated__/graphql.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { createTestGateway, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway({ timeoutMs: 300 });

const ABORT_PATH = '/jobs/[^/]+/abort$';
const JOB_PATH = '/jobs/[^/]+$';
const abortInput = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele };
const jobVariables = { printerId: DEMO.printers.floor1, id: DEMO.jobs.floor1WaitingAdele };

describe('Graph failures as typed errors', () => {
  it.each([
    [400, 'InvalidInputError', 'INVALID_INPUT'],
    [403, 'PermissionDeniedError', 'PERMISSION_DENIED'],
    [404, 'NotFoundError', 'NOT_FOUND'],
    [409, 'ConflictError', 'CONFLICT'],
    [500, 'UpstreamUnavailableError', 'UPSTREAM_UNAVAILABLE'],
    [503, 'UpstreamUnavailableError', 'UPSTREAM_UNAVAILABLE'],
    [504, 'UpstreamUnavailableError', 'UPSTREAM_TIMEOUT'],
  ])('maps an abort answered %i to %s', async (status, typename, code) => {
    env.emulator.faults.add({ path: ABORT_PATH, status });

    const result = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.errors).toBeUndefined();
    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: typename,
      code,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('maps 429 to ThrottledError when Retry-After outlasts the request deadline', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 429, retryAfterSeconds: 60 });

    const result = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'ThrottledError',
      code: 'THROTTLED',
      retryAfterSeconds: 60,
    });
    expect(env.upstream().direct).toBe(1);
  });

  it('says an abort answered 503 may have been applied, and a read that failed was not', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, status: 503, retryAfterSeconds: 2 });
    env.emulator.faults.add({ path: JOB_PATH, status: 503 });

    const write = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });
    const read = await env.gateway.execute(PrintJobDocument, jobVariables);

    expect(write.data?.abortPrintJob).toMatchObject({
      outcomeUnknown: true,
      suggestedRetryAfterSeconds: 2,
    });
    expect(read.data?.printJob).toMatchObject({ outcomeUnknown: false });
  });

  it('maps an item failing inside a $batch envelope without failing its sibling', async () => {
    env.emulator.faults.add({ path: JOB_PATH, scope: 'batch-item', status: 404, times: 1 });

    const result = await env.gateway.execute(PrintJobsDocument, {
      printerId: DEMO.printers.floor1,
      a: DEMO.jobs.floor1WaitingAdele,
      b: DEMO.jobs.floor1WaitingMegan,
    });

    expect([result.data?.a.__typename, result.data?.b.__typename].sort()).toEqual([
      'NotFoundError',
      'PrintJob',
    ]);
    expect(env.upstream()).toEqual({ envelopes: 1, items: 2, direct: 0 });
  });

  it('maps a timeout to UPSTREAM_TIMEOUT with the outcome of the abort unknown', async () => {
    env.emulator.faults.add({ path: ABORT_PATH, hang: true });
    const started = Date.now();

    const result = await env.gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_TIMEOUT',
      outcomeUnknown: true,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('maps a refused connection to UpstreamUnavailableError with a known outcome', async () => {
    const gateway = createTestGateway({ baseUrl: `http://127.0.0.1:${await closedPort()}` });

    const result = await gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_UNAVAILABLE',
      outcomeUnknown: false,
      requestId: null,
    });
  });

  it("turns Graph's 401 into a masked top-level UPSTREAM_AUTH_FAILED, and logs it", async () => {
    const { logger, lines } = memoryLogger();
    const gateway = createTestGateway({
      baseUrl: env.emulator.url,
      token: 'a-token-the-emulator-does-not-know',
      logger,
    });

    const result = await gateway.execute(AbortPrintJobDocument, { input: abortInput });

    expect(result.data).toBeNull();
    expect(result.errors).toMatchObject([
      {
        message: "Microsoft Graph rejected the gateway's own credentials",
        extensions: { code: 'UPSTREAM_AUTH_FAILED' },
      },
    ]);
    expect(lines.filter((line) => line.level === 'error')).toMatchObject([
      { message: "Microsoft Graph rejected the gateway's own credentials" },
    ]);
  });

  it('sends the bearer token to a plain-http loopback Graph', async () => {
    await env.gateway.execute(PrintJobDocument, jobVariables);

    const [request] = env.emulator.requests.entries();
    expect(request?.authorization).toBe(`Bearer ${EMULATOR_TOKENS.gatewayApp}`);
  });
});

/** A loopback port with nothing listening: bind, note it, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}
