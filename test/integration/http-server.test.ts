/**
 * The HTTP server around the app (src/server/server.ts) over real sockets: limits that keep slow
 * or numerous clients from exhausting the process, a malformed Host, /ready and the drain.
 * Raw sockets (node:net) where fetch would not send what a hostile client sends.
 */
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { Readiness } from '../../packages/gateway/src/server/readiness.js';
import {
  createHttpServer,
  type GatewayHttpServer,
} from '../../packages/gateway/src/server/server.js';
import {
  DEFAULT_HTTP_SERVER_SETTINGS,
  type HttpServerSettings,
} from '../../packages/gateway/src/server/settings.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const env = useEmulator();

let running: GatewayHttpServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  if (running) {
    running.server.closeAllConnections();
    await new Promise((resolve) => running?.server.close(resolve));
    running = undefined;
  }
});

async function serve(settings: Partial<HttpServerSettings> = {}) {
  const { app } = createTestGateway({
    baseUrl: env.emulator.url,
    token: EMULATOR_TOKENS.gatewayApp,
  });
  const readiness = new Readiness();
  running = createHttpServer({
    app,
    readiness,
    settings: { ...DEFAULT_HTTP_SERVER_SETTINGS, ...settings },
  });
  const server = running.server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { http: running, readiness, port };
}

/** A raw connection that collects what the server sends and notes when it closes. */
function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const state = { received: '', closed: false };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    state.received += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      state.closed = true;
      resolve();
    }),
  );
  const connected = new Promise<void>((resolve) => socket.on('connect', resolve));
  return { socket, state, closed, connected };
}

/** Resolves once `predicate` holds; generous, for a loaded machine. */
async function until(predicate: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  for (let waited = 0; !predicate(); waited += 20) {
    if (waited > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const request = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;

/** One complete answer on a keep-alive connection: status line and JSON body. */
async function ask(connection: ReturnType<typeof open>, text: string) {
  const before = connection.state.received.length;
  connection.socket.write(text);
  await until(() => {
    const answer = connection.state.received.slice(before);
    const length = Number(answer.match(/content-length: (\d+)/i)?.[1] ?? Number.NaN);
    const bodyStart = answer.indexOf('\r\n\r\n');
    return bodyStart >= 0 && answer.length - bodyStart - 4 >= length;
  }, 'an answer');
  const answer = connection.state.received.slice(before);
  return {
    status: Number(answer.split(' ')[1]),
    head: answer.slice(0, answer.indexOf('\r\n\r\n')).toLowerCase(),
    body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown,
  };
}

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
  });
  const body = (await response.json()) as { data?: unknown };
  return response.status === 200 && body.data !== undefined;
}

describe('the HTTP server', () => {
  it('answers an invalid Host with 400 BAD_REQUEST_HOST in JSON, without a stack trace', async () => {
    const { port } = await serve();

    for (const host of ['a b', '[', 'a/b']) {
      const connection = open(port);
      connection.socket.write(`GET /graphql HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      await connection.closed;
      const [head = '', body = ''] = connection.state.received.split('\r\n\r\n');
      expect(head, host).toMatch(/^HTTP\/1\.1 400 /);
      expect(head.toLowerCase(), host).toContain('content-type: application/json');
      expect(JSON.parse(body), host).toEqual({
        errors: [
          {
            message: 'The Host header is not a valid host',
            extensions: { code: 'BAD_REQUEST_HOST' },
          },
        ],
      });
      expect(body, host).not.toMatch(/\bat |Error/);
    }
    expect(await healthy(port)).toBe(true);
  });

  it('disconnects a client that sends its body too slowly, after the request timeout', async () => {
    const { port } = await serve({ requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
    const slow = open(port);
    await slow.connected;
    slow.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 900000\r\n\r\n{',
    );
    // One byte every 200 ms: never enough for Node's defaults (300 s) to end it.
    const trickle = setInterval(() => slow.socket.writable && slow.socket.write(' '), 200);
    try {
      await until(() => slow.state.closed, 'the slow client disconnected', 15_000);
    } finally {
      clearInterval(trickle);
    }
    // Node answers 408 when it can; either way the socket is gone.
    if (slow.state.received !== '') expect(slow.state.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(await healthy(port)).toBe(true);
  });

  it('refuses connections beyond the cap and keeps serving the earlier ones', async () => {
    const { port } = await serve({ maxConnections: 2 });
    const first = open(port);
    const second = open(port);
    expect((await ask(first, request('/ready'))).status).toBe(200);
    expect((await ask(second, request('/ready'))).status).toBe(200);

    const third = open(port);
    third.socket.write(request('/ready'));
    await third.closed;
    expect(third.state.received).toBe('');

    // The two earlier connections are still served.
    expect((await ask(first, request('/ready'))).status).toBe(200);
    expect((await ask(second, request('/ready'))).status).toBe(200);
    // Once one ends, a new connection is served again.
    first.socket.destroy();
    await first.closed;
    let served = false;
    for (let attempt = 0; attempt < 50 && !served; attempt++) {
      const next = open(port);
      next.socket.write(request('/ready', 'connection: close\r\n'));
      await next.closed;
      served = next.state.received.startsWith('HTTP/1.1 200');
      if (!served) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(served).toBe(true);
  });

  it('is ready until the drain, then refuses new work with 503 SHUTTING_DOWN and closes', async () => {
    const { http, readiness, port } = await serve();
    const connection = open(port);
    expect(await ask(connection, request('/ready'))).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });

    readiness.markDraining();
    http.beginDrain();

    const ready = await ask(connection, request('/ready'));
    expect(ready).toMatchObject({ status: 503, body: { status: 'draining' } });
    expect(ready.head).toContain('connection: close');
    await connection.closed;

    const late = open(port);
    const refused = await ask(
      late,
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 2\r\n\r\n{}',
    );
    expect(refused).toMatchObject({
      status: 503,
      body: { errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] },
    });
    expect(refused.head).toContain('connection: close');
    // Liveness is not readiness: the process is alive while it drains.
    const live = open(port);
    live.socket.write(request('/health'));
    await live.closed;
    expect(live.state.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(live.state.received.toLowerCase()).toContain('connection: close');
  });
});
