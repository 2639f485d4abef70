/**
 * Each Redis piece against a real redis-server on loopback (test/helpers/redis-server.ts): two
 * connections stand for two replicas.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { RedisConnection } from '../../packages/gateway/src/redis/connection.js';
import { InFlightShare } from '../../packages/gateway/src/redis/in-flight-share.js';
import { RedisLeadership } from '../../packages/gateway/src/redis/leadership.js';
import { RedisOnceSet } from '../../packages/gateway/src/redis/once-set.js';
import { SharedThrottleWindow } from '../../packages/gateway/src/redis/shared-throttle.js';
import { RedisTokenBucketStore } from '../../packages/gateway/src/redis/token-bucket-store.js';
import { InFlightLimit, ThrottleGate } from '../../packages/graph-client/src/http/throttle.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
const open: RedisConnection[] = [];
let prefix = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());
beforeEach(() => {
  // A fresh prefix per test: nothing one test wrote is seen by the next.
  prefix += 1;
});
afterEach(async () => {
  for (const connection of open.splice(0)) connection.close();
});

async function replica(): Promise<RedisConnection> {
  const connection = new RedisConnection(
    { url: redis.url, keyPrefix: `t${prefix}:`, commandTimeoutMs: 500 },
    silentLogger,
  );
  open.push(connection);
  await until(() => connection.redisHealthy);
  return connection;
}

/** Waits until `count` replicas listen on the throttle channel. */
async function subscribers(connection: RedisConnection, count: number): Promise<void> {
  const channel = connection.key('graph:throttle');
  for (let waited = 0; waited < 5_000; waited += 10) {
    const [, listening] = (await connection.client.pubsub('NUMSUB', channel)) as [string, number];
    if (listening >= count) return;
    await sleep(10);
  }
  throw new Error(`fewer than ${count} subscribers on ${channel}`);
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > ms) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('RedisOnceSet', () => {
  it('reports the first sighting of a key once across replicas, and again after its ttl', async () => {
    const a = new RedisOnceSet(await replica(), 'webhook:');
    const b = new RedisOnceSet(await replica(), 'webhook:');
    expect(await a.firstSighting('n1', 200)).toBe(true);
    expect(await b.firstSighting('n1', 200)).toBe(false);
    expect(await a.firstSighting('n1', 200)).toBe(false);
    expect(await b.firstSighting('n2', 200)).toBe(true);
    await sleep(250);
    expect(await b.firstSighting('n1', 200)).toBe(true);
  });
});

describe('RedisLeadership', () => {
  it('lets one replica hold a lease, extend it, and the other take it only once released', async () => {
    const a = new RedisLeadership(await replica());
    const b = new RedisLeadership(await replica());
    expect(await a.holdOrAcquire('subscriptions', 5_000)).toBe(true);
    expect(await b.holdOrAcquire('subscriptions', 5_000)).toBe(false);
    expect(await a.holdOrAcquire('subscriptions', 5_000)).toBe(true);
    // B releasing what it does not hold changes nothing.
    await b.release('subscriptions');
    expect(await b.holdOrAcquire('subscriptions', 5_000)).toBe(false);
    await a.release('subscriptions');
    expect(await b.holdOrAcquire('subscriptions', 5_000)).toBe(true);
    expect(await a.holdOrAcquire('subscriptions', 5_000)).toBe(false);
  });

  it('passes an expired lease on, and the old holder can then neither extend nor release it', async () => {
    const a = new RedisLeadership(await replica());
    const b = new RedisLeadership(await replica());
    expect(await a.holdOrAcquire('lease', 100)).toBe(true);
    await sleep(150);
    expect(await b.holdOrAcquire('lease', 5_000)).toBe(true);
    expect(await a.holdOrAcquire('lease', 5_000)).toBe(false);
    await a.release('lease');
    expect(await b.holdOrAcquire('lease', 5_000)).toBe(true);
  });

  it('says when leases become acquirable: on each reconnect, not for a Redis already up', async () => {
    const leadership = new RedisLeadership(await replica());
    const acquirable: boolean[] = [];
    leadership.onAcquirable(() => {
      void leadership.holdOrAcquire('lease', 5_000).then((held) => acquirable.push(held));
    });
    await sleep(50);
    expect(acquirable).toEqual([]);
    await redis.stop();
    expect(await leadership.holdOrAcquire('lease', 5_000)).toBe(false);
    await redis.start();
    await until(() => acquirable.length === 1);
    expect(acquirable).toEqual([true]);
  });
});

