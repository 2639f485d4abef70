/**
 * EXPERIMENT (issue 21 item 5b): CPU per `take` of the hand-written in-memory store and the
 * rate-limiter-flexible one, in this process, alternated A B A B A B so that the shared machine's
 * drift weighs on both alike. Two loads: callers under their limit (as the benchmark's gateway,
 * 100000/100000) and one caller flooding a person's default bucket (5/30), mostly refused.
 *
 *   node --import tsx bench/bucket-store-take.ts
 */
import type { BucketLimit, TokenBucketStore } from '../src/rate-limit/bucket-store.js';
import { FlexibleBucketStore } from '../src/rate-limit/flexible-bucket-store.js';
import { InMemoryBucketStore } from '../src/rate-limit/in-memory-bucket-store.js';
import { median, round } from './harness.js';

const TAKES = Number(process.env['TAKES'] ?? 200_000);
const PASSES = 3;

interface Load {
  name: string;
  limit: BucketLimit;
  keys: number;
}

const LOADS: Load[] = [
  {
    name: 'under the limit, 100 callers, 100000/100000',
    limit: { ratePerSecond: 100_000, burst: 100_000 },
    keys: 100,
  },
  {
    name: 'one caller flooding 5/30, mostly refused',
    limit: { ratePerSecond: 5, burst: 30 },
    keys: 1,
  },
];

const STORES: Record<string, () => TokenBucketStore> = {
  'hand-written': () => new InMemoryBucketStore(),
  'rate-limiter-flexible': () => new FlexibleBucketStore(),
};

async function nsPerTake(create: () => TokenBucketStore, load: Load): Promise<number> {
  const store = create();
  const keys = Array.from({ length: load.keys }, (_, i) => `caller-${i}`);
  // Warm the JIT on this store's code before counting.
  for (let i = 0; i < 20_000; i++) await store.take(keys[i % load.keys] as string, 1, load.limit);
  const before = process.cpuUsage();
  for (let i = 0; i < TAKES; i++) await store.take(keys[i % load.keys] as string, 1, load.limit);
  const { user, system } = process.cpuUsage(before);
  return ((user + system) * 1000) / TAKES;
}

for (const load of LOADS) {
  const figures: Record<string, number[]> = {};
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [name, create] of Object.entries(STORES)) {
      const ns = round(await nsPerTake(create, load), 0);
      figures[name] = [...(figures[name] ?? []), ns];
    }
  }
  const [a, b] = Object.values(figures).map((ns) => median(ns));
  console.log(`${load.name} (${TAKES} takes a pass, ns of CPU per take):`);
  for (const [name, ns] of Object.entries(figures))
    console.log(`  ${name}: ${ns.join(' / ')}, median ${median(ns)}`);
  console.log(`  rate-limiter-flexible ÷ hand-written: ${round((b ?? 0) / (a ?? 1), 2)}`);
}
