/**
 * The log of a real gateway process, as a log pipeline reads it from stderr: one access line per
 * request, the request id and the trace id on the access line and on the audit line of a write,
 * no credential anywhere, and LOG_LEVEL honoured.
 */
import { connect, createServer } from 'node:net';
import { DEMO, ENTRA } from '@universal-print-gateway/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personToken } from '../helpers/entra.js';
import {
  type GatewayProcess,
  killGatewayProcesses,
  startGatewayProcess,
} from '../helpers/gateway-process.js';

// One process serves the first describe's tests; afterEach would kill it after the first.
afterAll(killGatewayProcesses);

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

type Line = Record<string, unknown>;

/** The embedded emulator's origin, from the line the gateway logs when it starts it. */
function emulatorUrl(gateway: GatewayProcess): string {
  const started = gateway.lines.find((line) => typeof line['emulator'] === 'string');
  return String(started?.['emulator']);
}

/** Resolves with the first line that matches, once it has been written. */
async function lineWhere(gateway: GatewayProcess, match: (line: Line) => boolean): Promise<Line> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    const line = gateway.lines.find(match);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no such line in ${JSON.stringify(gateway.lines)}`);
}

const accessLineOf = (gateway: GatewayProcess, requestId: string) =>
  lineWhere(gateway, (line) => line['message'] === 'access' && line['requestId'] === requestId);

function post(url: string, body: unknown, headers: Record<string, string>) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A request written byte by byte, for header values no HTTP client would send. */
function rawRequest(url: string, headerLines: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
    const head = [
      'GET /health HTTP/1.1',
      `Host: ${hostname}:${port}`,
      'Connection: close',
      ...headerLines,
    ];
    socket.end(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'));
  });
}

describe('the log of a gateway process', () => {
  let gateway: GatewayProcess;
  let url: string;
  let token: string;

  beforeAll(async () => {
    gateway = startGatewayProcess({ EMULATOR_PORT: '0', LOG_LEVEL: 'debug' });
    url = await gateway.listening;
    token = await personToken(emulatorUrl(gateway), 'adele');
  });

  it('writes one access line per request with its operations, caller, outcome, request id and trace id', async () => {
    const batch = [
      { query: 'query Definitions { printTaskDefinitions { id } }' },
      { query: `query Printer { printer(id: "${DEMO.printers.floor1}") { __typename } }` },
      { query: 'query Broken { noSuchField }' },
    ];
    // Twice: the second time the documents come from Yoga's parse cache.
    for (const requestId of ['ticket-42.a', 'ticket-42.b']) {
      const response = await post(url, batch, {
        authorization: `Bearer ${token}`,
        traceparent: TRACEPARENT,
        'x-request-id': requestId,
      });
      const text = await response.text();

      expect(response.headers.get('x-request-id')).toBe(requestId);
      expect(await accessLineOf(gateway, requestId)).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'info',
        message: 'access',
        access: true,
        requestId,
        traceId: TRACE_ID,
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        operations: [
          { name: 'Definitions', type: 'query' },
          { name: 'Printer', type: 'query' },
          { name: 'Broken', type: 'query' },
        ],
        caller: { kind: 'person', id: ENTRA.people.adele.objectId },
        outcome: 'error',
        errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
        bytes: Buffer.byteLength(text),
      });
      const results = JSON.parse(text) as Array<{ data?: unknown; errors?: unknown }>;
      expect(results.map((result) => 'errors' in result)).toEqual([false, false, true]);
    }
  });

  it('puts the request id and the trace id on the audit line of a write, and its type on the access line', async () => {
    const response = await post(
      url,
      {
        query:
          'mutation Release($input: AbortPrintJobInput!) { abortPrintJob(input: $input) { __typename } }',
        variables: {
          input: { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
        },
      },
      { authorization: `Bearer ${token}`, traceparent: TRACEPARENT, 'x-request-id': 'write-1' },
    );
    expect(await response.json()).toEqual({
      data: { abortPrintJob: { __typename: 'AbortPrintJobSuccess' } },
    });

    const audit = await lineWhere(
      gateway,
      (line) => line['audit'] === true && line['requestId'] === 'write-1',
    );
    expect(audit).toMatchObject({
      level: 'info',
      message: 'audit',
      traceId: TRACE_ID,
      operation: 'abortPrintJob',
      caller: { kind: 'person', objectId: ENTRA.people.adele.objectId },
      outcome: 'AbortPrintJobSuccess',
    });
    expect(await accessLineOf(gateway, 'write-1')).toMatchObject({
      operations: [{ name: 'Release', type: 'mutation' }],
      outcome: 'ok',
      traceId: TRACE_ID,
    });
  });

  it('counts a typed error answered as data as an error on the access line, with its code', async () => {
    const response = await post(
      url,
      {
        query:
          'mutation NotMine($input: AbortPrintJobInput!) { abortPrintJob(input: $input) { __typename } }',
        variables: {
          input: { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingMegan },
        },
      },
      { authorization: `Bearer ${token}`, 'x-request-id': 'not-mine-1' },
    );
    // A 200 without `errors`: the failure is a member of the result union.
    expect(await response.json()).toEqual({
      data: { abortPrintJob: { __typename: 'NotFoundError' } },
    });

    expect(await accessLineOf(gateway, 'not-mine-1')).toMatchObject({
      status: 200,
      outcome: 'error',
      errorCodes: ['NOT_FOUND'],
    });
  });

  it('logs a refusal with its code, and a request without traceparent with no trace id', async () => {
    const response = await post(
      url,
      { query: '{ __typename }' },
      { 'x-request-id': 'no-credentials' },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('no-credentials');

    const access = await accessLineOf(gateway, 'no-credentials');
    expect(access).toMatchObject({
      status: 401,
      outcome: 'refused',
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(access).not.toHaveProperty('traceId');
    expect(access).not.toHaveProperty('caller');
  });

  it.each([
    ['too long', 'a'.repeat(65)],
    ['with characters outside [A-Za-z0-9._-]', '"x" <y>'],
  ])('replaces a request id that is %s with a fresh one', async (_, hostile) => {
    const response = await post(
      url,
      { query: '{ __typename }' },
      { 'x-request-id': hostile, authorization: `Bearer ${token}` },
    );
    const echoed = response.headers.get('x-request-id') ?? '';

    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accessLineOf(gateway, echoed)).toMatchObject({ outcome: 'ok' });
    expect(JSON.stringify(gateway.lines)).not.toContain(hostile);
  });

  it('replaces a request id with non-ASCII bytes, or a trace id that is not valid, and stays healthy', async () => {
    const answer = await rawRequest(url, [
      'X-Request-Id: caf\u00e9-\u2603',
      'traceparent: 00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    ]);
    const echoed = /\r\nx-request-id: ([^\r]*)\r\n/i.exec(answer)?.[1] ?? '';

    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    const probe = await accessLineOf(gateway, echoed);
    // Probes are logged at debug only, and this process logs debug.
    expect(probe).toMatchObject({ level: 'debug', path: '/health', status: 200, outcome: 'ok' });
    expect(probe).not.toHaveProperty('traceId');
    expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
  });

  it('never writes the bearer token, nor an Authorization header', () => {
    const everything = gateway.lines.map((line) => JSON.stringify(line)).join('\n');

    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[2]);
    expect(everything).not.toMatch(/bearer/i);
    expect(everything).not.toMatch(/authorization"/i);
  });
});

/** A free loopback port: a process logging at warn never says where it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function whenServing(origin: string): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    try {
      if ((await fetch(`${origin}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${origin} never answered /health`);
}

describe('LOG_LEVEL', () => {
  it('warn keeps warnings and drops the access, audit and start-up lines written at info', async () => {
    const port = await freePort();
    const gateway = startGatewayProcess({
      PORT: String(port),
      EMULATOR_PORT: '0',
      LOG_LEVEL: 'warn',
      GATEWAY_ALLOW_ANONYMOUS: 'true',
    });
    const origin = `http://127.0.0.1:${port}`;
    await whenServing(origin);

    const response = await post(
      `${origin}/graphql`,
      {
        query:
          'mutation { abortPrintJob(input: { printerId: "p", printJobId: "1" }) { __typename } }',
      },
      {},
    );
    expect(response.status).toBe(200);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);

    expect(gateway.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(/^Anonymous callers/),
      }),
    );
    expect(gateway.lines.filter((line) => line['level'] !== 'warn')).toEqual([]);
  });

  it('refuses to start on a level pino does not have, naming the variable', async () => {
    const gateway = startGatewayProcess({ EMULATOR_PORT: '0', LOG_LEVEL: 'verbose' });

    expect(await gateway.exited).toBe(1);
    expect(gateway.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('LOG_LEVEL'),
      }),
    );
  });
});
