/**
 * The access line written around a request handler (src/logging/access-log.ts), over a real
 * loopback server: what it says of answers, refusals, probes and abandoned requests.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withRequestLogging } from '../../packages/gateway/src/logging/access-log.js';
import { PROBE_PATHS } from '../../packages/gateway/src/server/readiness.js';
import { type LogLine, memoryLogger } from '../helpers/memory-logger.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: RequestListener, level: 'info' | 'debug' = 'info') {
  const { logger, lines } = memoryLogger(level);
  server = createServer(withRequestLogging(logger, handler, PROBE_PATHS));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, lines };
}

async function accessLines(lines: LogLine[], count: number): Promise<LogLine[]> {
  for (let waited = 0; waited < 2_000; waited += 10) {
    const found = lines.filter((line) => line.message === 'access');
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not ${count} access lines: ${JSON.stringify(lines)}`);
}

describe('the access line', () => {
  it('gives lines logged by the handler, after awaits, the request id it echoes', async () => {
    const { origin, lines } = await serve(async (_, response) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      response.end('hello');
    });
    const response = await fetch(`${origin}/graphql?query=secret`, {
      headers: { 'x-request-id': 'abc' },
    });
    await response.text();

    expect(response.headers.get('x-request-id')).toBe('abc');
    const [access] = await accessLines(lines, 1);
    expect(access).toMatchObject({
      level: 'info',
      requestId: 'abc',
      method: 'GET',
      path: '/graphql',
      status: 200,
      outcome: 'ok',
      bytes: 5,
    });
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('names the code of a JSON refusal', async () => {
    const { origin, lines } = await serve((_, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'SHUTTING_DOWN' } }] }),
      );
    });
    expect((await fetch(origin)).status).toBe(503);

    const [access] = await accessLines(lines, 1);
    expect(access).toMatchObject({
      status: 503,
      outcome: 'refused',
      errorCodes: ['SHUTTING_DOWN'],
    });
  });

  it('says refused without codes when the refusal is not a JSON error', async () => {
    const { origin, lines } = await serve((_, response) => {
      response.statusCode = 404;
      response.write('not ');
      response.end(Buffer.from('found'));
    });
    await (await fetch(origin)).text();

    const [access] = await accessLines(lines, 1);
    expect(access).toMatchObject({ status: 404, outcome: 'refused', bytes: 9 });
    expect(access).not.toHaveProperty('errorCodes');
  });

  it('says aborted when the client left before the answer was complete', async () => {
    const { origin, lines } = await serve((_, response) => {
      response.writeHead(200);
      response.write('partial');
    });
    const controller = new AbortController();
    const response = await fetch(origin, { signal: controller.signal });
    expect(response.status).toBe(200);
    controller.abort();

    const [access] = await accessLines(lines, 1);
    expect(access).toMatchObject({ outcome: 'aborted', status: 200 });
  });

  it('logs probes at debug only', async () => {
    const handler: RequestListener = (_, response) => response.end('{}');
    const quiet = await serve(handler, 'info');
    await (await fetch(`${quiet.origin}/health`)).text();
    await (await fetch(`${quiet.origin}/ready`)).text();
    await (await fetch(`${quiet.origin}/graphql`)).text();

    const [only] = await accessLines(quiet.lines, 1);
    expect(only).toMatchObject({ path: '/graphql' });
    expect(quiet.lines).toHaveLength(1);
  });

  it('logs probes when the level is debug', async () => {
    const { origin, lines } = await serve((_, response) => response.end('{}'), 'debug');
    await (await fetch(`${origin}/health`)).text();

    const [probe] = await accessLines(lines, 1);
    expect(probe).toMatchObject({ level: 'debug', path: '/health', outcome: 'ok' });
  });
});
