/**
 * Releasing 45 jobs to a device in one `releasePrintJobs` call, with 50 ms of injected latency
 * per upstream round trip: how many upstream requests (direct calls and `$batch` envelopes) it
 * takes, how many of them carry the redirects, and the wall time, (a) as a release station
 * naming the jobs and (b) as a person releasing all their waiting jobs, which the gateway must
 * first find (task definitions, pages of tasks, each processing task's job).
 *
 * The goal: ceil(45 / 20) = 3 envelopes of redirects, plus only the reads ownership needs: none
 * for (a); for (b) one per page of tasks, the job reads riding along, and one for the last page's.
 */
import {
  DEMO,
  ENTRA,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { personToken } from '../../test/helpers/entra.js';
import { addLatency, gateway, median, round, upstreamRoundTripMs } from '../harness.js';

const RELEASE = `mutation($input: ReleasePrintJobsInput!) {
  releasePrintJobs(input: $input) {
    __typename
    ... on ReleasePrintJobsSuccess { results { result { __typename } } }
  }
}`;

export interface ReleaseRow {
  jobs: number;
  /** Direct calls and `$batch` envelopes the release sent upstream. */
  upstreamRequests: number;
  /** Of those, envelopes (or direct calls) carrying redirects. Goal: ceil(jobs / 20). */
  writeRequests: number;
  /** GET items and direct GETs: what finding and checking the jobs read. */
  reads: number;
  wallMs: number;
  /** Wall time in upstream round trips. */
  roundTrips: number;
}

export interface ReleaseAtDeviceResult {
  latencyMs: number;
  roundTripMs: number;
  /** A release station naming the jobs. */
  stationNaming: ReleaseRow;
  /** A person releasing all their waiting jobs, found by the gateway. */
  personAll: ReleaseRow;
}

/** What one release sent upstream, from the emulator's request log. */
export function upstreamOf(emulator: RunningEmulator) {
  const entries = emulator.requests.entries();
  const exchanges = entries.filter((entry) => entry.via !== 'batch-item');
  const writeEnvelopes = new Set<string>();
  // Envelope items carry their envelope's position only by order: items are logged before the
  // envelope that held them.
  let envelope = 0;
  let direct = 0;
  for (const entry of entries) {
    if (entry.via === 'batch-envelope') envelope++;
    else if (entry.method === 'POST' && entry.via === 'batch-item')
      writeEnvelopes.add(`e${envelope}`);
    else if (entry.method === 'POST' && entry.via === 'direct') writeEnvelopes.add(`d${direct++}`);
  }
  return {
    upstreamRequests: exchanges.length,
    writeRequests: writeEnvelopes.size,
    reads: entries.filter((entry) => entry.via !== 'batch-envelope' && entry.method === 'GET')
      .length,
  };
}

export async function releaseAtDevice(options: {
  latencyMs: number;
  jobs: number;
  repetitions: number;
}): Promise<ReleaseAtDeviceResult> {
  const emulator = await startEmulator();
  const gw = await gateway(emulator);
  try {
    const adele = await personToken(emulator.url, 'adele');
    const release = async (credential: string, input: Record<string, unknown>) => {
      const body = (await gw.post(
        {
          query: RELEASE,
          variables: { input: { destinationPrinterId: DEMO.printers.direct, ...input } },
        },
        credential,
      )) as {
        data?: { releasePrintJobs?: { results?: { result: { __typename: string } }[] } };
      };
      const results = body.data?.releasePrintJobs?.results ?? [];
      const released = results.filter((r) => r.result.__typename === 'RedirectPrintJobSuccess');
      if (released.length !== options.jobs) {
        throw new Error(`released ${released.length} of ${options.jobs}: ${JSON.stringify(body)}`);
      }
    };
    /** A fresh tenant with `jobs` waiting jobs of Adele's (her 2 seeded ones included). */
    const prepare = (extra: number) => {
      emulator.reset();
      addLatency(emulator, options.latencyMs);
      return emulator
        .submitJobs({ printerId: DEMO.printers.floor1, userId: ENTRA.people.adele.objectId }, extra)
        .map((job) => ({ printerId: DEMO.printers.floor1, printJobId: job.id }));
    };

    prepare(0);
    const roundTripMs = await upstreamRoundTripMs(emulator, DEMO.printers.floor1);

    const measure = async (run: () => Promise<void>, setUp: () => void): Promise<ReleaseRow> => {
      const rows: ReleaseRow[] = [];
      // One release first that is not counted: JIT, connections, the caller's keys warm up.
      for (let rep = -1; rep < options.repetitions; rep++) {
        setUp();
        emulator.requests.clear();
        const started = performance.now();
        await run();
        const wallMs = performance.now() - started;
        if (rep < 0) continue;
        rows.push({
          jobs: options.jobs,
          ...upstreamOf(emulator),
          wallMs: round(wallMs, 1),
          roundTrips: round(wallMs / roundTripMs, 2),
        });
      }
      // Counts are the same every time; the wall time is the median's.
      const wall = median(rows.map((row) => row.wallMs));
      return { ...(rows[0] as ReleaseRow), wallMs: wall, roundTrips: round(wall / roundTripMs, 2) };
    };

    let named: { printerId: string; printJobId: string }[] = [];
    const stationNaming = await measure(
      () => release(gw.key, { printJobIds: named }),
      () => {
        named = prepare(options.jobs);
      },
    );
    const personAll = await measure(
      () => release(adele, {}),
      () => {
        prepare(options.jobs - 2);
      },
    );
    return { latencyMs: options.latencyMs, roundTripMs, stationNaming, personAll };
  } finally {
    await gw.close();
    await emulator.close();
  }
}
