/**
 * Idempotency keys without Redis, held per caller: what a person does with keys of their own
 * never makes a release station's retry write again. The real app on the emulator, with a store
 * of 4 keys in all and 3 per caller, so that a flood is a handful of requests.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { MemoryIdempotencyStore } from '../../packages/gateway/src/idempotency/memory-store.js';
import { AbortPrintJobOnceDocument, AbortPrintJobsDocument } from '../__generated__/graphql.js';
import { CALLERS_OVER_HTTP, PEOPLE, useTestGateway } from '../helpers/test-gateway.js';

let store = new MemoryIdempotencyStore();
const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  app: () => {
    store = new MemoryIdempotencyStore(4);
    return { idempotencyStore: store, idempotencyMaxKeysPerCaller: 3 };
  },
});

const stationAbort = {
  input: { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
  idempotencyKey: 'station-abort-0001',
};
const abortsOf = (printJobId: string) =>
  env.writesSent().filter((entry) => entry.path.endsWith(`/jobs/${printJobId}/abort`));

/** Adele's keyed one-item bulk aborts, each under a new key; their items' typenames. */
async function adelesFlood(input: { printerId: string; printJobId: string; onBehalfOf?: string }) {
  const typenames: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const result = await env.execute('adele', AbortPrintJobsDocument, {
      inputs: [input],
      idempotencyKey: `adele-flood-000${i}`,
    });
    const outcome = result.data?.abortPrintJobs;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    typenames.push(...results.map((item) => item.__typename));
  }
  return typenames;
}

/** The station's keyed abort of Adele's Floor 1 job: its first answer, a success. */
async function stationAborts() {
  const first = await env.execute('stationKey', AbortPrintJobOnceDocument, stationAbort);
  expect(first.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
  return first;
}

/** The station's retry gets the first answer, and Graph got the abort once. */
async function expectStationReplay(first: Awaited<ReturnType<typeof stationAborts>>) {
  const retry = await env.execute('stationKey', AbortPrintJobOnceDocument, stationAbort);
  expect(retry).toEqual(first);
  expect(abortsOf(DEMO.jobs.floor1WaitingAdele)).toHaveLength(1);
}

describe('idempotency keys held per caller', () => {
  it('stores nothing for bulk writes refused before sending, and the station’s retry replays', async () => {
    const first = await stationAborts();

    // A person naming someone else: refused by the gateway, nothing sent to Graph.
    const flood = await adelesFlood({
      printerId: DEMO.printers.floor1,
      printJobId: DEMO.jobs.floor1WaitingMegan,
      onBehalfOf: PEOPLE.megan,
    });
    expect(flood).toEqual(Array(6).fill('ForbiddenError'));
    expect(store.size).toBe(1);

    await expectStationReplay(first);
  });

  it('keeps a station’s outcome while a person stores more outcomes than their bound', async () => {
    const first = await stationAborts();

    // Sent to Graph each time: the first aborts Adele's job, the others find it aborted.
    const flood = await adelesFlood({
      printerId: DEMO.printers.floor2,
      printJobId: DEMO.jobs.floor2WaitingAdele,
    });
    expect(flood).toEqual(['AbortPrintJobSuccess', ...Array(5).fill('ConflictError')]);
    expect(abortsOf(DEMO.jobs.floor2WaitingAdele)).toHaveLength(6);
    expect(store.size).toBe(4);

    await expectStationReplay(first);
  });
});
