/**
 * Two gateway processes (replicas A and B), one Redis (a real redis-server) and one emulator,
 * as docs/replicas.md describes: what Graph tells one replica holds for both, a write with an
 * idempotency key happens once whichever replica the retry reaches, and an outage of Redis
 * degrades to per-replica state without a crash, then shared state resumes.
 */
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DEMO,
  EMULATOR_TOKENS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type GatewayProcess,
  killGatewayProcesses,
  postJson,
  startGatewayProcess,
} from '../helpers/gateway-process.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const CONNECTED = 'Redis connected: state is shared with the other replicas';
const UNREACHABLE_PREFIX = 'Redis unreachable';
const PRINTER_ROUTE = '^/print/printers/[^/]+$';
const PRINTER = `query Printer($id: ID!) {
  printer(id: $id) { __typename ... on Printer { id } ... on Error { code } }
}`;
const ABORT = `mutation Abort($input: AbortPrintJobInput!, $key: String) {
  abortPrintJob(input: $input, idempotencyKey: $key) {
    __typename
    ... on AbortPrintJobSuccess { printerId printJobId }
    ... on Error { code }
  }
}`;
const abortInput = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele };

interface Replica {
  process: GatewayProcess;
  url: string;
}

let redis: TestRedis;
let emulator: RunningEmulator;
let a: Replica;
let b: Replica;
const agent = new Agent({ keepAlive: true });

async function startReplica(redisUrl = redis.url, waitForRedis = true): Promise<Replica> {
  const process = startGatewayProcess({
    GRAPH_BASE_URL: emulator.url,
    GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
    // Who calls is not what is tested here.
    GATEWAY_ALLOW_ANONYMOUS: 'true',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: 'replicas-test:',
    GRAPH_MAX_IN_FLIGHT: '8',
  });
  const url = await process.listening;
  if (waitForRedis) await process.logged(CONNECTED);
  return { process, url };
}

async function graphql(replica: Replica, query: string, variables: Record<string, unknown>) {
  const outcome = await postJson(replica.url, { query, variables }, agent);
  if (outcome.kind !== 'answer') throw new Error(`no answer: ${outcome.error}`);
  return outcome.body as { data?: Record<string, Record<string, unknown>> };
}

const printerCalls = () =>
  emulator.requests.entries().filter((entry) => new RegExp(PRINTER_ROUTE).test(entry.path));

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > ms) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const count = (replica: Replica, prefix: string) =>
  replica.process.lines.filter((line) => String(line['message']).startsWith(prefix)).length;

/**
 * Graph throttles `first`; moments later `second` is asked for a printer. Returns how many
 * printer calls Graph saw while the window was open (only the 429), and both answers.
 */
async function throttleOneAskTheOther(first: Replica, second: Replica) {
  emulator.faults.add({ path: PRINTER_ROUTE, status: 429, retryAfterSeconds: 3, times: 1 });
  const firstAnswer = graphql(first, PRINTER, { id: DEMO.printers.floor1 });
  await until(() => printerCalls().some((entry) => entry.status === 429));
  // Time for the window to travel through Redis: a publish and a message on loopback.
  await sleep(300);
  const secondAnswer = graphql(second, PRINTER, { id: DEMO.printers.floor2 });
  await sleep(1_500);
  const callsInWindow = printerCalls().length;
  return { callsInWindow, answers: await Promise.all([firstAnswer, secondAnswer]) };
}

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
  [a, b] = await Promise.all([startReplica(), startReplica()]);
}, 60_000);

afterAll(async () => {
  killGatewayProcesses();
  agent.destroy();
  await emulator?.close();
  await redis?.stop();
});

beforeEach(() => emulator.reset());

