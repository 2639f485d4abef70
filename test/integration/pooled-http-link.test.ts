/**
 * The pooled HTTP link (packages/graph-client/src/http/pooled-http-link.ts) against a raw loopback server playing a
 * misbehaving Graph: one attempt's time limit holds while an answer trickles in byte by byte,
 * the request's deadline ends an attempt early, a refused connection is told apart, and a burst
 * never opens more connections than the in-flight cap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphTransportError } from '../../packages/graph-client/src/call.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import { freePort } from '../helpers/free-port.js';

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function fakeGraph(handle: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handle);
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const transport = (
  baseUrl: string,
  options: { timeoutMs?: number; maxConnections?: number } = {},
) =>
  createGraphTransport({
    baseUrl,
    auth: staticToken('token'),
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
  });

async function failure(promise: Promise<unknown>): Promise<GraphTransportError> {
  const error = await promise.then(
    () => new Error('answered'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GraphTransportError);
  return error as GraphTransportError;
}

describe('the pooled HTTP link', () => {
  it('ends an attempt whose answer trickles in past the time limit, as a timeout', async () => {
    const url = await fakeGraph((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"value":[');
      // A byte every 50 ms: never idle long enough for a per-read timeout to fire.
      const drip = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(drip));
    });
    const started = performance.now();

    const error = await failure(
      transport(url, { timeoutMs: 400 }).send({ method: 'GET', url: '/print/printers' }),
    );

    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("ends an attempt when the request's deadline passes first", async () => {
    const url = await fakeGraph(() => {});
    const deadline = AbortSignal.timeout(200);

    const error = await failure(
      transport(url).send({ method: 'PATCH', url: '/print/x', body: {} }, deadline),
    );

    expect(error.kind).toBe('timeout');
  });

  it('tells a refused connection apart: nothing was sent', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(transport(url).send({ method: 'POST', url: '/print/x', body: {} }));
    expect(error.kind).toBe('refused');
  });

  it('opens no more connections than the cap, however many calls at once', async () => {
    const url = await fakeGraph((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      }, 20);
    });
    const graph = transport(url, { maxConnections: 4 });

    const replies = await Promise.all(
      Array.from({ length: 40 }, () => graph.send({ method: 'GET', url: '/print/printers' })),
    );

    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 40 }, () => 200));
    expect(sockets.size).toBeLessThanOrEqual(4);
  });
});
