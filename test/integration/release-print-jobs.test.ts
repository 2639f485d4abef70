/**
 * releasePrintJobs: jobs released at a device in one call, each redirected through `$batch` with
 * its own result. Envelope counts come from the emulator's request log.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { ReleasePrintJobsDocument } from '../__generated__/graphql.js';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const { floor1, floor2, direct } = DEMO.printers;
const JOBS = 45;
const ENVELOPES = Math.ceil(JOBS / 20);

type Ref = { printerId: string; printJobId: string };

function submit(userId: string, count: number, printerId: string = floor1): Ref[] {
  return env.emulator
    .submitJobs({ printerId, userId }, count)
    .map((job) => ({ printerId, printJobId: job.id }));
}

async function release(
  caller: CallerName,
  input: { printJobIds?: Ref[]; onBehalfOf?: string },
  idempotencyKey?: string,
) {
  const result = await env.execute(caller, ReleasePrintJobsDocument, {
    input: { destinationPrinterId: direct, ...input },
    idempotencyKey,
  });
  // Fails loudly on a top-level error (a document over a limit, a fault) instead of as undefined.
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const answer = result.data?.releasePrintJobs;
  if (answer?.__typename !== 'ReleasePrintJobsSuccess') return { answer, results: [] };
  return { answer, results: answer.results };
}

const refsOf = (results: readonly { printerId: string; printJobId: string }[]) =>
  results.map(({ printerId, printJobId }) => ({ printerId, printJobId }));

/** The source job of each redirect Graph received, alone or in `$batch`. */
const redirected = (): Ref[] =>
  env.writesSent().flatMap((write) => {
    const match = /^\/print\/printers\/([^/]+)\/jobs\/([^/]+)\/redirect$/.exec(write.path);
    return match ? [{ printerId: match[1] ?? '', printJobId: match[2] ?? '' }] : [];
  });

/** The emulator's jobs of this person that still wait for release (a task-trigger queue's). */
const isWaitingFor =
  (userId: string) => (job: { createdBy: { id: string }; phase: { kind: string } }) =>
    job.createdBy.id === userId && job.phase.kind === 'releaseWait';

const byId = (a: Ref, b: Ref) => Number(a.printJobId) - Number(b.printJobId);

