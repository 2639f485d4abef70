/**
 * Per-caller limits over real sockets: a flood from one service key is mostly refused with 429
 * and `Retry-After`, nothing refused reaches Graph (counted in the emulator's request log),
 * another caller is served all the while, and the flooding caller is served again once it has
 * waited. The process stays healthy throughout.
 */

import { EMULATOR_TOKENS, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import type { TokenBucketStore } from '../../packages/gateway/src/rate-limit/bucket-store.js';
import type { RateLimitPolicy } from '../../packages/gateway/src/rate-limit/policy.js';
import { appToken, listen, personToken } from '../helpers/entra.js';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const FLOODER_KEY = 'flooder-key-0123456789abcdef';
const NEIGHBOUR_KEY = 'neighbour-key-0123456789abcdef';
const SERVICE_KEYS = parseServiceKeys(
  `flooder:Print.Release.All:${FLOODER_KEY},neighbour:Print.Release.All:${NEIGHBOUR_KEY}`,
);
/** One Graph call: `GET /print/taskDefinitions`. */
const ONE_CALL_QUERY = '{ printTaskDefinitions { displayName } }';

const env = useEmulator();
let server: { url: string; close(): Promise<void> } | undefined;

afterEach(async () => {
  killGatewayProcesses();
  await server?.close();
  server = undefined;
});

async function gateway(
  policy: RateLimitPolicy,
  extra: { store?: TokenBucketStore; logger?: Logger } = {},
): Promise<string> {
  const { app } = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    // Their floods queue many requests behind the limits on two shared cores.
    timeoutMs: 10_000,
    ...(extra.logger ? { logger: extra.logger } : {}),
    app: {
      authentication: {
        serviceKeys: SERVICE_KEYS,
        entra: createEntraTokenValidator(emulatedEntraSettings(env.emulator.url)),
        allowAnonymous: false,
      },
      rateLimits: { policy, ...(extra.store ? { store: extra.store } : {}) },
    },
  });
  server = await listen(app);
  return server.url;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

async function post(url: string, key: string, body: unknown = { query: ONE_CALL_QUERY }) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  } satisfies Answer;
}

const graphCalls = () =>
  env.emulator.requests.entries().filter((request) => request.via !== 'batch-item').length;

const served = (answers: Answer[]) => answers.filter((answer) => answer.status === 200);
const refused = (answers: Answer[]) => answers.filter((answer) => answer.status === 429);

const NOT_LIMITED = {
  person: null,
  app: null,
  'service-key': null,
  anonymous: null,
} satisfies RateLimitPolicy['rates'];

