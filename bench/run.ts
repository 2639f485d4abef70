/**
 * `npm run bench`: every scenario against the emulator in one run, so each ratio compares
 * numbers measured side by side on the same machine. Prints a table and writes the figures to
 * bench/results/. BENCH_QUICK=1 shrinks the counts for a smoke run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callerCost } from './scenarios/caller-cost.js';
import { cpuPerOperation } from './scenarios/cpu-per-operation.js';
import { createPrintJobCpu } from './scenarios/create-print-job-cpu.js';
import { deferFirstPayload } from './scenarios/defer-first-payload.js';
import { entraExchanges } from './scenarios/entra-exchanges.js';
import { fanOut } from './scenarios/fan-out.js';
import { largeDocument } from './scenarios/large-document.js';
import { listPages } from './scenarios/list-pages.js';
import { liveEvents } from './scenarios/live-events.js';
import { memory } from './scenarios/memory.js';
import { processMemory } from './scenarios/process-memory.js';
import { releaseAtDevice } from './scenarios/release-at-device.js';
import { releaseBothMethods } from './scenarios/release-both-methods.js';
import { startUp } from './scenarios/start-up.js';
import { throttleStorm } from './scenarios/throttle-storm.js';
import { throttled } from './scenarios/throttled.js';
import { throughput } from './scenarios/throughput.js';

const quick = process.env['BENCH_QUICK'] === '1';
/** BENCH_ONLY=8,9 runs only those scenarios; unset, all of them. */
const only = new Set(
  (process.env['BENCH_ONLY'] ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number),
);
const runs = (scenario: number) => only.size === 0 || only.has(scenario);
const LATENCY_MS = 50;

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main() {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    quick,
    only: [...only],
  };
  console.log(
    `universal-print-gateway benchmark (${quick ? 'quick' : 'full'}), node ${process.version}`,
  );
  console.log(`injected upstream latency: ${LATENCY_MS} ms per round trip\n`);

  if (runs(1)) {
    const t = await throughput({
      latencyMs: LATENCY_MS,
      operations: quick ? 300 : 2_000,
      concurrency: 16,
    });
    console.log('1. updatePrintTask, one per request, concurrency 16');
    console.table({
      'direct Graph SDK': t.direct,
      gateway: t.gateway,
    });
    console.log(
      `   gateway/direct throughput: ${t.ratio} (target >= 0.7: ${mark(t.ratio >= 0.7)})\n`,
    );
    results['throughput'] = t;
  }

  if (runs(2)) {
    const f = await fanOut({
      latencyMs: LATENCY_MS,
      ks: [1, 20, 100],
      repetitions: quick ? 3 : 10,
    });
    console.log(`2. one query touching K jobs (one upstream round trip: ${f.roundTripMs} ms)`);
    console.table(
      Object.fromEntries(
        f.rows.map((row) => [
          `K=${row.k}`,
          {
            'batched requests': row.batched.upstreamRequests,
            'batched ms': row.batched.wallMs,
            'round trips': row.batchedRoundTrips,
            'unbatched requests': row.unbatched.upstreamRequests,
            'unbatched ms': row.unbatched.wallMs,
          },
        ]),
      ),
    );
    const k100 = f.rows.find((row) => row.k === 100);
    if (k100) {
      console.log(
        `   K=100: ${k100.batched.upstreamRequests} requests (target <= 5: ${mark(k100.batched.upstreamRequests <= 5)}), ` +
          `${k100.batchedRoundTrips} round trips (target <= 2: ${mark(k100.batchedRoundTrips <= 2)})\n`,
      );
    }
    results['fanOut'] = f;
  }

  if (runs(3)) {
    const th = await throttled({
      latencyMs: LATENCY_MS,
      operations: quick ? 20 : 100,
      jobsPerOperation: 20,
      concurrency: 4,
      share: 0.3,
      retryAfterSeconds: 0.2,
    });
    console.log('3. 30% of Graph calls answered 429 (Retry-After 0.2 s)');
    console.table({ result: th });
    console.log(
      `   success ${th.successShare} (target 1: ${mark(th.successShare === 1)}), ` +
        `amplification ${th.amplification} (target <= 1.5: ${mark(th.amplification <= 1.5)})\n`,
    );
    results['throttled'] = th;
  }

  if (runs(4)) {
    // The quick smoke warms up for half its operations; a full run measures from the 10,000th.
    const memoryLoad = quick
      ? { operations: 4_000, warmup: 2_000, concurrency: 32 }
      : { operations: 100_000, warmup: 10_000, concurrency: 32 };
    const m = await memory(memoryLoad);
    console.log(`4. memory over ${m.operations} operations (gc exposed: ${m.gcExposed})`);
    console.table({ result: m });
    console.log(
      `   RSS growth after the ${m.warmup.toLocaleString('en-US')}th: ${(m.rssGrowth * 100).toFixed(1)}% (target < 10%: ${mark(m.rssGrowth < 0.1)})`,
    );
    results['memory'] = m;
    const pm = await processMemory(memoryLoad);
    console.log(
      `   the gateway process (dist/main.js), ${pm.operations} releases, no forced GC, RSS in MiB:`,
    );
    console.table({ result: pm });
    console.log(
      `   RSS growth after the ${pm.warmup.toLocaleString('en-US')}th: ${(pm.rssGrowth * 100).toFixed(1)}% (measured, no target: V8 grows its heap until it settles)\n`,
    );
    results['processMemory'] = pm;
  }

  if (runs(5)) {
    const c = await callerCost({
      operations: quick ? 200 : 4_000,
      concurrency: 8,
      checks: quick ? 1_000 : 20_000,
    });
    console.log(
      `5. gateway CPU per operation: a person's Entra token vs a service key (concurrency ${c.concurrency}, CPU tick ${c.cpuTickMs} ms)`,
    );
    console.table({
      'printJob read': c.read,
      'abortPrintJob write (fresh jobs)': c.write,
    });
    console.log(
      `   person token / service key: read ${c.read.ratio}, write ${c.write.ratio} (measured, no target); ` +
        `the check alone, in-process: token ${c.authenticationAlone.personTokenUsPerCall} µs verified, ${c.authenticationAlone.personTokenRememberedUsPerCall} µs remembered; key ${c.authenticationAlone.serviceKeyUsPerCall} µs\n`,
    );
    results['callerCost'] = c;
  }

  if (runs(6)) {
    const RELEASED_JOBS = 45;
    const r = await releaseAtDevice({
      latencyMs: LATENCY_MS,
      jobs: RELEASED_JOBS,
      repetitions: quick ? 2 : 5,
    });
    const writeGoal = Math.ceil(RELEASED_JOBS / 20);
    console.log(
      `6. releasePrintJobs: ${RELEASED_JOBS} jobs to a device in one call (one upstream round trip: ${r.roundTripMs} ms)`,
    );
    console.table({
      'station naming the jobs': r.stationNaming,
      'person releasing all': r.personAll,
    });
    console.log(
      `   redirect requests: station ${r.stationNaming.writeRequests}, person ${r.personAll.writeRequests} ` +
        `(target ${writeGoal}: ${mark(r.stationNaming.writeRequests === writeGoal && r.personAll.writeRequests === writeGoal)}); ` +
        `station reads ${r.stationNaming.reads} (target 0: ${mark(r.stationNaming.reads === 0)})\n`,
    );
    results['releaseAtDevice'] = r;
  }

  if (runs(7)) {
    const l = await listPages({ latencyMs: LATENCY_MS, repetitions: quick ? 1 : 5 });
    console.log(
      `7. listing ${l.waitingJobs} waiting jobs, first: ${l.first}, Graph pages of ${l.graphPageSize} ` +
        `(median of ${l.repetitions})`,
    );
    console.table({
      'person, myPrintJobs': l.personMyPrintJobs,
      'station, Printer.jobs': l.stationPrinterJobs,
    });
    console.log('   measured, no target\n');
    results['listPages'] = l;
  }

  if (runs(8)) {
    const le = await liveEvents({ jobs: quick ? 20 : 200 });
    console.log("8. live events: job submitted → WAITING on a person's stream (one job at a time)");
    console.table({
      'one process, no Redis': le.oneProcessNoRedis,
      'two replicas + Redis (delivered to B, heard on A)': le.twoReplicasAndRedis,
    });
    console.log('   measured, no target\n');
    results['liveEvents'] = le;
  }

  if (runs(9)) {
    const ts = await throttleStorm({ clients: 12, seconds: quick ? 3 : 20 });
    console.log(
      '9. throttle storm: 1 in 20 Graph calls answered 429 (Retry-After 1 s), 12 clients split over the replicas',
    );
    console.table({
      '1 replica': ts.oneReplica,
      '3 replicas + Redis': ts.threeReplicas,
      '3 replicas, no Redis': ts.threeReplicasNoRedis,
    });
    console.log(
      `   Graph calls per minute, 3 replicas ÷ 1: ${ts.ratio} with Redis (goal 1: ${mark(ts.ratio <= 1.2)}), ` +
        `${ts.ratioWithoutRedis} without\n`,
    );
    results['throttleStorm'] = ts;
  }

  if (runs(10)) {
    const cpu = await cpuPerOperation({
      rounds: quick ? 2 : 5,
      operationsPerSegment: quick ? 200 : 2_000,
      warmup: quick ? 200 : 1_000,
    });
    console.log(
      `10. CPU per operation against reference servers (closed loop of ${cpu.concurrency}, ` +
        `${cpu.rounds} rounds of ${cpu.operationsPerSegment}, medians; Graph answers at once)`,
    );
    console.table(
      Object.fromEntries(
        cpu.rows.map(({ operation, server, ...figures }) => [`${operation}: ${server}`, figures]),
      ),
    );
    console.log(
      `   gateway ÷ bare proxy, CPU per operation: station ${cpu.station.cpuRatio} (goal <= 1.0: ${mark(cpu.station.cpuRatio <= 1)}), ` +
        `person ${cpu.person.cpuRatio} (goal <= 1.3: ${mark(cpu.person.cpuRatio <= 1.3)}), screen ${cpu.screen.cpuRatio}`,
    );
    console.log(
      `   gateway ÷ bare proxy, p99: station ${cpu.station.p99Ratio} (goal <= 1.2: ${mark(cpu.station.p99Ratio <= 1.2)}), ` +
        `person ${cpu.person.p99Ratio}, screen ${cpu.screen.p99Ratio}`,
    );
    const tracing = Object.entries(cpu.tracingCost);
    console.log(
      `   tracing on ÷ off: ${tracing.map(([name, ratio]) => `${name} ${ratio}`).join(', ')} ` +
        `(goal <= 1.15: ${mark(tracing.every(([, ratio]) => ratio <= 1.15))})`,
    );
    console.log(
      `   Graph calls per gateway operation: ${Object.entries(cpu.graphCallsPerOperation)
        .map(([name, calls]) => `${name} ${calls}`)
        .join(', ')}\n`,
    );
    results['cpuPerOperation'] = cpu;
  }

  if (runs(11)) {
    const su = await startUp({ starts: quick ? 2 : 5 });
    console.log('11. start-up: node dist/main.js, spawn to the first GraphQL answer from Graph');
    console.table({ result: su });
    console.log(
      `   median ${su.medianFirstAnswerMs} ms (target < 1000: ${mark(su.medianFirstAnswerMs < 1000)})\n`,
    );
    results['startUp'] = su;
  }

  if (runs(12)) {
    const ex = await entraExchanges({ operations: 1_000, people: 10, concurrency: 16 });
    console.log(
      `12. on-behalf-of exchanges: ${ex.operations} printerShares by ${ex.people} people, one token each (the built gateway, the emulator's Entra over TLS)`,
    );
    console.table({ 'Entra requests during the load': ex.entraRequests });
    console.log(
      `   exchanges ${ex.exchanges} (goal <= ${ex.people}: ${mark(ex.exchanges <= ex.people)}), ` +
        `at most ${ex.mostExchangesForOnePerson} for one person; ${ex.entraRequestsPerExchange} Entra requests per exchange; ${ex.perSecond} operations/s\n`,
    );
    results['entraExchanges'] = ex;
  }

  if (runs(13)) {
    const ld = await largeDocument({ megabytes: 50 });
    console.log(
      `13. a ${ld.documentBytes / 1e6} MB document: createPrintJob at the gateway, ${ld.requests} PUTs of at most ${ld.chunkBytes} bytes to uploadUrl, startPrintJob`,
    );
    console.table({ result: ld });
    const moved = ld.gatewayRssAfterStart - ld.gatewayRssBeforeUpload;
    console.log(
      `   gateway RSS ${ld.gatewayRssBeforeUpload} → ${ld.gatewayRssAfterStart} MiB (goal: does not move with the document, ${mark(moved < 10)}), ` +
        `its CPU during the upload ${ld.gatewayCpuMsDuringUpload} ms; upload ${ld.uploadMiBPerSecond} MiB/s to the emulator\n`,
    );
    const [cold, ...warm] = ld.roundTripsPerCreate;
    console.log(
      `   createPrintJob Graph round trips: ${cold} with the share's capabilities unread (goal 3: ${mark(cold === 3)}), ` +
        `then ${warm.join(', ')} (goal 2: ${mark(warm.every((n) => n === 2))})\n`,
    );
    results['largeDocument'] = ld;
  }

  if (runs(14)) {
    const RELEASED_JOBS = 45;
    const b = await releaseBothMethods({
      latencyMs: LATENCY_MS,
      jobs: RELEASED_JOBS,
      repetitions: quick ? 2 : 5,
    });
    console.log(
      `14. a person releasing ${RELEASED_JOBS} jobs at a device, by release method (one upstream round trip: ${b.roundTripMs} ms)`,
    );
    const { redirect, secureRelease, ...mixedRow } = b.mixed;
    console.table({
      'redirect (task trigger) only': b.redirectOnly,
      'secure release only': b.secureReleaseOnly,
      [`mixed: ${redirect} redirect + ${secureRelease} secure release`]: mixedRow,
    });
    const slower = Math.max(b.redirectOnly.roundTrips, b.secureReleaseOnly.roundTrips);
    const slowerRequests = Math.max(
      b.redirectOnly.upstreamRequests,
      b.secureReleaseOnly.upstreamRequests,
    );
    console.log(
      `   mixed ${b.mixed.roundTrips} round trips of wall time vs the slower model alone ${slower} ` +
        `(goal <=: ${mark(b.mixed.roundTrips <= slower)}); upstream requests ${b.mixed.upstreamRequests} vs ${slowerRequests}\n`,
    );
    results['releaseBothMethods'] = b;
  }

  if (runs(15)) {
    const cj = await createPrintJobCpu({
      rounds: quick ? 2 : 5,
      callsPerSegment: quick ? 200 : 1_000,
      warmup: quick ? 200 : 500,
    });
    console.log(
      `15. createPrintJob as a person, warm, CPU per call against a bare proxy making the same two Graph calls ` +
        `(closed loop of ${cj.concurrency}, ${cj.rounds} rounds of ${cj.callsPerSegment}, medians; the emulator over TLS)`,
    );
    console.table(Object.fromEntries(cj.rows.map(({ server, ...figures }) => [server, figures])));
    console.log(
      `   gateway ÷ bare proxy, CPU per call: ${cj.cpuRatio} (rounds: ${cj.cpuRatioByRound.join(', ')}; measured, no target)\n`,
    );
    results['createPrintJobCpu'] = cj;
  }

  if (runs(16)) {
    const DEFER_ROUND_TRIP_MS = 100;
    const DEFER_SLOW_MS = 400;
    const df = await deferFirstPayload({
      runs: quick ? 3 : 15,
      roundTripMs: DEFER_ROUND_TRIP_MS,
      slowMs: DEFER_SLOW_MS,
    });
    console.log(
      `16. a release screen's first payload with and without @defer (${DEFER_ROUND_TRIP_MS} ms per Graph round trip, +${DEFER_SLOW_MS} ms on the slow read, medians; no target)`,
    );
    console.table(Object.fromEntries(df.map(({ screen, ...figures }) => [screen, figures])));
    results['deferFirstPayload'] = df;
  }

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}bench-${String(results['date']).replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`figures written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
