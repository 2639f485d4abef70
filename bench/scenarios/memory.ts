/**
 * Resident memory over many operations: growth from the `warmup`-th (10,000 in a full run) to
 * the last operation, with garbage collected before each reading (run with --expose-gc).
 */
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { gateway, load, round } from '../harness.js';

export interface MemoryResult {
  operations: number;
  /** The operations run before the first reading. */
  warmup: number;
  gcExposed: boolean;
  /** MiB after the warm-up's last operation and after the last. */
  rssAtWarm: number;
  rssAtEnd: number;
  heapAtWarm: number;
  heapAtEnd: number;
  /** Target < 10%. */
  rssGrowth: number;
  heapGrowth: number;
  perSecond: number;
}

const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);

function reading() {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
}

export async function memory(options: {
  operations: number;
  concurrency: number;
  /** @default 10_000 */
  warmup?: number;
}): Promise<MemoryResult> {
  const emulator = await startEmulator();
  const gw = await gateway(emulator);
  const body = {
    query: `query($d: ID!, $t: ID!) { printTask(taskDefinitionId: $d, id: $t) { __typename } }`,
    variables: { d: DEMO.taskDefinitionId, t: DEMO.tasks.floor1WaitingAdele },
  };
  let done = 0;
  const operation = async () => {
    // The emulator's request log grows with every call; it is test equipment, not the gateway.
    if (++done % 1_000 === 0) emulator.requests.clear();
    const result = (await gw.post(body)) as { data?: { printTask?: { __typename: string } } };
    if (result.data?.printTask?.__typename !== 'PrintTask') {
      throw new Error(`printTask failed: ${JSON.stringify(result)}`);
    }
  };
  try {
    const warm = Math.min(options.warmup ?? 10_000, options.operations);
    await load(warm, options.concurrency, operation);
    emulator.requests.clear();
    const early = reading();
    const run = await load(options.operations - warm, options.concurrency, operation);
    emulator.requests.clear();
    const late = reading();
    return {
      operations: options.operations,
      warmup: warm,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      rssAtWarm: mib(early.rss),
      rssAtEnd: mib(late.rss),
      heapAtWarm: mib(early.heap),
      heapAtEnd: mib(late.heap),
      rssGrowth: round((late.rss - early.rss) / early.rss, 3),
      heapGrowth: round((late.heap - early.heap) / early.heap, 3),
      perSecond: run.perSecond,
    };
  } finally {
    await gw.close();
    await emulator.close();
  }
}
