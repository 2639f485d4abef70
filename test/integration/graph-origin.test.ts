/**
 * Nothing the gateway sends for Graph leaves for another origin. A crafted `after` cursor whose
 * `$skiptoken` or `$skip` holds `https://` used to pass the cursor check, and the SDK then read
 * the call's path as an absolute URL (`https://print/printers/…/jobs`): now the cursor is
 * refused as `InvalidInputError` before any call, and below that the pooled link refuses, before
 * opening anything, every request whose origin is not the configured Graph's.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { DEMO } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphTransportError } from '../../packages/graph-client/src/call.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import { useConnectionAttempts } from '../helpers/connection-attempts.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const attempts = useConnectionAttempts();
const { floor1 } = DEMO.printers;

const cursor = (pageUrl: string) => Buffer.from(JSON.stringify([0, pageUrl])).toString('base64url');
const ELSEWHERE = 'https://attacker.example/v1.0/print';

function craftedCursors(): Record<string, { field: 'jobs' | 'tasks' | 'mine'; after: string }> {
  const root = `${env.emulator.url}/v1.0`;
  const jobs = `${root}/print/printers/${floor1}/jobs?$expand=tasks($expand=definition),documents`;
  const tasks = `${root}/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`;
  return {
    'Printer.jobs, a $skiptoken holding https://': {
      field: 'jobs',
      after: cursor(`${jobs}&$skiptoken=${ELSEWHERE}`),
    },
    'Printer.jobs, a $skip holding https://': {
      field: 'jobs',
      after: cursor(`${jobs}&$skip=${ELSEWHERE}`),
    },
    'PrintTaskDefinition.tasks, a $skiptoken holding https://': {
      field: 'tasks',
      after: cursor(`${tasks}?$skiptoken=${ELSEWHERE}`),
    },
    'myPrintJobs, a $skiptoken holding https://': {
      field: 'mine',
      after: cursor(`${tasks}?$skiptoken=${ELSEWHERE}`),
    },
  };
}

const QUERIES = {
  jobs: `query($id: ID!, $after: String) { printer(id: $id) { ... on Printer {
    jobs(first: 5, after: $after) { __typename ... on InvalidInputError { issues { path } } } } } }`,
  tasks: `query($id: ID!, $after: String) { printTaskDefinition(id: $id) { ... on PrintTaskDefinition {
    tasks(first: 5, after: $after) { __typename ... on InvalidInputError { issues { path } } } } } }`,
  mine: `query($after: String) { myPrintJobs(first: 5, after: $after) {
    __typename ... on InvalidInputError { issues { path } } } }`,
};

describe('a crafted cursor whose paging value holds a URL', () => {
  it('is InvalidInputError at `after`, sends no page read, and opens nothing elsewhere', async () => {
    for (const [label, { field, after }] of Object.entries(craftedCursors())) {
      env.emulator.requests.clear();
      const before = attempts.origins().length;
      const answer = await env.execute(field === 'mine' ? 'adele' : 'stationApp', QUERIES[field], {
        id: field === 'jobs' ? floor1 : DEMO.taskDefinitionId,
        after,
      });
      // The only connections opened: to the gateway (the test's own request) and to Graph.
      const allowed = new Set([env.url, env.emulator.url]);
      expect(
        attempts
          .origins()
          .slice(before)
          .filter((origin) => !allowed.has(origin)),
        label,
      ).toEqual([]);
      expect(answer.errors, label).toBeUndefined();
      expect(JSON.stringify(answer.data), label).toContain(
        '{"__typename":"InvalidInputError","issues":[{"path":["after"]}]}',
      );
      // At most the parent (`printer(id)`, `printTaskDefinition(id)`) was read; no page was.
      const sent = env.emulator.requests.entries().map((entry) => entry.path);
      expect(
        sent.filter((path) => path.endsWith('/jobs') || path.endsWith('/tasks')),
        label,
      ).toEqual([]);
    }
  });
});

describe('the link that opens sockets to Graph', () => {
  let graph: HttpServer | undefined;
  let elsewhere: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (graph ? graph.close(resolve) : resolve(undefined)));
    await new Promise((resolve) => (elsewhere ? elsewhere.close(resolve) : resolve(undefined)));
    graph = elsewhere = undefined;
  });

  /** A Graph that counts requests, and a raw listener elsewhere that counts connections. */
  async function twoOrigins() {
    const counts = { graphRequests: 0, elsewhereConnections: 0 };
    graph = createHttpServer((_request, response) => {
      counts.graphRequests++;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
    });
    elsewhere = createServer((socket) => {
      counts.elsewhereConnections++;
      socket.destroy();
    });
    const graphPort = await listening(graph);
    const elsewherePort = await listening(elsewhere);
    return {
      counts,
      transport: createGraphTransport({
        baseUrl: `http://127.0.0.1:${graphPort}`,
        auth: staticToken('token'),
        timeoutMs: 5_000,
      }),
      elsewhere: `https://127.0.0.1:${elsewherePort}`,
    };
  }

  it.each([
    ['an absolute URL of another origin', (to: string) => `${to}/v1.0/print/printers`],
    ['a query value holding https://', (to: string) => `/print/printers/p/jobs?$skiptoken=${to}/x`],
  ])('sends a call whose path holds %s nowhere, as a typed error', async (_label, path) => {
    const { counts, transport, elsewhere: to } = await twoOrigins();

    const failure = await transport.send({ method: 'GET', url: path(to) }).then(
      () => new Error('answered'),
      (reason: unknown) => reason,
    );

    expect(failure).toBeInstanceOf(GraphTransportError);
    expect((failure as GraphTransportError).kind).toBe('foreign-origin');
    expect(counts).toEqual({ graphRequests: 0, elsewhereConnections: 0 });
    expect(attempts.origins()).toEqual([]);
  });

  it('still sends a call for Graph to Graph', async () => {
    const { counts, transport } = await twoOrigins();
    const reply = await transport.send({ method: 'GET', url: '/print/printers' });
    expect(reply.status).toBe(200);
    expect(counts).toEqual({ graphRequests: 1, elsewhereConnections: 0 });
  });
});

function listening(server: HttpServer | Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}