describe('two replicas sharing Redis', () => {
  it('holds B back while Graph throttles A: B sends nothing inside the window', async () => {
    const { callsInWindow, answers } = await throttleOneAskTheOther(a, b);
    // Only A's throttled call: neither A's retry nor B's call went out inside the window.
    expect(callsInWindow).toBe(1);
    expect(answers.map((answer) => answer.data?.['printer']?.['__typename'])).toEqual([
      'Printer',
      'Printer',
    ]);
    expect(printerCalls().map((entry) => entry.status)).toEqual([429, 200, 200]);
  });

  it('splits GRAPH_MAX_IN_FLIGHT between the live replicas', async () => {
    const shares = (replica: Replica) =>
      replica.process.lines.filter(
        (line) => line['message'] === 'Graph in-flight budget split between replicas',
      );
    await until(() => shares(a).some((line) => line['replicas'] === 2));
    expect(shares(a).at(-1)).toMatchObject({ replicas: 2, budget: 8, share: 4 });
  });

  it('writes once for an idempotency key sent to A and then retried on B', async () => {
    const variables = { input: abortInput, key: 'replica-retry-0001' };
    const fromA = await graphql(a, ABORT, variables);
    const fromB = await graphql(b, ABORT, variables);
    expect(fromA.data?.['abortPrintJob']).toEqual({
      __typename: 'AbortPrintJobSuccess',
      ...abortInput,
    });
    expect(fromB).toEqual(fromA);
    const aborts = emulator.requests.entries().filter((entry) => entry.path.endsWith('/abort'));
    expect(aborts).toHaveLength(1);
  });

  it('keeps serving while Redis is down, and shares state again once it is back', async () => {
    await redis.stop();
    try {
      await until(() => count(a, UNREACHABLE_PREFIX) > 0 && count(b, UNREACHABLE_PREFIX) > 0);
      // Reads are served as ever.
      for (const replica of [a, b]) {
        const answer = await graphql(replica, PRINTER, { id: DEMO.printers.floor1 });
        expect(answer.data?.['printer']?.['__typename']).toBe('Printer');
      }
      // A write that asks for exactly-once is refused, nothing sent; without a key it is served.
      const keyed = await graphql(b, ABORT, { input: abortInput, key: 'during-outage-01' });
      expect(keyed.data?.['abortPrintJob']).toEqual({
        __typename: 'IdempotencyUnavailableError',
        code: 'IDEMPOTENCY_UNAVAILABLE',
      });
      expect(emulator.requests.entries().filter((e) => e.path.endsWith('/abort'))).toHaveLength(0);
      const unkeyed = await graphql(b, ABORT, { input: abortInput });
      expect(unkeyed.data?.['abortPrintJob']?.['__typename']).toBe('AbortPrintJobSuccess');
    } finally {
      await redis.start();
    }
    await until(() => count(a, CONNECTED) >= 2 && count(b, CONNECTED) >= 2);
    emulator.reset();
    // Shared again, the other way round this time.
    const { callsInWindow } = await throttleOneAskTheOther(b, a);
    expect(callsInWindow).toBe(1);
    expect([a.process.child.exitCode, b.process.child.exitCode]).toEqual([null, null]);
  });
});

describe('a replica whose Redis is not there at start-up', () => {
  it('starts and serves, refuses keyed writes, and shares state once Redis appears', async () => {
    const late = await startRedis();
    await late.stop();
    try {
      const lonely = await startReplica(late.url, false);
      const answer = await graphql(lonely, PRINTER, { id: DEMO.printers.floor1 });
      expect(answer.data?.['printer']?.['__typename']).toBe('Printer');
      const keyed = await graphql(lonely, ABORT, { input: abortInput, key: 'before-redis-01' });
      expect(keyed.data?.['abortPrintJob']?.['__typename']).toBe('IdempotencyUnavailableError');
      await late.start();
      await lonely.process.logged(CONNECTED);
      const again = await graphql(lonely, ABORT, { input: abortInput, key: 'before-redis-01' });
      expect(again.data?.['abortPrintJob']?.['__typename']).toBe('AbortPrintJobSuccess');
    } finally {
      await late.stop();
    }
  });
});
