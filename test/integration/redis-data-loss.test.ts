/**
 * A Redis that lost its data is said so loudly: a real redis-server without persistence
 * (test/helpers/redis-server.ts), restarted on the same port under the gateway's shared state.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerRedisMetrics } from '../../packages/gateway/src/metrics/redis-metrics.js';
import {
  persistenceOf,
  REDIS_DATA_LOST,
  REDIS_PERSISTENCE_OFF,
} from '../../packages/gateway/src/redis/data-loss-watch.js';
import {
  type RedisSharedState,
  startRedisSharedState,
} from '../../packages/gateway/src/redis/start.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import { GraphService } from '../../packages/graph-client/src/service.js';
import { type LogLine, memoryLogger } from '../helpers/memory-logger.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let shared: RedisSharedState | undefined;
let prefix = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await shared?.close();
  shared = undefined;
});
afterAll(() => redis?.stop());

/** The replica's shared state, as main.ts starts it, logging into `lines`. */
function startReplica(): LogLine[] {
  const { logger, lines } = memoryLogger();
  const upstream = new GraphService(
    createGraphTransport({
      baseUrl: 'http://127.0.0.1:9',
      auth: staticToken('unused'),
      timeoutMs: 1_000,
    }),
  ).upstream;
  prefix += 1;
  shared = startRedisSharedState(
    { url: redis.url, keyPrefix: `loss${prefix}:`, commandTimeoutMs: 500 },
    upstream,
    4,
    logger,
  );
  return lines;
}

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > ms) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const withCode = (lines: LogLine[], code: string) => lines.filter((line) => line['code'] === code);

describe('a Redis that lost its data', () => {
  it('is an error-level line with a stable message, and counted, after a restart without persistence', async () => {
    const lines = startReplica();
    await until(() => withCode(lines, REDIS_PERSISTENCE_OFF.code).length > 0);
    expect(withCode(lines, REDIS_PERSISTENCE_OFF.code)[0]).toMatchObject({
      level: 'warn',
      message: REDIS_PERSISTENCE_OFF.message,
    });

    await redis.stop();
    await redis.start();
    await until(() => withCode(lines, REDIS_DATA_LOST.code).length > 0);

    const [lost] = withCode(lines, REDIS_DATA_LOST.code);
    expect(lost).toMatchObject({
      level: 'error',
      message: REDIS_DATA_LOST.message,
      persistence: 'off',
    });
    expect(lost?.['runId']).not.toEqual(lost?.['previousRunId']);
    const registry = new Registry();
    registerRedisMetrics(registry, shared?.dataLoss ?? { lossesSeen: -1 });
    expect(await registry.metrics()).toMatch(/^redis_data_losses_total 1$/m);
  });

  it('is not reported when only the connection dropped and Redis kept its data', async () => {
    const lines = startReplica();
    const watch = shared?.dataLoss;
    await until(() => (watch?.checksDone ?? 0) === 1);

    const admin = new Redis(redis.url);
    try {
      await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    } finally {
      admin.disconnect();
    }
    await until(() => (watch?.checksDone ?? 0) === 2);

    expect(withCode(lines, REDIS_DATA_LOST.code)).toEqual([]);
    expect(watch?.lossesSeen).toBe(0);
  });
});

describe('persistenceOf', () => {
  it.each([
    ['aof_enabled:1\r\n', '', 'aof'],
    ['aof_enabled:0\r\n', '3600 1 300 100', 'rdb'],
    ['aof_enabled:0\r\n', '', 'off'],
    ['aof_enabled:0\r\n', null, 'unknown'],
  ])('reads %j with save %j as %s', (info, save, expected) => {
    expect(persistenceOf(info, save)).toBe(expected);
  });
});
