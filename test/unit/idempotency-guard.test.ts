/**
 * IdempotencyGuard over both stores: this process's memory, and Redis (a real redis-server on
 * loopback) as the replicas share it. The write is a counter, so "one write" is counted.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { ConflictError, UpstreamUnavailableError } from '../../src/errors.js';
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyUnavailableError,
} from '../../src/idempotency/errors.js';
import { canonicalJson, IdempotencyGuard } from '../../src/idempotency/guard.js';
import { MemoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import type { IdempotencyStore } from '../../src/idempotency/store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { RedisConnection } from '../../src/shared-state/redis/connection.js';
import { RedisIdempotencyStore } from '../../src/shared-state/redis/idempotency-store.js';
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
    new IdempotencyGuard(makeStore(), { windowMs, pendingMs: 5_000 }, silentLogger);
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
    const g = new IdempotencyGuard(broken, { windowMs: 1_000, pendingMs: 1_000 }, silentLogger);
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
    const g = new IdempotencyGuard(foreign, { windowMs: 1_000, pendingMs: 1_000 }, silentLogger);
    const write = countingWrite();
    await expect(
      g.run(ADELE, 'abortPrintJobs', 'some-key-2', [INPUT], write),
    ).rejects.toBeInstanceOf(IdempotencyUnavailableError);
    expect(write.calls).toBe(0);
  });
});

describe('MemoryIdempotencyStore', () => {
  it('stays within its bound, dropping the oldest keys first', async () => {
    const store = new MemoryIdempotencyStore(3);
    for (const k of ['a', 'b', 'c', 'd']) await store.claim(k, 'f', 60_000);
    expect(store.size).toBe(3);
    expect((await store.claim('a', 'f', 60_000)).kind).toBe('claimed');
    expect((await store.claim('d', 'f', 60_000)).kind).toBe('in-progress');
  });

  it('drops stored outcomes before writes still running', async () => {
    const store = new MemoryIdempotencyStore(2);
    await store.claim('running', 'f', 60_000);
    const done = await store.claim('done', 'f', 60_000);
    if (done.kind !== 'claimed') throw new Error('not claimed');
    await store.complete('done', done.token, 'f', 'outcome', 60_000);

    await store.claim('new', 'f', 60_000);

    expect((await store.claim('running', 'f', 60_000)).kind).toBe('in-progress');
    expect((await store.claim('done', 'f', 60_000)).kind).toBe('claimed');
  });
});

describe('MemoryIdempotencyStore outcome bound', () => {
  it('drops the oldest outcomes once their length passes the bound', async () => {
    const store = new MemoryIdempotencyStore(100, 10);
    for (const k of ['a', 'b', 'c']) {
      const claim = await store.claim(k, 'f', 60_000);
      if (claim.kind !== 'claimed') throw new Error('not claimed');
      await store.complete(k, claim.token, 'f', '12345', 60_000);
    }
    // 15 characters held is over 10: the oldest went.
    expect(store.size).toBe(2);
    expect(store.heldOutcomeChars).toBe(10);
    expect((await store.claim('a', 'f', 60_000)).kind).toBe('claimed');
    expect((await store.claim('c', 'f', 60_000)).kind).toBe('done');
  });

  it('does not keep an outcome longer than the whole bound', async () => {
    const store = new MemoryIdempotencyStore(100, 10);
    const claim = await store.claim('big', 'f', 60_000);
    if (claim.kind !== 'claimed') throw new Error('not claimed');
    await store.complete('big', claim.token, 'f', 'x'.repeat(11), 60_000);
    expect(store.size).toBe(0);
    expect(store.heldOutcomeChars).toBe(0);
  });

  it('drops nothing else for an outcome longer than the whole bound', async () => {
    const store = new MemoryIdempotencyStore(100, 10);
    const small = await store.claim('small', 'f', 60_000);
    if (small.kind !== 'claimed') throw new Error('not claimed');
    await store.complete('small', small.token, 'f', '12345', 60_000);
    const big = await store.claim('big', 'f', 60_000);
    if (big.kind !== 'claimed') throw new Error('not claimed');

    await store.complete('big', big.token, 'f', 'x'.repeat(11), 60_000);

    expect((await store.claim('small', 'f', 60_000)).kind).toBe('done');
    expect((await store.claim('big', 'f', 60_000)).kind).toBe('claimed');
  });

  it('keeps pending claims when outcomes pass the length bound', async () => {
    const store = new MemoryIdempotencyStore(100, 10);
    await store.claim('running', 'f', 60_000);
    for (const k of ['a', 'b', 'c']) {
      const claim = await store.claim(k, 'f', 60_000);
      if (claim.kind !== 'claimed') throw new Error('not claimed');
      await store.complete(k, claim.token, 'f', '12345', 60_000);
    }

    expect((await store.claim('running', 'f', 60_000)).kind).toBe('in-progress');
    expect((await store.claim('a', 'f', 60_000)).kind).toBe('claimed');
  });
});

describe('canonicalJson', () => {
  it('is the same whatever the order of keys, and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});
