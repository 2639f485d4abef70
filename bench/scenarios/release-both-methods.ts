/**
 * A person releasing 45 waiting jobs at a device in one `releasePrintJobs` call, with 50 ms of
 * injected latency per upstream round trip, under each release model alone and mixed:
 * (a) 45 task-trigger jobs (redirect, the app's token, after an ownership read of each),
 * (b) 45 jobs held by Universal Print's secure release (release, the person's token), and
 * (c) the two mixed, 23 and 22. Upstream requests (direct calls and `$batch` envelopes, the
 * app's and the person's), the requests carrying writes, reads, and the wall time.
 *
 * The goal: the mix costs no more round trips than the slower model alone. Its two halves run
 * side by side in envelopes of their own tokens (they cannot share one: an envelope carries one
 * token), so the mix takes the longer of the two paths, not their sum.
 */
import {
  DEMO,
  ENTRA,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { PersonTokenCache } from '../../packages/graph-client/src/credentials/person-tokens.js';
import { personToken } from '../../test/helpers/entra.js';
import { gatewayOnBehalfOf } from '../../test/helpers/entra-over-tls.js';
import { addLatency, gateway, median, round, upstreamRoundTripMs } from '../harness.js';
import { type ReleaseRow, upstreamOf } from './release-at-device.js';

const RELEASE = `mutation($input: ReleasePrintJobsInput!) {
  releasePrintJobs(input: $input) {
    __typename
    ... on ReleasePrintJobsSuccess { results { releaseMethod result { __typename } } }
  }
}`;

export interface ReleaseBothMethodsResult {
  latencyMs: number;
  roundTripMs: number;
  /** 45 task-trigger jobs, redirected: the model the gateway had. */
  redirectOnly: ReleaseRow;
  /** 45 jobs held for secure release, released as the person. */
  secureReleaseOnly: ReleaseRow;
  /** Both models mixed in one call. */
  mixed: ReleaseRow & { redirect: number; secureRelease: number };
}

type Ref = { printerId: string; printJobId: string };

export async function releaseBothMethods(options: {
  latencyMs: number;
  jobs: number;
  repetitions: number;
}): Promise<ReleaseBothMethodsResult> {
  // Its Entra over HTTPS too: the gateway's on-behalf-of exchange takes only an https authority.
  const emulator: RunningEmulator = await startEmulator({ entraTls: {} });
  const entraOverTls = emulator.entraOverTls;
  if (!entraOverTls) throw new Error('the emulator serves no Entra over TLS');
  // One cache of people's tokens for every gateway below: the exchange is not what is measured.
  const personTokens = new PersonTokenCache(await gatewayOnBehalfOf(entraOverTls));
  // A fresh gateway per release, so no ownership remembered from the last one saves its reads
  // (every reset tenant numbers its jobs alike).
  let gw = await gateway(emulator, {}, personTokens);
  const device = DEMO.printers.floor1Device;
  const adeleId = ENTRA.people.adele.objectId;
  try {
    const adele = await personToken(emulator.url, 'adele');
    const release = async (printJobIds: Ref[]) => {
      const body = (await gw.post(
        { query: RELEASE, variables: { input: { destinationPrinterId: device, printJobIds } } },
        adele,
      )) as { data?: { releasePrintJobs?: { results?: { result: { __typename: string } }[] } } };
      const results = body.data?.releasePrintJobs?.results ?? [];
      const released = results.filter((r) => r.result.__typename === 'RedirectPrintJobSuccess');
      if (released.length !== printJobIds.length) {
        throw new Error(
          `released ${released.length} of ${printJobIds.length}: ${JSON.stringify(body)}`,
        );
      }
    };
    /** A fresh tenant with `redirect` task-trigger jobs and `held` secure-release jobs of Adele's. */
    const prepare = (redirect: number, held: number): Ref[] => {
      emulator.reset();
      addLatency(emulator, options.latencyMs);
      const queued = emulator
        .submitJobs({ printerId: DEMO.printers.floor1, userId: adeleId }, redirect)
        .map((job) => ({ printerId: DEMO.printers.floor1, printJobId: job.id }));
      const heldJobs = emulator
        .submitJobs({ printerId: DEMO.printers.pullPrint, userId: adeleId }, held)
        // A held job is named at the device it is released at, as myPrintJobs lists it.
        .map((job) => ({ printerId: device, printJobId: job.id }));
      return [...queued, ...heldJobs];
    };

    prepare(0, 0);
    const roundTripMs = await upstreamRoundTripMs(emulator, device);

    const measure = async (redirect: number, held: number): Promise<ReleaseRow> => {
      const rows: ReleaseRow[] = [];
      // One release first that is not counted: JIT, connections, the person's token warm up.
      for (let rep = -1; rep < options.repetitions; rep++) {
        const named = prepare(redirect, held);
        await gw.close();
        gw = await gateway(emulator, {}, personTokens);
        emulator.requests.clear();
        const started = performance.now();
        await release(named);
        const wallMs = performance.now() - started;
        if (rep < 0) continue;
        rows.push({
          jobs: named.length,
          ...upstreamOf(emulator),
          wallMs: round(wallMs, 1),
          roundTrips: round(wallMs / roundTripMs, 2),
        });
      }
      const wall = median(rows.map((row) => row.wallMs));
      return { ...(rows[0] as ReleaseRow), wallMs: wall, roundTrips: round(wall / roundTripMs, 2) };
    };

    const redirectHalf = Math.ceil(options.jobs / 2);
    const redirectOnly = await measure(options.jobs, 0);
    const secureReleaseOnly = await measure(0, options.jobs);
    const mixed = {
      ...(await measure(redirectHalf, options.jobs - redirectHalf)),
      redirect: redirectHalf,
      secureRelease: options.jobs - redirectHalf,
    };
    return { latencyMs: options.latencyMs, roundTripMs, redirectOnly, secureReleaseOnly, mixed };
  } finally {
    await gw.close();
    await emulator.close();
  }
}
