/**
 * Live events across replicas: two gateway processes, one Redis (a real redis-server) and one
 * emulator. Graph delivers a notification to one replica and a person subscribed on the other
 * hears of the job; exactly one replica manages Graph subscriptions, and another takes over when
 * it dies; while Redis is away a replica's own subscribers still hear its events, and events
 * cross replicas again once it is back (docs/replicas.md); a replica whose Redis comes up after
 * it does subscribes as soon as Redis answers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DEMO,
  ENTRA,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personToken } from '../helpers/entra.js';
import { freePort } from '../helpers/free-port.js';
import {
  type GatewayProcess,
  killGatewayProcesses,
  onRunningEmulator,
  startGatewayProcess,
} from '../helpers/gateway-process.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { type SseSubscription, subscribeSse } from '../helpers/sse-client.js';

const CONNECTED = 'Redis connected: state is shared with the other replicas';
const CREATED = 'Graph subscription created';
const CLIENT_STATE = 'replicas-live-client-state-0123';
const MY_EVENTS = 'subscription { myPrintJobEvents { kind printJobId } }';

interface Replica {
  process: GatewayProcess;
  origin: string;
  /** The webhook Graph delivers to, when this replica manages subscriptions. */
  notificationUrl: string | null;
}

let redis: TestRedis;
let emulator: RunningEmulator;
let prefix = 0;
const streams: SseSubscription[] = [];

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await redis?.stop();
});
beforeEach(() => {
  emulator.reset();
  prefix += 1;
});
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  killGatewayProcesses();
});

/**
 * A replica; with `manages`, it has a notification URL and may manage Graph subscriptions.
 * Returned once Redis connected, unless Redis is away (`redisUp: false`).
 */
async function startReplica(
  manages: boolean,
  { redisUp = true, checkMs = 1_000 } = {},
): Promise<Replica> {
  const port = await freePort();
  const notificationUrl = manages ? `http://127.0.0.1:${port}/graph/notifications` : null;
  const process = startGatewayProcess({
    PORT: String(port),
    ...onRunningEmulator(emulator.url),
    REDIS_URL: redis.url,
    // A fresh prefix per test: no lease or sighting of an earlier test is seen.
    REDIS_KEY_PREFIX: `replicas-live-${prefix}:`,
    GATEWAY_RECONCILE_INTERVAL_MS: '0',
    GATEWAY_SUBSCRIPTION_CHECK_MS: String(checkMs),
    ...(notificationUrl
      ? {
          GATEWAY_NOTIFICATION_URL: notificationUrl,
          GATEWAY_NOTIFICATION_CLIENT_STATE: CLIENT_STATE,
        }
      : { GATEWAY_GRAPH_SUBSCRIPTIONS: 'false' }),
  });
  const graphql = await process.listening;
  if (redisUp) await process.logged(CONNECTED);
  return { process, origin: new URL(graphql).origin, notificationUrl };
}

async function subscribeAs(replica: Replica, who: 'adele' | 'megan'): Promise<SseSubscription> {
  const stream = await subscribeSse(
    replica.origin,
    await personToken(emulator.url, who),
    MY_EVENTS,
  );
  streams.push(stream);
  expect(stream.status).toBe(200);
  // The stream is open once its answer arrived; give the server a moment to subscribe.
  await sleep(200);
  return stream;
}