describe('releasePrintJobs', () => {
  it("releases at most 100 of a person's waiting jobs in one call and leaves the rest waiting", async () => {
    submit(PEOPLE.adele, 103, floor1);
    const waitingBefore = env.emulator.store.jobs().filter(isWaitingFor(PEOPLE.adele)).length;
    expect(waitingBefore).toBeGreaterThan(100);

    const { results } = await release('adele', {});

    expect(results).toHaveLength(100);
    expect(new Set(results.map((item) => item.result.__typename))).toEqual(
      new Set(['RedirectPrintJobSuccess']),
    );
    expect(redirected()).toHaveLength(100);
    const waitingAfter = env.emulator.store.jobs().filter(isWaitingFor(PEOPLE.adele)).length;
    expect(waitingAfter).toBe(waitingBefore - 100);
  });

  it("releases all of Adele's waiting jobs when she names none, and none of Megan's", async () => {
    const adeles = [
      { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
      { printerId: floor2, printJobId: DEMO.jobs.floor2WaitingAdele },
      ...submit(PEOPLE.adele, 2, floor1),
      ...submit(PEOPLE.adele, 2, floor2),
    ];
    submit(PEOPLE.megan, 2, floor2);

    const { results } = await release('adele', {});

    expect([...refsOf(results)].sort(byId)).toEqual([...adeles].sort(byId));
    expect(results.map((item) => item.result.__typename)).toEqual(
      Array(adeles.length).fill('RedirectPrintJobSuccess'),
    );
    for (const item of results) {
      const job =
        item.result.__typename === 'RedirectPrintJobSuccess' ? item.result.printJob : null;
      expect(job?.printerId).toBe(direct);
      expect(job?.redirectedFrom).toMatch(
        new RegExp(`/print/printers/${item.printerId}/jobs/${item.printJobId}$`),
      );
    }
    expect(redirected().sort(byId)).toEqual([...adeles].sort(byId));
  });

  it(`as a station naming ${JOBS} jobs: ${ENVELOPES} envelopes of redirects and no reads`, async () => {
    const named = submit(PEOPLE.adele, JOBS);

    const { results } = await release('stationApp', { printJobIds: named });

    expect(refsOf(results)).toEqual(named);
    expect(results.map((item) => item.result.__typename)).toEqual(
      Array(JOBS).fill('RedirectPrintJobSuccess'),
    );
    expect(env.upstreamByMethod()).toEqual({
      envelopes: ENVELOPES,
      getItems: 0,
      writeItems: JOBS,
      direct: 0,
    });
    expect(env.auditLines()).toHaveLength(JOBS);
  });

  it(`as a station for a person (onBehalfOf): ${ENVELOPES} envelopes of job reads, then ${ENVELOPES} of redirects`, async () => {
    const named = submit(PEOPLE.adele, JOBS);

    const { results } = await release('stationApp', {
      printJobIds: named,
      onBehalfOf: PEOPLE.adele,
    });

    expect(results.every((item) => item.result.__typename === 'RedirectPrintJobSuccess')).toBe(
      true,
    );
    expect(env.upstreamByMethod()).toEqual({
      envelopes: 2 * ENVELOPES,
      getItems: JOBS,
      writeItems: JOBS,
      direct: 0,
    });
  });

  it(`as Adele releasing her ${JOBS} waiting jobs: ${ENVELOPES} envelopes of redirects after the reads that find them`, async () => {
    submit(PEOPLE.adele, JOBS - 2);

    const { results } = await release('adele', {});

    expect(results).toHaveLength(JOBS);
    expect(results.every((item) => item.result.__typename === 'RedirectPrintJobSuccess')).toBe(
      true,
    );
    // The definition's tasks: the 7 seeded (2 of them Megan's, still processing; 3 finished)
    // and Adele's 43 new ones, 50 in pages of 10 (the emulator's page size). Every processing
    // task's job is read once, to see whose it is: 45 of Adele's + 2 of Megan's.
    const pages = Math.ceil((7 + JOBS - 2) / 10);
    const jobReads = JOBS + 2;
    expect(env.upstreamByMethod()).toEqual({
      // The task definitions and the first page go alone (nothing to share an envelope with).
      direct: 2,
      // Pages 2..5 each share an envelope with the job reads of the page before; the last
      // page's job reads go alone; then the redirects: ceil(45 / 20) = 3.
      envelopes: pages - 1 + 1 + ENVELOPES,
      getItems: pages - 1 + jobReads,
      writeItems: JOBS,
    });
  });

  it("refuses Megan's job in Adele's list by itself, sending no redirect for it", async () => {
    const named = [
      { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
      { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingMegan },
      { printerId: floor2, printJobId: DEMO.jobs.floor2WaitingAdele },
    ];

    const { results } = await release('adele', { printJobIds: named });

    expect(results.map((item) => item.result.__typename)).toEqual([
      'RedirectPrintJobSuccess',
      'NotFoundError',
      'RedirectPrintJobSuccess',
    ]);
    expect(redirected()).not.toContainEqual(named[1]);
    expect(redirected()).toHaveLength(2);
  });

  it('one failing item does not fail the others', async () => {
    const named = [
      ...submit(PEOPLE.adele, 2),
      { printerId: floor1, printJobId: DEMO.jobs.floor1Completed },
      ...submit(PEOPLE.megan, 1),
    ];

    const { results } = await release('stationApp', { printJobIds: named });

    expect(results.map((item) => item.result.__typename)).toEqual([
      'RedirectPrintJobSuccess',
      'RedirectPrintJobSuccess',
      'ConflictError',
      'RedirectPrintJobSuccess',
    ]);
    expect(refsOf(results)).toEqual(named);
  });

  it('answers outcomeUnknown for a redirect Graph failed inside $batch, and never resends it', async () => {
    const named = submit(PEOPLE.adele, 3);
    env.emulator.faults.add({
      method: 'POST',
      path: `/jobs/${named[1]?.printJobId}/redirect$`,
      scope: 'batch-item',
      status: 503,
    });

    const { results } = await release('stationApp', { printJobIds: named });

    expect(results.map((item) => item.result)).toEqual([
      expect.objectContaining({ __typename: 'RedirectPrintJobSuccess' }),
      expect.objectContaining({ __typename: 'UpstreamUnavailableError', outcomeUnknown: true }),
      expect.objectContaining({ __typename: 'RedirectPrintJobSuccess' }),
    ]);
    expect(env.upstreamByMethod()).toMatchObject({ envelopes: 1, writeItems: 3 });
  });

  it('answers a redirect that hit a gateway fault in its item, the others redirected', async () => {
    const named = submit(PEOPLE.adele, 2);
    // A 405 maps to a GatewayFault, which outside a bulk list is a top-level error.
    env.emulator.faults.add({
      method: 'POST',
      path: `/jobs/${named[0]?.printJobId}/redirect$`,
      status: 405,
    });

    const { results } = await release('stationApp', { printJobIds: named });

    expect(results.map((item) => item.result)).toEqual([
      expect.objectContaining({
        __typename: 'UpstreamUnavailableError',
        code: 'UPSTREAM_UNAVAILABLE',
        outcomeUnknown: true,
      }),
      expect.objectContaining({ __typename: 'RedirectPrintJobSuccess' }),
    ]);
  });

  it('requires a release station to name the jobs', async () => {
    const { answer } = await release('stationApp', {});

    expect(answer).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'printJobIds'] }],
    });
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it('refuses a read-only caller, sending nothing', async () => {
    const { answer } = await release('dashboardApp', {
      printJobIds: [{ printerId: floor1, printJobId: DEMO.jobs.floor1WaitingAdele }],
    });

    expect(answer?.__typename).toBe('ForbiddenError');
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it('answers a repeat with the same idempotencyKey as the first time, failed items included, sending nothing', async () => {
    const named = [
      ...submit(PEOPLE.adele, 2),
      { printerId: floor1, printJobId: DEMO.jobs.floor1Completed },
    ];
    const first = await release('stationApp', { printJobIds: named }, 'release-at-3f-0001');
    const sentBefore = env.emulator.requests.entries().length;

    const repeat = await release('stationApp', { printJobIds: named }, 'release-at-3f-0001');

    expect(first.results.map((item) => item.result.__typename)).toEqual([
      'RedirectPrintJobSuccess',
      'RedirectPrintJobSuccess',
      'ConflictError',
    ]);
    // The conflict comes back as the same typed error, Graph's request id and all.
    expect(repeat.answer).toEqual(first.answer);
    expect(env.emulator.requests.entries()).toHaveLength(sentBefore);
    expect(env.auditLines()).toHaveLength(3);
  });

  it("gives Adele's release of all her jobs back to its repeat, when nothing waits any more", async () => {
    submit(PEOPLE.adele, 3);
    const first = await release('adele', {}, 'release-all-adele-0001');
    const sentBefore = env.emulator.requests.entries().length;

    const repeat = await release('adele', {}, 'release-all-adele-0001');
    const unkeyed = await release('adele', {});

    expect(first.results).toHaveLength(5);
    expect(repeat.answer).toEqual(first.answer);
    // Without the key, the same request finds nothing left to release.
    expect(unkeyed.results).toEqual([]);
    expect(redirected()).toHaveLength(5);
    expect(env.emulator.requests.entries().length).toBeGreaterThan(sentBefore);
  });

  it("keeps one person's key apart from another's: Megan's same key releases Megan's jobs", async () => {
    submit(PEOPLE.megan, 1);
    const adeles = await release('adele', {}, 'release-all-0002');
    const megans = await release('megan', {}, 'release-all-0002');

    expect(adeles.results.map((item) => item.printJobId)).not.toEqual(
      megans.results.map((item) => item.printJobId),
    );
    expect(megans.results.length).toBeGreaterThan(0);
  });

  it('bounds the list and refuses a job named twice, before anything is sent', async () => {
    const one = { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingAdele };
    const many = Array.from({ length: 101 }, (_, index) => ({
      printerId: floor1,
      printJobId: String(9000 + index),
    }));

    const tooMany = await release('stationApp', { printJobIds: many });
    const twice = await release('stationApp', { printJobIds: [one, one] });

    expect(tooMany.answer?.__typename).toBe('InvalidInputError');
    expect(twice.answer?.__typename).toBe('InvalidInputError');
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});
