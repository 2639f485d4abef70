/**
 * Per-caller limits on Microsoft Graph calls, over real sockets: one caller's operations, each
 * within the operation rate but costing many Graph calls, are refused past the caller's
 * Graph-call bucket with RateLimitedError in every field that needed a call, and send Graph
 * nothing more (counted in the emulator's request log), while another caller's reads are
 * served. With Redis the bucket is the same on every replica.
 */

import { DEMO, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import type { TokenBucketStore } from '../../packages/gateway/src/rate-limit/bucket-store.js';
import type { RateLimitPolicy } from '../../packages/gateway/src/rate-limit/policy.js';
import { RedisConnection } from '../../packages/gateway/src/redis/connection.js';
import { RedisTokenBucketStore } from '../../packages/gateway/src/redis/token-bucket-store.js';
import { listen, personToken } from '../helpers/entra.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const HEAVY_KEY = 'heavy-key-0123456789abcdef';
const NEIGHBOUR_KEY = 'neighbour-key-0123456789abcdef';
const SERVICE_KEYS = parseServiceKeys(
  `heavy:Print.Release.All:${HEAVY_KEY},neighbour:Print.Release.All:${NEIGHBOUR_KEY}`,
);

/** `reads` distinct job reads in one operation: `reads` Graph calls, 20 to a `$batch` envelope. */
const jobReads = (reads: number) =>
  `{ ${Array.from(
    { length: reads },
    (_, i) => `j${i}: printJob(printerId: "${DEMO.printers.floor1}", id: "missing-${i}") {
      __typename ... on RateLimitedError { code retryAfterSeconds callsPerSecond burst }
    }`,
  ).join('\n')} }`;
const ALIASES = 40;
const HEAVY_QUERY = jobReads(ALIASES);
/** One Graph call: `GET /print/taskDefinitions`. */
const ONE_CALL_QUERY = '{ printTaskDefinitions { displayName } }';

/** Room for the first heavy operation (two envelopes of 20), not for a second one. */
const BURST = 50;
const NOT_LIMITED = { person: null, app: null, 'service-key': null, anonymous: null };
/** Service keys' Graph calls limited, refilling one call every 100 s: none trickles in. */
const keysLimitedTo = (burst: number | null): RateLimitPolicy => ({
  rates: NOT_LIMITED,
  graphCalls: {
    ...NOT_LIMITED,
    'service-key': burst === null ? null : { ratePerSecond: 0.01, burst },
  },
  maxInProgressPerCaller: null,
});
const POLICY = keysLimitedTo(BURST);

const env = useEmulator();
const servers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function gateway(store?: TokenBucketStore, policy = POLICY): Promise<string> {
  const { app } = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    // Their floods queue many requests behind the limits on two shared cores.
    timeoutMs: 10_000,
    app: {
      authentication: { serviceKeys: SERVICE_KEYS, allowAnonymous: false },
      rateLimits: { policy, ...(store ? { store } : {}) },
    },
  });
  const server = await listen(app);
  servers.push(server);
  return server.url;
}

interface Answer {
  status: number;
  data: Record<string, { __typename: string; code?: string; retryAfterSeconds?: number }>;
  errors?: unknown[];
}

async function post(url: string, key: string, query: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as Omit<Answer, 'status'>;
  return { status: response.status, ...body };
}

/** Graph calls the emulator answered: `$batch` items and direct requests, not envelopes. */
const graphCalls = () =>
  env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-envelope').length;

const typenames = (answer: Answer) => Object.values(answer.data).map((field) => field.__typename);

