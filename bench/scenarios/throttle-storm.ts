/**
 * Issue 11's throttle storm: Graph answers 429 (`Retry-After: 1`) to one call in twenty, and the
 * same offered load (the same number of clients in a closed loop, split evenly between the
 * replicas) runs against one replica and against three replicas sharing Redis. Graph throttles
 * per app and tenant, so what reaches it should not grow with the replicas: with the throttle
 * window shared, a 429 seen by one holds back all three, and the calls per minute stay those of
 * one replica.
 */
import { DEMO, type RunningEmulator, startEmulator } from '@universal-print-gateway/emulator';
import { killGatewayProcesses } from '../../test/helpers/gateway-process.js';
import { startRedis } from '../../test/helpers/redis-server.js';
import { round } from '../harness.js';
import { type BenchReplica, startReplica } from '../replicas.js';

const PRINTER_ROUTE = '^/print/printers/[^/]+$';
const QUERY = `query($id: ID!) { printer(id: $id) { __typename } }`;

export interface StormRow {
  replicas: number;
  clients: number;
  seconds: number;
  /** Requests that reached the emulator's printer route, per minute. */
  graphCallsPerMinute: number;
  throttled429: number;
  /** GraphQL operations answered (a throttled one answers ThrottledError or waits). */
  operations: number;
}

export interface ThrottleStormResult {
  oneReplica: StormRow;
  threeReplicas: StormRow;
  /** The same three without Redis: each replica learns of Graph's 429s on its own. */
  threeReplicasNoRedis: StormRow;
  /** threeReplicas ÷ oneReplica Graph calls per minute; the goal is 1. */
  ratio: number;
  /** threeReplicasNoRedis ÷ oneReplica: what sharing saves. */
  ratioWithoutRedis: number;
}

async function storm(
  emulator: RunningEmulator,
  replicas: BenchReplica[],
  clients: number,
  seconds: number,
): Promise<StormRow> {
  emulator.reset();
  emulator.faults.add({ path: PRINTER_ROUTE, status: 429, retryAfterSeconds: 1, share: 0.05 });
  emulator.faults.add({ path: PRINTER_ROUTE, latencyMs: 10 });
  const deadline = performance.now() + seconds * 1000;
  let operations = 0;
  const client = async (replica: BenchReplica) => {
    while (performance.now() < deadline) {
      const answer = await fetch(replica.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { id: DEMO.printers.floor1 } }),
      });
      await answer.arrayBuffer();
      operations += 1;
    }
  };
  await Promise.all(
    Array.from({ length: clients }, (_, index) =>
      client(replicas[index % replicas.length] as BenchReplica),
    ),
  );
  const calls = emulator.requests
    .entries()
    .filter((entry) => new RegExp(PRINTER_ROUTE).test(entry.path));
  return {
    replicas: replicas.length,
    clients,
    seconds,
    graphCallsPerMinute: round((calls.length / seconds) * 60, 0),
    throttled429: calls.filter((entry) => entry.status === 429).length,
    operations,
  };
}

export async function throttleStorm(options: {
  clients: number;
  seconds: number;
}): Promise<ThrottleStormResult> {
  const emulator = await startEmulator();
  const redis = await startRedis();
  try {
    const start = (prefix: string) =>
      startReplica({ emulatorUrl: emulator.url, redisUrl: redis.url, keyPrefix: prefix });
    const one = await start('bench-storm-1:');
    const oneReplica = await storm(emulator, [one], options.clients, options.seconds);
    killGatewayProcesses();
    const three = await Promise.all([
      start('bench-storm-3:'),
      start('bench-storm-3:'),
      start('bench-storm-3:'),
    ]);
    const threeReplicas = await storm(emulator, three, options.clients, options.seconds);
    killGatewayProcesses();
    const alone = () => startReplica({ emulatorUrl: emulator.url });
    const unshared = await Promise.all([alone(), alone(), alone()]);
    const threeReplicasNoRedis = await storm(emulator, unshared, options.clients, options.seconds);
    const perMinute = oneReplica.graphCallsPerMinute;
    return {
      oneReplica,
      threeReplicas,
      threeReplicasNoRedis,
      ratio: round(threeReplicas.graphCallsPerMinute / perMinute, 2),
      ratioWithoutRedis: round(threeReplicasNoRedis.graphCallsPerMinute / perMinute, 2),
    };
  } finally {
    killGatewayProcesses();
    await redis.stop();
    await emulator.close();
  }
}
