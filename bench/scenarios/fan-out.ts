/**
 * One query touching K jobs: upstream HTTP requests and wall time with batching, against the
 * same gateway with batching switched off, and against one upstream round trip.
 */
import { DEMO } from '@universal-print-gateway/emulator';
import {
  directClient,
  emulatorWithLatency,
  expectNoErrors,
  gateway,
  median,
  round,
} from '../harness.js';

export interface FanOutRow {
  k: number;
  batched: { upstreamRequests: number; wallMs: number };
  unbatched: { upstreamRequests: number; wallMs: number };
  /** Batched wall time in upstream round trips. Target for K=100: ≤ 2. */
  batchedRoundTrips: number;
}

export interface FanOutResult {
  latencyMs: number;
  roundTripMs: number;
  rows: FanOutRow[];
}

export async function fanOut(options: {
  latencyMs: number;
  ks: readonly number[];
  repetitions: number;
}): Promise<FanOutResult> {
  const emulator = await emulatorWithLatency(options.latencyMs);
  const batched = await gateway(emulator);
  const unbatched = await gateway(emulator, { batching: false });
  const client = directClient(emulator);
  const maxK = Math.max(...options.ks);
  const jobIds = Array.from(
    { length: maxK },
    () => emulator.submitJob({ printerId: DEMO.printers.floor1 }).id,
  );
  const query = (k: number) =>
    `{ ${jobIds
      .slice(0, k)
      .map(
        (id, n) =>
          `j${n}: printJob(printerId: "${DEMO.printers.floor1}", id: "${id}") { __typename ... on PrintJob { id status { state } } }`,
      )
      .join(' ')} }`;

  const measure = async (gw: typeof batched, k: number) => {
    const walls: number[] = [];
    const requests: number[] = [];
    for (let rep = 0; rep < options.repetitions; rep++) {
      const before = gw.service.metrics.snapshot().httpRequests;
      const started = performance.now();
      expectNoErrors(await gw.post({ query: query(k) }), `K=${k}`);
      walls.push(performance.now() - started);
      requests.push(gw.service.metrics.snapshot().httpRequests - before);
    }
    return { upstreamRequests: median(requests), wallMs: round(median(walls), 1) };
  };

  try {
    const trips: number[] = [];
    const jobPath = `/print/printers/${DEMO.printers.floor1}/jobs/${jobIds[0]}`;
    for (let rep = 0; rep < 20; rep++) {
      const started = performance.now();
      await client.api(jobPath).get();
      trips.push(performance.now() - started);
    }
    const roundTripMs = round(median(trips), 1);
    await measure(batched, 1);
    await measure(unbatched, 1);
    const rows: FanOutRow[] = [];
    for (const k of options.ks) {
      const withBatching = await measure(batched, k);
      rows.push({
        k,
        batched: withBatching,
        unbatched: await measure(unbatched, k),
        batchedRoundTrips: round(withBatching.wallMs / roundTripMs, 2),
      });
    }
    return { latencyMs: options.latencyMs, roundTripMs, rows };
  } finally {
    await batched.close();
    await unbatched.close();
    await emulator.close();
  }
}