async function submitJob(userId: string): Promise<string> {
  const answer = await fetch(`${emulator.url}/_emulator/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ printerId: DEMO.printers.floor1, userId }),
  });
  return ((await answer.json()) as { id: string }).id;
}

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > ms) throw new Error('condition not met in time');
    await sleep(50);
  }
}

const logged = (replica: Replica, message: string) =>
  replica.process.lines.filter((line) => line['message'] === message).length;

const subscriptions = () => emulator.subscriptions.statuses().map((status) => status.subscription);

describe('live events across replicas', { timeout: 60_000 }, () => {
  it('tells a person subscribed on A of a job whose notification Graph delivered to B', async () => {
    const b = await startReplica(true);
    const a = await startReplica(false);
    await b.process.logged(CREATED);
    expect(subscriptions().map((subscription) => subscription.notificationUrl)).toEqual([
      b.notificationUrl,
    ]);
    const adele = await subscribeAs(a, 'adele');
    const megan = await subscribeAs(a, 'megan');

    const job = await submitJob(ENTRA.people.adele.objectId);
    expect((await adele.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printJobId: job,
    });
    // Megan's own job reaches her; Adele's never did.
    const hers = await submitJob(ENTRA.people.megan.objectId);
    expect((await megan.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printJobId: hers,
    });
    expect(megan.messages.filter((message) => message.event === 'next')).toHaveLength(1);
  });

  it('lets exactly one replica manage Graph subscriptions, and another take over when it dies', async () => {
    const first = await startReplica(true);
    const second = await startReplica(true);
    await until(() => logged(first, CREATED) + logged(second, CREATED) === 1);
    // Several checks later (one a second), still one manager and one subscription.
    await sleep(3_000);
    const [leader, follower] = logged(first, CREATED) === 1 ? [first, second] : [second, first];
    expect(logged(follower, CREATED)).toBe(0);
    expect(
      follower.process.lines.filter((line) => line['code'] === 'GRAPH_SUBSCRIPTIONS_FAILED'),
    ).toEqual([]);
    const [held] = subscriptions();
    expect(subscriptions()).toHaveLength(1);
    expect(held?.notificationUrl).toBe(leader.notificationUrl);

    // The leader dies without releasing its lease, and its subscription lapses.
    leader.process.child.kill('SIGKILL');
    await leader.process.exited;
    await fetch(`${emulator.url}/_emulator/subscriptions/${held?.id}/expire`, { method: 'POST' });
    // The lease runs out (3 checks), then the follower leads and subscribes to its own URL.
    await follower.process.logged(CREATED);
    expect(subscriptions().map((subscription) => subscription.notificationUrl)).toEqual([
      follower.notificationUrl,
    ]);
  });

  it('keeps a replica’s own events while Redis is away, and crosses replicas again once it is back', async () => {
    const b = await startReplica(true);
    const a = await startReplica(false);
    await b.process.logged(CREATED);
    const onB = await subscribeAs(b, 'adele');
    const onA = await subscribeAs(a, 'adele');

    await redis.stop();
    await until(
      () =>
        logged(a, CONNECTED) >= 1 &&
        a.process.lines.some((line) => String(line['message']).startsWith('Redis unreachable')),
    );
    // B hears of the job from Graph and tells its own subscriber; A cannot hear of it now.
    const duringOutage = await submitJob(ENTRA.people.adele.objectId);
    expect((await onB.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printJobId: duringOutage,
    });

    await redis.start();
    await until(() => logged(a, CONNECTED) >= 2 && logged(b, CONNECTED) >= 2);
    // ioredis re-subscribed A to the channel on reconnect.
    await sleep(500);
    const afterOutage = await submitJob(ENTRA.people.adele.objectId);
    expect((await onA.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printJobId: afterOutage,
    });
    expect(a.process.child.exitCode).toBeNull();
    expect(b.process.child.exitCode).toBeNull();
    // Redis came back empty (it runs without persistence): each replica says so, loudly, and
    // nothing else is an error.
    const lost = (replica: typeof a) =>
      replica.process.lines.some((line) => line['code'] === 'REDIS_DATA_LOST');
    await until(() => lost(a) && lost(b));
    for (const replica of [a, b]) {
      const errors = replica.process.lines.filter((line) => line['level'] === 'error');
      expect(errors.map((line) => line['code'])).toEqual(['REDIS_DATA_LOST']);
    }
  });

  it('takes up Graph subscriptions within seconds of Redis answering, when Redis came up after it', async () => {
    await redis.stop();
    // The default check interval: the next check would come a minute after start-up.
    const replica = await startReplica(true, { redisUp: false, checkMs: 60_000 });
    expect(subscriptions()).toEqual([]);

    await redis.start();
    await replica.process.logged(CONNECTED);
    // Graph's subscription exists soon after, on the emulator: not at the next check.
    await until(() => subscriptions().length === 1, 5_000);
    expect(subscriptions()).toMatchObject([
      {
        resource: `print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`,
        notificationUrl: replica.notificationUrl,
      },
    ]);
  });
});