describe('Graph calls per caller', () => {
  it("refuses one caller's heavy operations past its Graph-call budget, sending nothing, while another caller's reads pass", async () => {
    const url = await gateway();
    env.emulator.requests.clear();

    const first = await post(url, HEAVY_KEY, HEAVY_QUERY);
    expect(first.status).toBe(200);
    expect(new Set(typenames(first))).toEqual(new Set(['NotFoundError']));
    expect(graphCalls()).toBe(ALIASES);

    // 10 calls left, and each envelope of 20 needs 20: every field is refused, none sent.
    const second = await post(url, HEAVY_KEY, HEAVY_QUERY);
    expect(second.status).toBe(200);
    expect(second.errors).toBeUndefined();
    expect(new Set(typenames(second))).toEqual(new Set(['RateLimitedError']));
    expect(second.data['j0']).toMatchObject({
      code: 'GRAPH_CALLS_RATE_LIMITED',
      callsPerSecond: 0.01,
      burst: BURST,
    });
    // (20 - 10) calls at 0.01 a second: 1 000 s.
    expect(second.data['j0']?.retryAfterSeconds).toBe(1_000);
    expect(graphCalls()).toBe(ALIASES);

    // Another caller has a bucket of its own.
    const neighbour = await post(url, NEIGHBOUR_KEY, ONE_CALL_QUERY);
    expect(neighbour.status).toBe(200);
    expect(neighbour.errors).toBeUndefined();
    expect(graphCalls()).toBe(ALIASES + 1);

    // A refused charge spends nothing: the heavy caller's 10 calls are still there.
    const single = await post(url, HEAVY_KEY, ONE_CALL_QUERY);
    expect(single.errors).toBeUndefined();
    expect(graphCalls()).toBe(ALIASES + 2);
  });

  it('leaves Graph calls unlimited for a caller kind whose limit is off', async () => {
    const url = await gateway(undefined, keysLimitedTo(null));
    env.emulator.requests.clear();
    for (let round = 0; round < 3; round++) {
      expect(new Set(typenames(await post(url, HEAVY_KEY, HEAVY_QUERY)))).toEqual(
        new Set(['NotFoundError']),
      );
    }
    expect(graphCalls()).toBe(3 * ALIASES);
  });
});

describe("a person's release of all their waiting jobs", () => {
  it('answers RateLimitedError as data, sending nothing, when the bucket cannot pay for finding them', async () => {
    // People's Graph calls limited to a bucket that one release-all's reads cannot fit in.
    const policy: RateLimitPolicy = {
      rates: NOT_LIMITED,
      graphCalls: { ...NOT_LIMITED, person: { ratePerSecond: 0.01, burst: 1 } },
      maxInProgressPerCaller: null,
    };
    const { app } = createTestGateway({
      ...emulatorGraph(env.emulator.url),
      // Their floods queue many requests behind the limits on two shared cores.
      timeoutMs: 10_000,
      app: {
        authentication: {
          entra: createEntraTokenValidator(emulatedEntraSettings(env.emulator.url)),
          allowAnonymous: false,
        },
        rateLimits: { policy },
      },
    });
    const server = await listen(app);
    servers.push(server);
    const token = await personToken(env.emulator.url, 'adele');
    env.emulator.requests.clear();

    const spend = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ONE_CALL_QUERY }),
    });
    expect(spend.status).toBe(200);
    expect(graphCalls()).toBe(1);

    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { releasePrintJobs(input: { destinationPrinterId: "${DEMO.printers.floor1}" }) {
          __typename ... on RateLimitedError { code } } }`,
      }),
    });
    const body = (await response.json()) as {
      data?: { releasePrintJobs: { __typename: string; code?: string } };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.releasePrintJobs).toEqual({
      __typename: 'RateLimitedError',
      code: 'GRAPH_CALLS_RATE_LIMITED',
    });
    expect(graphCalls()).toBe(1);
  });
});

describe('Graph calls per caller, with replicas sharing Redis', () => {
  let redis: TestRedis;
  const connections: RedisConnection[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const connection of connections) connection.close();
    await redis?.stop();
  });

  async function sharedStore(): Promise<TokenBucketStore> {
    const connection = new RedisConnection(
      { url: redis.url, keyPrefix: 'graph-call-limit:', commandTimeoutMs: 1_000 },
      silentLogger,
    );
    connections.push(connection);
    // Commands are not queued while it connects: wait until it is ready.
    await new Promise<void>((ready) => connection.onReady(ready));
    return new RedisTokenBucketStore(connection);
  }

  it('charges a caller on one replica and refuses it on the other', async () => {
    const a = await gateway(await sharedStore(), keysLimitedTo(20));
    const b = await gateway(await sharedStore(), keysLimitedTo(20));
    env.emulator.requests.clear();

    // 20 calls: the whole bucket, spent on replica a.
    const spent = await post(a, HEAVY_KEY, jobReads(20));
    expect(new Set(typenames(spent))).toEqual(new Set(['NotFoundError']));
    expect(graphCalls()).toBe(20);

    const refused = await post(b, HEAVY_KEY, jobReads(1));
    expect(typenames(refused)).toEqual(['RateLimitedError']);
    expect(graphCalls()).toBe(20);
    // The neighbour's bucket, in the same Redis, is its own.
    expect(typenames(await post(b, NEIGHBOUR_KEY, jobReads(1)))).toEqual(['NotFoundError']);
    expect(graphCalls()).toBe(21);
  });
});
