/**
 * IdempotencyGuard over both stores: this process's memory, and Redis (a real redis-server on
 * loopback) as the replicas share it. The write is a counter, so "one write" is counted.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../packages/gateway/src/auth/caller.js';
import { ConflictError, UpstreamUnavailableError } from '../../packages/gateway/src/errors.js';
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyUnavailableError,
} from '../../packages/gateway/src/idempotency/errors.js';
import { canonicalJson, IdempotencyGuard } from '../../packages/gateway/src/idempotency/guard.js';
import { MemoryIdempotencyStore } from '../../packages/gateway/src/idempotency/memory-store.js';
import type { IdempotencyStore } from '../../packages/gateway/src/idempotency/store.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { RedisConnection } from '../../packages/gateway/src/redis/connection.js';
import { RedisIdempotencyStore } from '../../packages/gateway/src/redis/idempotency-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const ADELE: Caller = {
  kind: 'person',
  tenantId: 't',
  objectId: 'adele',
  clientAppId: 'c',
  permissions: ['Print.Release'],
};
const MEGAN: Caller = { ...ADELE, objectId: 'megan' };
const INPUT = { printerId: 'p1', printJobId: '5182' };
const TERMS = { windowMs: 1_000, pendingMs: 1_000, maxKeysPerCaller: 100 };

let redis: TestRedis;
let connection: RedisConnection;
let run = 0;

beforeAll(async () => {
  redis = await startRedis();
  connection = new RedisConnection(
    { url: redis.url, keyPrefix: 'idem:', commandTimeoutMs: 500 },
    silentLogger,
  );
  for (let i = 0; !connection.redisHealthy && i < 500; i += 1) await sleep(10);
});
afterAll(async () => {
  connection?.close();
  await redis?.stop();
});

/** A write that counts its calls and answers with the count. */
function countingWrite() {
  const write = async () => {
    write.calls += 1;
    return { printJobId: '5182', call: write.calls };
  };
  write.calls = 0;
  return write;
}

const stores: Array<[string, () => IdempotencyStore]> = [
  ['in memory', () => new MemoryIdempotencyStore()],
  ['in Redis', () => new RedisIdempotencyStore(connection)],
];