describe('RedisTokenBucketStore', () => {
  const limit = { ratePerSecond: 10, burst: 3 };

  it('allows a burst, then refuses with the time until a token is back', async () => {
    const store = new RedisTokenBucketStore(await replica());
    expect(await store.take('caller-1', 1, limit)).toEqual({ allowed: true, remaining: 2 });
    expect(await store.take('caller-1', 1, limit)).toEqual({ allowed: true, remaining: 1 });
    expect(await store.take('caller-1', 1, limit)).toEqual({ allowed: true, remaining: 0 });
    const refused = await store.take('caller-1', 1, limit);
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
    // Another caller has its own bucket.
    expect(await store.take('caller-2', 1, limit)).toEqual({ allowed: true, remaining: 2 });
  });

  it('refills at the configured rate', async () => {
    const store = new RedisTokenBucketStore(await replica());
    for (let i = 0; i < 3; i += 1) await store.take('refill', 1, limit);
    await sleep(220);
    const after = await store.take('refill', 1, limit);
    expect(after).toMatchObject({ allowed: true });
  });

  it('is one bucket for all replicas, exact under concurrent takes', async () => {
    const a = new RedisTokenBucketStore(await replica());
    const b = new RedisTokenBucketStore(await replica());
    const wide = { ratePerSecond: 0.001, burst: 50 };
    const takes = await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).take('shared', 1, wide)),
    );
    expect(takes.filter((take) => take.allowed)).toHaveLength(50);
  });

  it('refuses a limit it cannot compute with, before any command', async () => {
    const store = new RedisTokenBucketStore(await replica());
    await expect(store.take('k', 1, { ratePerSecond: 0, burst: 1 })).rejects.toThrow(RangeError);
    await expect(store.take('k', -1, limit)).rejects.toThrow(RangeError);
  });

  it('lets the key expire once the bucket would be full again', async () => {
    const connection = await replica();
    const store = new RedisTokenBucketStore(connection);
    await store.take('expiring', 1, { ratePerSecond: 100, burst: 5 });
    const ttl = await connection.client.pttl(connection.key('bucket:expiring'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_050);
  });
});

describe('SharedThrottleWindow', () => {
  it('closes every replica gate when one replica is throttled, with no round trip to read it', async () => {
    const gateA = new ThrottleGate(true);
    const gateB = new ThrottleGate(true);
    const first = await replica();
    SharedThrottleWindow.start(first, gateA, silentLogger);
    SharedThrottleWindow.start(await replica(), gateB, silentLogger);
    await subscribers(first, 2);
    gateA.close(2);
    await until(() => gateB.remainingMs() > 0);
    expect(gateB.remainingMs()).toBeGreaterThan(1_500);
    expect(gateB.remainingMs()).toBeLessThanOrEqual(2_000);
  });

  it('keeps the longer window when a shorter one is seen later', async () => {
    const connection = await replica();
    const gate = new ThrottleGate(true);
    SharedThrottleWindow.start(connection, gate, silentLogger);
    gate.close(5);
    await sleep(50);
    gate.close(1);
    await sleep(50);
    expect(await connection.client.pttl(connection.key('graph:blocked_until'))).toBeGreaterThan(
      4_000,
    );
  });

  it('reads an open window once when a replica connects', async () => {
    const first = await replica();
    const gateA = new ThrottleGate(true);
    SharedThrottleWindow.start(first, gateA, silentLogger);
    gateA.close(3);
    await sleep(50);
    const gateLate = new ThrottleGate(true);
    SharedThrottleWindow.start(await replica(), gateLate, silentLogger);
    await until(() => gateLate.remainingMs() > 0);
    expect(gateLate.remainingMs()).toBeGreaterThan(2_000);
  });
});

describe('InFlightShare', () => {
  it('splits the budget between live replicas and gives it back when one leaves', async () => {
    const limitA = new InFlightLimit(16);
    const limitB = new InFlightLimit(16);
    const a = new InFlightShare(await replica(), limitA, { budget: 16 }, silentLogger);
    const b = new InFlightShare(await replica(), limitB, { budget: 16 }, silentLogger);
    await a.beat();
    expect(limitA.capacity).toBe(16);
    await b.beat();
    await a.beat();
    expect([limitA.capacity, limitB.capacity]).toEqual([8, 8]);
    await b.stop();
    await a.beat();
    expect(limitA.capacity).toBe(16);
  });

  it('forgets a replica whose heartbeat is older than the ttl', async () => {
    const limitA = new InFlightLimit(10);
    const a = new InFlightShare(await replica(), limitA, { budget: 10, ttlMs: 200 }, silentLogger);
    const b = new InFlightShare(
      await replica(),
      new InFlightLimit(10),
      { budget: 10, ttlMs: 200 },
      silentLogger,
    );
    await b.beat();
    await a.beat();
    expect(limitA.capacity).toBe(5);
    await sleep(250);
    await a.beat();
    expect(limitA.capacity).toBe(10);
  });

  it('never gives a replica less than one slot', () => {
    expect(InFlightShare.shareOf(2, 5)).toBe(1);
    expect(InFlightShare.shareOf(16, 3)).toBe(5);
  });
});

describe('RedisConnection during an outage', () => {
  it('fails commands fast while Redis is down, reports it, and recovers when it is back', async () => {
    const connection = await replica();
    const once = new RedisOnceSet(connection, 'outage:');
    await redis.stop();
    try {
      await until(() => !connection.redisHealthy);
      const started = Date.now();
      await expect(once.firstSighting('k', 1_000)).rejects.toThrow();
      // Not a hang: failing at once or within the command timeout.
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await redis.start();
    }
    await until(() => connection.redisHealthy, 10_000);
    expect(await once.firstSighting('k', 1_000)).toBe(true);
  });
});
