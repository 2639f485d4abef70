/**
 * The request body limit over real sockets (src/edge/request-body-limit.ts): a body declared
 * larger than 1 MB is refused from its Content-Length, a chunked one once it has streamed past
 * the limit, and neither reaches Graph nor harms the server.
 */
import type { AddressInfo } from 'node:net';
import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../packages/gateway/src/edge/limits.js';
import { Readiness } from '../../packages/gateway/src/server/readiness.js';
import {
  createHttpServer,
  type GatewayHttpServer,
} from '../../packages/gateway/src/server/server.js';
import { DEFAULT_HTTP_SERVER_SETTINGS } from '../../packages/gateway/src/server/settings.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const env = useEmulator();

let running: GatewayHttpServer | undefined;
afterEach(async () => {
  running?.server.closeAllConnections();
  await new Promise((resolve) => running?.server.close(resolve));
  running = undefined;
});

async function serve(): Promise<string> {
  const { app } = createTestGateway({
    baseUrl: env.emulator.url,
    token: EMULATOR_TOKENS.gatewayApp,
  });
  running = createHttpServer({
    app,
    readiness: new Readiness(),
    settings: DEFAULT_HTTP_SERVER_SETTINGS,
  });
  const server = running.server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A query padded with a comment to `bytes` bytes of JSON. */
function paddedBody(bytes: number): string {
  const head = '{"query":"{ printTaskDefinitions { id } } #';
  const tail = '"}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

async function codeOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
  return body.errors?.[0]?.extensions?.code;
}

const post = (url: string, body: BodyInit) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    // Required by fetch for a streamed body, which it sends chunked.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

function chunked(body: string, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

describe('the request body limit', () => {
  it('serves a body of exactly the limit, declared or chunked', async () => {
    const url = await serve();
    for (const body of [
      paddedBody(MAX_REQUEST_BODY_BYTES),
      chunked(paddedBody(MAX_REQUEST_BODY_BYTES)),
    ]) {
      const response = await post(url, body);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { printTaskDefinitions: [{}] } });
    }
  });

  it('refuses a larger Content-Length with 413, before anything reaches Graph', async () => {
    const url = await serve();
    env.emulator.requests.clear();

    const response = await post(url, paddedBody(MAX_REQUEST_BODY_BYTES + 1));

    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });

  it('refuses a chunked body once it streams past the limit, and keeps serving', async () => {
    const url = await serve();
    env.emulator.requests.clear();

    const response = await post(url, chunked(paddedBody(3 * MAX_REQUEST_BODY_BYTES)));

    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(env.emulator.requests.entries()).toHaveLength(0);
    const after = await post(url, paddedBody(1_000));
    expect(after.status).toBe(200);
  });
});
