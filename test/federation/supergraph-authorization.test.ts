/**
 * A person's Entra token through a real router: Hive Gateway and Apollo Gateway each forward the
 * caller's `Authorization` header to the print subgraph, which validates it against the
 * emulator's Entra and answers as it would directly. Through `_entities` too: a reference to
 * another person's job resolves to null.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLERS_OVER_HTTP, type CallerName, useTestGateway } from '../helpers/test-gateway.js';
import { ROUTERS, type RunningSupergraph, startSupergraph } from './supergraph.js';
import type { UserRecord } from './users-subgraph.js';

const gateway = useTestGateway(CALLERS_OVER_HTTP);

const ADELES_JOB = { printerId: DEMO.printers.floor1, id: DEMO.jobs.floor1WaitingAdele };
const MEGANS_JOB = { printerId: DEMO.printers.floor1, id: DEMO.jobs.floor1WaitingMegan };
const users: UserRecord[] = [
  { id: 'adele', name: 'Adele Vance', lastPrintJob: ADELES_JOB },
  { id: 'megan', name: 'Megan Bowen', lastPrintJob: MEGANS_JOB },
];

let supergraph: RunningSupergraph;
async function queryAs(caller: CallerName, source: string) {
  const credential = await gateway.credential(caller);
  return supergraph.query(
    source,
    undefined,
    credential === null ? {} : { authorization: `Bearer ${credential}` },
  );
}

const USERS_WITH_JOBS = '{ users { id lastPrintJob { id status { state } } } }';
const lastJobs = (result: Awaited<ReturnType<RunningSupergraph['query']>>) =>
  Object.fromEntries(
    ((result.data?.['users'] ?? []) as Array<{ id: string; lastPrintJob: unknown }>).map((user) => [
      user.id,
      user.lastPrintJob,
    ]),
  );

describe.each(ROUTERS)('a forwarded token through %s', (router) => {
  beforeEach(async () => {
    supergraph = await startSupergraph({ print: gateway.url, users, router });
  });
  afterEach(() => supergraph?.close());

  it("shows a person their own job through _entities and another person's as null", async () => {
    const result = await queryAs('adele', USERS_WITH_JOBS);

    expect(lastJobs(result)).toEqual({
      adele: { id: ADELES_JOB.id, status: { state: 'PAUSED' } },
      megan: null,
    });
    // Indistinguishable from a job that does not exist, and the only error.
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: expect.arrayContaining(['users', 1, 'lastPrintJob']),
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
  });

  it('shows the other person the mirror image', async () => {
    const result = await queryAs('megan', USERS_WITH_JOBS);

    expect(lastJobs(result)).toEqual({
      adele: null,
      megan: { id: MEGANS_JOB.id, status: { state: 'PAUSED' } },
    });
  });

  it('shows a release station everyone’s job', async () => {
    const result = await queryAs('stationKey', USERS_WITH_JOBS);

    expect(result.errors).toBeUndefined();
    expect(lastJobs(result)).toEqual({
      adele: { id: ADELES_JOB.id, status: { state: 'PAUSED' } },
      megan: { id: MEGANS_JOB.id, status: { state: 'PAUSED' } },
    });
  });

  it("answers a person's root query for another's job as NotFoundError, as directly", async () => {
    const source = `{ printJob(printerId: "${MEGANS_JOB.printerId}", id: "${MEGANS_JOB.id}") {
      __typename ... on Error { code }
    } }`;

    const throughRouter = await queryAs('adele', source);
    const direct = await gateway.execute('adele', source);

    expect(throughRouter.data).toEqual({
      printJob: { __typename: 'NotFoundError', code: 'NOT_FOUND' },
    });
    expect(throughRouter.data).toEqual(direct.data);
  });

  it('sends nothing to Graph for a caller without credentials', async () => {
    gateway.emulator.requests.clear();

    const result = await queryAs('anonymous', USERS_WITH_JOBS);

    expect(lastJobs(result)).toEqual({ adele: null, megan: null });
    expect(gateway.emulator.requests.entries()).toEqual([]);
  });
});
