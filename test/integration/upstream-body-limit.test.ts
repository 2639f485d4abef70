/**
 * A Graph (or something posing as it) that answers with far more than any Graph answer holds:
 * the gateway stops reading at GRAPH_MAX_RESPONSE_BYTES, fails that call with a typed error and
 * does not retry it, instead of buffering the whole answer.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortPrintJobDocument, PrintJobDocument } from '../__generated__/graphql.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const LIMIT_BYTES = 256 * 1024;
const HUGE_BYTES = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Served {
  requests: number;
  /** Bytes the server managed to write before the gateway hung up. */
  bytesWritten: number;
  finished: boolean;
}

let server: Server;
let baseUrl: string;
let served: Served;
let declareLength = false;

/** Streams a JSON-looking answer far bigger than the limit, as fast as the socket takes it. */
function streamHuge(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': String(HUGE_BYTES) } : {}),
  });
  response.write('{"value":"');
  const pump = (): void => {
    while (served.bytesWritten < HUGE_BYTES) {
      served.bytesWritten += CHUNK.length;
      if (!response.write(CHUNK)) {
        response.once('drain', pump);
        return;
      }
    }
    served.finished = true;
    response.end();
  };
  response.on('close', () => response.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    served.requests += 1;
    request.resume();
    streamHuge(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  served = { requests: 0, bytesWritten: 0, finished: false };
  declareLength = false;
});

const gateway = () => createTestGateway({ baseUrl, maxResponseBytes: LIMIT_BYTES });

describe('an answer from Graph larger than GRAPH_MAX_RESPONSE_BYTES', () => {
  it('fails a read with UPSTREAM_RESPONSE_TOO_LARGE, once, without reading the rest', async () => {
    const result = await gateway().execute(PrintJobDocument, { printerId: 'p1', id: 'j1' });

    expect(result.data?.printJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_RESPONSE_TOO_LARGE',
      outcomeUnknown: false,
    });
    // Not retried: the same question would get the same answer.
    expect(served.requests).toBe(1);
    expect(served.finished).toBe(false);
    expect(served.bytesWritten).toBeLessThan(HUGE_BYTES / 2);
  });

  it('refuses an answer whose Content-Length is over the limit before reading it', async () => {
    declareLength = true;

    const result = await gateway().execute(PrintJobDocument, { printerId: 'p1', id: 'j1' });

    expect(result.data?.printJob).toMatchObject({ code: 'UPSTREAM_RESPONSE_TOO_LARGE' });
    expect(served.finished).toBe(false);
  });

  it('says a write answered too largely may have been applied', async () => {
    const result = await gateway().execute(AbortPrintJobDocument, {
      input: { printerId: 'p1', printJobId: 'j1' },
    });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_RESPONSE_TOO_LARGE',
      outcomeUnknown: true,
    });
    expect(served.requests).toBe(1);
  });
});
