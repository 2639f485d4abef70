/**
 * 30% of Graph calls answered 429 with Retry-After: the share of GraphQL operations that still
 * succeed within the deadline, and the upstream amplification (calls sent / calls needed).
 */
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { addLatency, gateway, load, round } from '../harness.js';

export interface ThrottledResult {
  throttledShare: number;
  retryAfterSeconds: number;
  operations: number;
  jobsPerOperation: number;
  succeeded: number;
  successShare: number;
  callsNeeded: number;
  callsSent: number;
  /** Target ≤ 1.5. */
  amplification: number;
  seconds: number;
}

export async function throttled(options: {
  latencyMs: number;
  operations: number;
  jobsPerOperation: number;
  concurrency: number;
  share: number;
  retryAfterSeconds: number;
}): Promise<ThrottledResult> {
  const emulator = await startEmulator();
  const jobIds = Array.from(
    { length: options.jobsPerOperation },
    () => emulator.submitJob({ printerId: DEMO.printers.floor2 }).id,
  );
  // Checked before the latency rules: first match wins, and a throttled answer is quick.
  emulator.faults.add({
    path: '^/print/printers/[^/]+/jobs/[^/]+$',
    status: 429,
    retryAfterSeconds: options.retryAfterSeconds,
    share: options.share,
  });
  addLatency(emulator, options.latencyMs);
  const gw = await gateway(emulator);
  const query = `{ ${jobIds
    .map(
      (id, n) =>
        `j${n}: printJob(printerId: "${DEMO.printers.floor2}", id: "${id}") { __typename }`,
    )
    .join(' ')} }`;
  let succeeded = 0;
  emulator.requests.clear();
  try {
    const run = await load(options.operations, options.concurrency, async () => {
      const body = (await gw.post({ query })) as { data?: Record<string, { __typename: string }> };
      const items = Object.values(body.data ?? {});
      if (items.length === jobIds.length && items.every((item) => item.__typename === 'PrintJob')) {
        succeeded += 1;
      }
    });
    const callsSent = emulator.requests
      .entries()
      .filter(
        (entry) => entry.via !== 'batch-envelope' && /\/jobs\/[^/]+$/.test(entry.path),
      ).length;
    const callsNeeded = options.operations * options.jobsPerOperation;
    return {
      throttledShare: options.share,
      retryAfterSeconds: options.retryAfterSeconds,
      operations: options.operations,
      jobsPerOperation: options.jobsPerOperation,
      succeeded,
      successShare: round(succeeded / options.operations, 3),
      callsNeeded,
      callsSent,
      amplification: round(callsSent / callsNeeded, 3),
      seconds: run.seconds,
    };
  } finally {
    await gw.close();
    await emulator.close();
  }
}