describe.each(stores)('IdempotencyGuard %s', (_name, makeStore) => {
  const guard = (windowMs = 60_000) =>
    new IdempotencyGuard(
      makeStore(),
      { windowMs, pendingMs: 5_000, maxKeysPerCaller: 100 },
      silentLogger,
    );
  const key = () => {
    run += 1;
    return `key-${run}-${Date.now()}`;
  };

  it('writes once and replays the first outcome for a repeat with the same key and input', async () => {
    const g = guard();
    const write = countingWrite();
    const k = key();
    const first = await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    const again = await g.run(ADELE, 'abortPrintJob', k, { ...INPUT }, write);
    expect(write.calls).toBe(1);
    expect(again).toEqual(first);
  });

  it("replays a bulk write's items as they ended, its typed errors as instances again", async () => {
    const g = guard();
    let writes = 0;
    const bulk = async () => {
      writes += 1;
      return [
        { printerId: 'p1', printJobId: '5182' },
        new ConflictError('The current state does not allow POST …/abort (conflict)', 'rq-1'),
        new UpstreamUnavailableError('Graph failed', null, 'UPSTREAM_TIMEOUT', true, 3),
      ];
    };
    const k = key();
    const first = await g.run(ADELE, 'abortPrintJobs', k, [INPUT, INPUT, INPUT], bulk);
    const again = await g.run(ADELE, 'abortPrintJobs', k, [INPUT, INPUT, INPUT], bulk);
    expect(writes).toBe(1);
    expect(again[0]).toEqual(first[0]);
    expect(again[1]).toBeInstanceOf(ConflictError);
    expect(again[1]).toMatchObject({
      code: 'CONFLICT',
      name: 'ConflictError',
      message: 'The current state does not allow POST …/abort (conflict)',
      requestId: 'rq-1',
    });
    expect(again[2]).toBeInstanceOf(UpstreamUnavailableError);
    expect(again[2]).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      outcomeUnknown: true,
      retryAfterSeconds: 3,
      requestId: null,
    });
  });

  it('writes every time without a key', async () => {
    const g = guard();
    const write = countingWrite();
    await g.run(ADELE, 'abortPrintJob', undefined, INPUT, write);
    await g.run(ADELE, 'abortPrintJob', null, INPUT, write);
    expect(write.calls).toBe(2);
  });

  it('refuses the same key with other input or another operation, without writing', async () => {
    const g = guard();
    const write = countingWrite();
    const k = key();
    await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    await expect(
      g.run(ADELE, 'abortPrintJob', k, { ...INPUT, printJobId: '5183' }, write),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(g.run(ADELE, 'updatePrintTask', k, INPUT, write)).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(write.calls).toBe(1);
  });

  it("keeps callers apart: another caller's same key is a write of its own", async () => {
    const g = guard();
    const write = countingWrite();
    const k = key();
    await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    const megans = await g.run(MEGAN, 'abortPrintJob', k, { other: 'input' }, write);
    expect(write.calls).toBe(2);
    expect(megans).toMatchObject({ call: 2 });
  });

  it('refuses a repeat while the first write is still running', async () => {
    const g = guard();
    const k = key();
    let finish = () => {};
    const first = g.run(ADELE, 'abortPrintJob', k, INPUT, () => {
      return new Promise<string>((resolve) => {
        finish = () => resolve('done');
      });
    });
    await sleep(20);
    await expect(g.run(ADELE, 'abortPrintJob', k, INPUT, countingWrite())).rejects.toBeInstanceOf(
      IdempotencyKeyInProgressError,
    );
    finish();
    expect(await first).toBe('done');
    expect(await g.run(ADELE, 'abortPrintJob', k, INPUT, countingWrite())).toBe('done');
  });

  it('gives the key back when the write fails, so a retry writes', async () => {
    const g = guard();
    const k = key();
    await expect(
      g.run(ADELE, 'abortPrintJob', k, INPUT, async () => {
        throw new ConflictError('no processing task', null);
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const write = countingWrite();
    await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    expect(write.calls).toBe(1);
  });

  it('forgets the outcome after the window', async () => {
    const g = guard(100);
    const write = countingWrite();
    const k = key();
    await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    await sleep(150);
    await g.run(ADELE, 'abortPrintJob', k, INPUT, write);
    expect(write.calls).toBe(2);
  });
});

describe('IdempotencyGuard without its store', () => {
  it('refuses a keyed write with IdempotencyUnavailableError and never writes', async () => {
    const broken: IdempotencyStore = {
      claim: () => Promise.reject(new Error('Connection is closed.')),
      complete: () => Promise.resolve(),
      abandon: () => Promise.resolve(),
    };
    const g = new IdempotencyGuard(broken, TERMS, silentLogger);
    const write = countingWrite();
    await expect(g.run(ADELE, 'abortPrintJob', 'some-key-1', INPUT, write)).rejects.toBeInstanceOf(
      IdempotencyUnavailableError,
    );
    expect(write.calls).toBe(0);
    // Without a key the write is served all the same.
    await g.run(ADELE, 'abortPrintJob', undefined, INPUT, write);
    expect(write.calls).toBe(1);
  });
});

describe('IdempotencyGuard replaying an outcome it cannot read', () => {
  it('answers IdempotencyUnavailableError and writes nothing', async () => {
    const foreign: IdempotencyStore = {
      claim: async () => ({
        kind: 'done',
        fingerprint: createHash('sha256')
          .update(`abortPrintJobs\n${canonicalJson([INPUT])}`)
          .digest('base64url'),
        outcome: '[{"$gatewayError":"SomeFutureError","message":"x"}]',
      }),
      complete: () => Promise.resolve(),
      abandon: () => Promise.resolve(),
    };
    const g = new IdempotencyGuard(foreign, TERMS, silentLogger);
    const write = countingWrite();
    await expect(
      g.run(ADELE, 'abortPrintJobs', 'some-key-2', [INPUT], write),
    ).rejects.toBeInstanceOf(IdempotencyUnavailableError);
    expect(write.calls).toBe(0);
  });
});

describe('canonicalJson', () => {
  it('is the same whatever the order of keys, and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('IdempotencyGuard with a caller past its bound', () => {
  const terms = { windowMs: 60_000, pendingMs: 5_000, maxKeysPerCaller: 3 };

  /** Megan's write with a key, then Adele's `flood` keyed writes, then Megan's repeat. */
  async function floodBetween(g: IdempotencyGuard, flood: number) {
    const megans = countingWrite();
    await g.run(MEGAN, 'abortPrintJob', 'megan-abort-1', INPUT, megans);
    for (let i = 0; i < flood; i += 1) {
      await g.run(ADELE, 'abortPrintJob', `adele-flood-${i}`, INPUT, countingWrite());
    }
    const repeat = await g.run(MEGAN, 'abortPrintJob', 'megan-abort-1', INPUT, megans);
    return { megans, repeat };
  }

  it("in memory, cannot make another caller's repeat write again, whatever the store's bound", async () => {
    // Room for 4 keys in all: on the old store Adele's 5 pushed Megan's out.
    const g = new IdempotencyGuard(new MemoryIdempotencyStore(4), terms, silentLogger);
    const { megans, repeat } = await floodBetween(g, 5);
    expect(megans.calls).toBe(1);
    expect(repeat).toEqual({ printJobId: '5182', call: 1 });
  });

  it('in Redis, holds at most its bound of keys and replays the other caller', async () => {
    const bounded = new RedisConnection(
      { url: redis.url, keyPrefix: 'idem-bound:', commandTimeoutMs: 500 },
      silentLogger,
    );
    try {
      for (let i = 0; !bounded.redisHealthy && i < 500; i += 1) await sleep(10);
      const g = new IdempotencyGuard(new RedisIdempotencyStore(bounded), terms, silentLogger);
      const { megans, repeat } = await floodBetween(g, 20);
      expect(megans.calls).toBe(1);
      expect(repeat).toEqual({ printJobId: '5182', call: 1 });
      // Adele's 3 and Megan's 1, not all 21.
      expect(await bounded.client.keys('idem-bound:idempotency:*')).toHaveLength(4);
    } finally {
      bounded.close();
    }
  });
});

describe.each(stores)(
  'IdempotencyGuard %s, for an outcome of which nothing was sent',
  (_name, makeStore) => {
    it('gives the key back: the repeat is written again, other input is no reuse', async () => {
      const g = new IdempotencyGuard(
        makeStore(),
        { windowMs: 60_000, pendingMs: 5_000, maxKeysPerCaller: 100 },
        silentLogger,
      );
      const k = `refused-${Date.now()}`;
      const refusals = { calls: 0 };
      const refused = async () => {
        refusals.calls += 1;
        return ['refused before sending'];
      };
      const sentNothing = () => true;
      await g.run(ADELE, 'abortPrintJobs', k, [INPUT], refused, { sentNothing });
      await g.run(ADELE, 'abortPrintJobs', k, [INPUT], refused, { sentNothing });
      expect(refusals.calls).toBe(2);
      const write = countingWrite();
      await g.run(ADELE, 'abortPrintJobs', k, [{ ...INPUT, printJobId: '5183' }], write);
      expect(write.calls).toBe(1);
    });
  },
);