describe('per-caller token buckets', () => {
  const burst = 20;
  const policy: RateLimitPolicy = {
    rates: { ...NOT_LIMITED, 'service-key': { ratePerSecond: 2, burst } },
    maxInProgressPerCaller: null,
  };

  it('refuses most of 300 concurrent requests from one key with 429, Retry-After and RATE_LIMITED, sending Graph nothing for them', async () => {
    const url = await gateway(policy);
    env.emulator.requests.clear();

    const answers = await Promise.all(Array.from({ length: 300 }, () => post(url, FLOODER_KEY)));

    // The burst, and the few tokens that trickle in (2 a second) while the flood is answered.
    expect(served(answers).length).toBeGreaterThanOrEqual(burst);
    expect(refused(answers).length).toBeGreaterThan(150);
    expect(served(answers).length + refused(answers).length).toBe(300);
    for (const answer of served(answers)) {
      expect(answer.body).toEqual({
        data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
      });
    }
    for (const answer of refused(answers)) {
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toHaveLength(1);
      const extensions = answer.body.errors?.[0]?.extensions ?? {};
      expect(extensions['code']).toBe('RATE_LIMITED');
      // Whole seconds: at 2 tokens a second, one token is at most half a second away.
      expect(extensions['retryAfterSeconds']).toBe(1);
      expect(answer.retryAfter).toBe('1');
      expect(extensions).not.toHaveProperty('http');
    }
    // Each served request made its one Graph call; the refused ones made none.
    expect(graphCalls()).toBe(served(answers).length);
  }, 60_000);

  it('serves another caller while one is refused, and the refused one again after Retry-After', async () => {
    const url = await gateway(policy);
    const flood = await Promise.all(Array.from({ length: 60 }, () => post(url, FLOODER_KEY)));
    expect(refused(flood).length).toBeGreaterThan(0);

    const neighbour = await post(url, NEIGHBOUR_KEY);
    expect(neighbour.status).toBe(200);
    expect(neighbour.body.data).toEqual({
      printTaskDefinitions: [{ displayName: 'Release at printer' }],
    });

    // Tokens trickle in at 2 a second: send until one is refused, however slow this machine is.
    let stillRefused = await post(url, FLOODER_KEY);
    for (let i = 0; i < 50 && stillRefused.status !== 429; i++) {
      stillRefused = await post(url, FLOODER_KEY);
    }
    expect(stillRefused.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(stillRefused.retryAfter) * 1000));
    const again = await post(url, FLOODER_KEY);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({
      printTaskDefinitions: [{ displayName: 'Release at printer' }],
    });

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
  }, 60_000);

  it('charges a batched request one token per operation', async () => {
    const url = await gateway({
      rates: { ...NOT_LIMITED, 'service-key': { ratePerSecond: 0.01, burst: 10 } },
      maxInProgressPerCaller: null,
    });
    const batchOf = (n: number) => Array.from({ length: n }, () => ({ query: '{ __typename }' }));

    const first = await post(url, FLOODER_KEY, batchOf(6));
    expect(first.status).toBe(200);
    // 4 tokens are left: a batch of 5 does not fit, and spends nothing.
    const second = await post(url, FLOODER_KEY, batchOf(5));
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    const third = await post(url, FLOODER_KEY, batchOf(4));
    expect(third.status).toBe(200);
    expect(third.body).toHaveLength(4);
  });

  it('lets requests through and logs a warning when the store fails', async () => {
    const { logger, lines } = memoryLogger();
    const failing: TokenBucketStore = { take: () => Promise.reject(new Error('store is down')) };
    const url = await gateway(policy, { store: failing, logger });
    const answer = await post(url, FLOODER_KEY);
    expect(answer.status).toBe(200);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'RATE_LIMIT_STORE_FAILED', error: 'store is down' }),
    ]);
  });

  it('does not limit a caller kind whose limit is off', async () => {
    const url = await gateway({ rates: NOT_LIMITED, maxInProgressPerCaller: null });
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(url, FLOODER_KEY)));
    expect(served(answers)).toHaveLength(50);
  }, 60_000);
});

