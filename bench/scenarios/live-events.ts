/**
 * Issue 11's latency: from a job's submission to its WAITING event on a person's live stream.
 * The emulator delivers Graph's change notification to the replica that subscribed (B); the
 * person listens on another replica (A), so the event crosses Redis. The same with one process
 * and no Redis is the reference. Jobs are submitted one at a time: each latency is one job's
 * path, not a queue's.
 */
import { DEMO, ENTRA, startEmulator } from '@universal-print-gateway/emulator';
import { personToken } from '../../test/helpers/entra.js';
import { killGatewayProcesses } from '../../test/helpers/gateway-process.js';
import { startRedis } from '../../test/helpers/redis-server.js';
import { type SseSubscription, subscribeSse } from '../../test/helpers/sse-client.js';
import { percentile, round } from '../harness.js';
import { type BenchReplica, startReplica } from '../replicas.js';

const CREATED = 'Graph subscription created';

export interface LatencyRow {
  jobs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LiveEventsResult {
  oneProcessNoRedis: LatencyRow;
  twoReplicasAndRedis: LatencyRow;
}

async function measure(
  emulatorUrl: string,
  listener: BenchReplica,
  jobs: number,
): Promise<LatencyRow> {
  const stream: SseSubscription = await subscribeSse(
    listener.origin,
    await personToken(emulatorUrl, 'adele'),
    'subscription { myPrintJobEvents { kind printJobId } }',
  );
  if (stream.status !== 200) throw new Error(`subscription answered ${stream.status}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const latencies: number[] = [];
  try {
    for (let index = 0; index < jobs; index += 1) {
      const started = performance.now();
      const answer = await fetch(`${emulatorUrl}/_emulator/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          printerId: DEMO.printers.floor1,
          userId: ENTRA.people.adele.objectId,
        }),
      });
      const { id } = (await answer.json()) as { id: string };
      for (;;) {
        const event = (await stream.next(10_000)).data?.['myPrintJobEvents'] as
          | { kind: string; printJobId: string }
          | undefined;
        if (event?.kind === 'WAITING' && event.printJobId === id) break;
      }
      latencies.push(performance.now() - started);
    }
  } finally {
    stream.close();
  }
  return {
    jobs,
    p50Ms: round(percentile(latencies, 0.5), 1),
    p99Ms: round(percentile(latencies, 0.99), 1),
    maxMs: round(Math.max(...latencies), 1),
  };
}

export async function liveEvents(options: { jobs: number }): Promise<LiveEventsResult> {
  const emulator = await startEmulator();
  const redis = await startRedis();
  try {
    const alone = await startReplica({ emulatorUrl: emulator.url, notifications: true });
    await alone.process.logged(CREATED);
    const oneProcessNoRedis = await measure(emulator.url, alone, options.jobs);
    killGatewayProcesses();
    emulator.reset();

    const b = await startReplica({
      emulatorUrl: emulator.url,
      redisUrl: redis.url,
      keyPrefix: 'bench-live:',
      notifications: true,
    });
    const a = await startReplica({
      emulatorUrl: emulator.url,
      redisUrl: redis.url,
      keyPrefix: 'bench-live:',
    });
    await b.process.logged(CREATED);
    const twoReplicasAndRedis = await measure(emulator.url, a, options.jobs);
    return { oneProcessNoRedis, twoReplicasAndRedis };
  } finally {
    killGatewayProcesses();
    await redis.stop();
    await emulator.close();
  }
}
