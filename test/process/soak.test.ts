/**
 * A bounded soak: one gateway process takes a fixed number of hostile requests while its Graph
 * (the emulator) fails, throttles, hangs and dawdles. Afterwards the process must be alive and
 * answering, no answer may have been a 5xx or carried a stack, and the sockets and memory it
 * used must have come back down.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import {
  DEMO,
  EMULATOR_TOKENS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type GatewayProcess,
  killGatewayProcesses,
  startGatewayProcess,
} from '../helpers/gateway-process.js';
import { processResources } from '../helpers/process-resources.js';

/** Requests per round; the soak runs two equal rounds. */
const REQUESTS = 350;
/** What `hangUp` reports: it never waits for an answer. */
const HUNG_UP = -1;
const CONCURRENCY = 16;
const STACK_OR_PATH = /\n\s+at |originalError|node:internal|\/src\/|\.ts:\d+/;

let emulator: RunningEmulator;
let gateway: GatewayProcess;
let url: URL;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = startGatewayProcess({
    PORT: '0',
    GRAPH_BASE_URL: emulator.url,
    GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
    // What is tested here is the HTTP lifecycle, not who calls: callers need no credentials,
    // which since anonymous access is no default anywhere has to be said.
    GATEWAY_ALLOW_ANONYMOUS: 'true',
    GRAPH_TIMEOUT_MS: '1000',
    GRAPH_DEADLINE_MS: '3000',
  });
  url = new URL(await gateway.listening);
});

afterAll(async () => {
  killGatewayProcesses();
  await emulator.close();
});

afterEach(() => emulator.faults.clear());

interface Answer {
  status: number;
  body: string;
}

/** A request whose answer the soak checks: never a 5xx, never a stack, always bounded. */
type Probe = () => Promise<Answer>;

/** A connection that broke instead of answering is status 0, which the soak counts as a failure. */
async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: `no answer: ${(error as Error).cause ?? error}` };
  }
}

const graphql = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

/** Sends raw bytes and reads what comes back until the server closes or 5 s pass. */
function raw(bytes: string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    const done = () => {
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0), body: received });
    };
    socket.setTimeout(5_000, done);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

/** A client that starts a request and vanishes before the answer; no answer is expected. */
function hangUp(): Promise<Answer> {
  const hungUp = { status: HUNG_UP, body: '' };
  return new Promise((resolve) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    request.on('error', () => resolve(hungUp));
    request.write('{"query":"{ printTaskDefinitions { id tasks { id } } }"');
    setTimeout(() => {
      request.destroy();
      resolve(hungUp);
    }, 20);
  });
}

const nested = (levels: number) => `${'{a:'.repeat(levels)}1${'}'.repeat(levels)}`;
const failingAborts = Array.from({ length: 10 }, (_, index) => ({
  printerId: DEMO.printers.floor1,
  printJobId: `nope-${index}`,
}));

const PROBES: Probe[] = [
  () => graphql('{ printTaskDefinitions { id tasks { id status { state } printJob { id } } } }'),
  () => graphql(`{ printJob(printerId: "${DEMO.printers.floor1}", id: "5182") { __typename } }`),
  () =>
    graphql(
      'mutation($inputs: [AbortPrintJobInput!]!) { abortPrintJobs(inputs: $inputs) { __typename } }',
      {
        inputs: failingAborts,
      },
    ),
  () =>
    graphql(
      `mutation { abortPrintJob(input: { printerId: "${DEMO.printers.floor1}", printJobId: "nope" }) { __typename } }`,
    ),
  () => post('{"query": "{ printTaskDefinitions { id } ", "variables": '),
  () => graphql(`{ printer(id: ${nested(2_000)}) { __typename } }`),
  () => graphql(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(' ')} }`),
  () =>
    post('query=mutation%7BabortPrintJob%7D', {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://evil.example',
    }),
  () => post(`{"query":"${'x'.repeat(1_100_000)}"}`),
  () => graphql('{ nope }'),
  () =>
    graphql('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: Array.from({ length: 200 }, (_, i) => ({
        __typename: 'PrintJob',
        printerId: DEMO.printers.floor1,
        id: String(i),
      })),
    }),
  () => raw('GET /graphql HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'),
  () =>
    raw(
      'POST /graphql HTTP/1.1\r\nHost: [\r\ncontent-type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    ),
  hangUp,
];

/** Probes whose refusal is the point: the answer must be a 4xx, or a 200 with typed errors. */
async function runSoak(): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < REQUESTS; index = next++) {
      const probe = PROBES[index % PROBES.length] as Probe;
      answers.push(await probe());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/** One round of the soak while Graph fails, throttles, hangs and dawdles. */
async function faultyRound(): Promise<Answer[]> {
  emulator.faults.add({ path: '.*', status: 503, share: 0.2 });
  // A few of each: any Retry-After holds back the whole process (GRAPH_SHARED_THROTTLE), and
  // a hang costs a whole GRAPH_TIMEOUT_MS.
  emulator.faults.add({ path: '.*', status: 429, retryAfterSeconds: 1, share: 0.05, times: 3 });
  emulator.faults.add({ path: '.*', hang: true, share: 0.05, times: 5 });
  emulator.faults.add({ path: '.*', latencyMs: 50, share: 0.3 });
  try {
    return await runSoak();
  } finally {
    emulator.faults.clear();
  }
}

async function settle(pid: number, baselineFds: number): Promise<number> {
  const until = Date.now() + 10_000;
  let fds = processResources(pid).openFds;
  while (fds > baselineFds + 5 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    fds = processResources(pid).openFds;
  }
  return fds;
}

describe('a bounded soak of hostile requests over a faulty Graph', () => {
  it('keeps the process up and answering, with no 5xx or stack, and gives its sockets back', async () => {
    const pid = gateway.child.pid as number;
    // Warm up, so that lazily built things (schema caches, JIT) are not counted as growth.
    for (let i = 0; i < 50; i++) await PROBES[0]?.();
    const before = processResources(pid);

    // Two rounds, and the sockets must come back down after each.
    const answers = await faultyRound();
    const fdsAfterFirst = await settle(pid, before.openFds);
    answers.push(...(await faultyRound()));

    expect(answers).toHaveLength(2 * REQUESTS);
    const serverErrors = answers.filter((answer) => answer.status >= 500 || answer.status === 0);
    expect(serverErrors.map((answer) => answer.body.slice(0, 300))).toEqual([]);
    const leaks = answers.filter((answer) => STACK_OR_PATH.test(answer.body));
    expect(leaks.map((answer) => answer.body.slice(0, 300))).toEqual([]);
    expect(gateway.child.exitCode).toBeNull();
    // No crash output, and nothing the gateway itself considered a fault of its own.
    expect(gateway.lines.filter((line) => line['raw'] || line['level'] === 'error')).toEqual([]);

    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    const query = await graphql('{ printTaskDefinitions { displayName } }');
    expect(JSON.parse(query.body)).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });

    expect(fdsAfterFirst).toBeLessThanOrEqual(before.openFds + 5);
    const fds = await settle(pid, before.openFds);
    expect(fds).toBeLessThanOrEqual(before.openFds + 5);
    // A coarse guard against buffering what was refused (100 bodies of 1.1 MB kept would be
    // 110 MB, one 200 MB answer from Graph 200 MB): V8 grows its heap as it goes and returns
    // little without a collection, measured here at +100 to +200 MB over both rounds (Node 20
    // and 24). Growth over many operations is what `npm run bench` scenario 4 measures.
    expect(processResources(pid).rssBytes).toBeLessThan(before.rssBytes + 300 * 1024 * 1024);
  }, 120_000);
});