describe('requests in progress per caller', () => {
  const max = 4;
  const policy: RateLimitPolicy = { rates: NOT_LIMITED, maxInProgressPerCaller: max };

  it('refuses a caller its requests beyond the cap with 429 TOO_MANY_REQUESTS_IN_PROGRESS while slow ones run, and serves others', async () => {
    const url = await gateway(policy);
    // Slow Graph: the first requests stay in progress while the rest arrive.
    env.emulator.faults.add({ path: '.*', latencyMs: 1_500 });
    env.emulator.requests.clear();

    const flood = Promise.all(Array.from({ length: 50 }, () => post(url, FLOODER_KEY)));
    const neighbour = post(url, NEIGHBOUR_KEY);
    const answers = await flood;

    expect(served(answers).length).toBeGreaterThanOrEqual(max);
    expect(refused(answers).length).toBeGreaterThan(answers.length / 2);
    expect(served(answers).length + refused(answers).length).toBe(50);
    for (const answer of refused(answers)) {
      expect(answer.body.errors?.[0]?.extensions).toEqual({
        code: 'TOO_MANY_REQUESTS_IN_PROGRESS',
        retryAfterSeconds: 1,
      });
      expect(answer.retryAfter).toBe('1');
    }
    expect((await neighbour).status).toBe(200);
    // The neighbour's call and the served ones reached Graph; nothing refused did.
    expect(graphCalls()).toBe(served(answers).length + 1);
  }, 60_000);

  it('gives the slot back however a request ends: refused, failed or served', async () => {
    const url = await gateway(policy);
    // More requests than the cap, one after the other, each ending differently.
    for (let i = 0; i < 3 * max; i++) {
      const invalid = await post(url, FLOODER_KEY, { query: '{ nope }' });
      expect(invalid.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const tooDeep = await post(url, FLOODER_KEY, { query: `{${'{'.repeat(40)}` });
      expect(tooDeep.status).toBe(400);
      const notJson = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${FLOODER_KEY}` },
        body: '{"query":',
      });
      expect(notJson.status).toBe(400);
    }
    const ok = await post(url, FLOODER_KEY);
    expect(ok.status).toBe(200);
  }, 60_000);
});

describe('caller identities', () => {
  it('gives each person and each app a bucket of its kind', async () => {
    const url = await gateway({
      rates: {
        ...NOT_LIMITED,
        person: { ratePerSecond: 0.01, burst: 10 },
        app: { ratePerSecond: 0.01, burst: 20 },
      },
      maxInProgressPerCaller: null,
    });
    const [adele, megan, station] = await Promise.all([
      personToken(env.emulator.url, 'adele'),
      personToken(env.emulator.url, 'megan'),
      appToken(env.emulator.url, 'releaseStation'),
    ]);
    // A new token for the same person is the same person (tid + oid), not a new bucket.
    const adeleAgain = await personToken(env.emulator.url, 'adele');

    const adeles = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(url, i % 2 ? adele : adeleAgain)),
    );
    expect(served(adeles)).toHaveLength(10);
    expect(refused(adeles)).toHaveLength(2);

    expect((await post(url, megan)).status).toBe(200);
    const stations = await Promise.all(Array.from({ length: 21 }, () => post(url, station)));
    expect(served(stations)).toHaveLength(20);
    // Service keys are not limited in this policy.
    expect((await post(url, FLOODER_KEY)).status).toBe(200);
  }, 60_000);
});

describe('the gateway process', () => {
  it('limits by the GATEWAY_RATE_LIMIT_KEY and GATEWAY_MAX_IN_PROGRESS_PER_CALLER it is started with', async () => {
    const gatewayProcess = startGatewayProcess({
      GRAPH_BASE_URL: env.emulator.url,
      GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
      GATEWAY_API_KEYS: `flooder:Print.Release.All:${FLOODER_KEY}`,
      GATEWAY_RATE_LIMIT_KEY: '0.01/10',
      GATEWAY_MAX_IN_PROGRESS_PER_CALLER: '2',
    });
    const url = new URL(await gatewayProcess.listening).origin;

    env.emulator.faults.add({ path: '.*', latencyMs: 1_500 });
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => post(url, FLOODER_KEY)));
    env.emulator.faults.clear();
    expect(served(concurrent).length).toBeGreaterThanOrEqual(2);
    const tooMany = refused(concurrent).map((a) => a.body.errors?.[0]?.extensions?.['code']);
    expect(tooMany.length).toBeGreaterThan(0);
    expect(new Set(tooMany)).toEqual(new Set(['TOO_MANY_REQUESTS_IN_PROGRESS']));

    // Refused requests spent no tokens: the bucket of 10 pays for 10 served requests in all.
    const sequential: Answer[] = [];
    for (let i = 0; i < 20 && sequential.at(-1)?.status !== 429; i++) {
      sequential.push(await post(url, FLOODER_KEY));
    }
    expect(served(concurrent).length + served(sequential).length).toBe(10);
    const last = sequential.at(-1);
    expect(last?.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    // Nearly 1 token at 0.01 a second: up to 100 s, less what trickled in meanwhile.
    expect(Number(last?.retryAfter)).toBeGreaterThan(50);
    expect(Number(last?.retryAfter)).toBeLessThanOrEqual(100);
    expect(last?.body.errors?.[0]?.extensions?.['retryAfterSeconds']).toBe(
      Number(last?.retryAfter),
    );
    expect(gatewayProcess.child.exitCode).toBeNull();
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
  }, 60_000);
});
