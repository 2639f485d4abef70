/**
 * "My waiting jobs here" under both release models (issue 23, item 1): task-trigger jobs held on
 * the gateway's queues (REDIRECT) and jobs Universal Print holds for secure release
 * (SECURE_RELEASE), through the in-process gateway, the real SDK and the emulator. The request
 * log says which token read the secure-release jobs.
 */
import { DEMO, type RecordedRequest } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  personScopes: ['Print.Release'],
  onBehalfOf: true,
  emulator: { pageSize: 3 },
});
const { floor1, floor1Device, direct, pullPrint } = DEMO.printers;

const FIELDS = `__typename
  ... on Error { code message }
  ... on InvalidInputError { issues { path message } }`;
const MY_JOBS = `query($printerId: ID, $first: Int, $after: String) {
  myPrintJobs(printerId: $printerId, first: $first, after: $after) { ${FIELDS}
    ... on WaitingPrintJobConnection { pageInfo { hasNextPage endCursor }
      edges { releaseMethod node { id printerId createdBy { id } } } } } }`;
const USER_JOBS = `query($id: ID!, $printerId: ID) {
  _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User { waitingPrintJobs(printerId: $printerId, first: 50) { ${FIELDS}
      ... on UserWaitingPrintJobConnection { edges { releaseMethod node { id } } } } } } }`;

interface Page {
  __typename: string;
  code?: string;
  message?: string;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges?: { releaseMethod: string; node: { id: string; printerId: string } }[];
}

async function myJobs(caller: CallerName, variables: Record<string, unknown>): Promise<Page> {
  const answer = await env.execute<{ myPrintJobs: Page }, unknown>(caller, MY_JOBS, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data?.myPrintJobs as Page;
}

const methods = (page: Page) =>
  (page.edges ?? []).map((edge) => `${edge.releaseMethod} ${edge.node.id}`);

async function everyEdge(caller: CallerName, printerId: string, first: number) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await myJobs(caller, { printerId, first, after });
    expect(page.__typename).toBe('WaitingPrintJobConnection');
    seen.push(...methods(page));
    if (!page.pageInfo?.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

const releaseWaitReads = (): RecordedRequest[] =>
  env.emulator.requests.entries().filter((entry) => entry.path.endsWith('/jobs/releaseWait'));

describe('myPrintJobs at a device, under both release models', () => {
  it('lists each of Adele’s waiting jobs once, saying how each will be released', async () => {
    const page = await myJobs('adele', { printerId: floor1Device, first: 50 });
    expect(methods(page)).toEqual([
      `REDIRECT ${DEMO.jobs.floor1WaitingAdele}`,
      `REDIRECT ${DEMO.jobs.floor2WaitingAdele}`,
      `SECURE_RELEASE ${DEMO.jobs.pullPrintHeldAdele}`,
    ]);
    // The held job is addressed at the device it is released at.
    expect(page.edges?.at(-1)?.node.printerId).toBe(floor1Device);
    // Read with Adele's own token (on-behalf-of), never the app's.
    expect(releaseWaitReads().map((entry) => entry.caller)).toEqual([
      { kind: 'user', appId: expect.any(String), userId: PEOPLE.adele },
    ]);
  });

  it('shows Megan only hers, and a held job nowhere but at its device', async () => {
    const megans = await myJobs('megan', { printerId: floor1Device, first: 50 });
    expect(methods(megans)).toContain(`SECURE_RELEASE ${DEMO.jobs.pullPrintHeldMegan}`);
    expect(methods(megans)).not.toContain(`SECURE_RELEASE ${DEMO.jobs.pullPrintHeldAdele}`);
    // Reception is a device but not a member of the pull-print printer.
    const atReception = await myJobs('adele', { printerId: direct, first: 50 });
    expect(methods(atReception).filter((m) => m.startsWith('SECURE_RELEASE'))).toEqual([]);
    // A queue lists its own redirect jobs, as before, and reads no held jobs at all.
    env.emulator.requests.clear();
    const atQueue = await myJobs('adele', { printerId: floor1, first: 50 });
    expect(methods(atQueue)).toEqual([`REDIRECT ${DEMO.jobs.floor1WaitingAdele}`]);
    expect(releaseWaitReads()).toEqual([]);
  });

  it('pages across both parts, each job exactly once, at every page size', async () => {
    const redirect = env.emulator
      .submitJobs({ printerId: floor1, userId: PEOPLE.adele }, 4)
      .map((job) => `REDIRECT ${job.id}`);
    const held = env.emulator
      .submitJobs({ printerId: pullPrint, userId: PEOPLE.adele }, 5)
      .map((job) => `SECURE_RELEASE ${job.id}`);
    env.emulator.submitJobs({ printerId: pullPrint, userId: PEOPLE.megan }, 3);
    const all = await everyEdge('adele', floor1Device, 50);
    expect(all).toHaveLength(2 + 4 + 1 + 5);
    for (const first of [1, 2, 6, 7]) {
      const paged = await everyEdge('adele', floor1Device, first);
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(paged.length);
    }
    expect(all).toEqual(expect.arrayContaining([...redirect, ...held]));
    expect(all.slice(-6)).toEqual([`SECURE_RELEASE ${DEMO.jobs.pullPrintHeldAdele}`, ...held]);
  });

  it('refuses a held-jobs cursor of another device before anything is sent', async () => {
    env.emulator.submitJobs({ printerId: pullPrint, userId: PEOPLE.adele }, 5);
    const first = await myJobs('adele', { printerId: floor1Device, first: 4 });
    const cursor = first.pageInfo?.endCursor;
    env.emulator.requests.clear();
    const elsewhere = await myJobs('adele', { printerId: direct, first: 4, after: cursor });
    expect(elsewhere.__typename).toBe('InvalidInputError');
    expect(env.emulator.requests.entries().filter((entry) => entry.path.includes(direct))).toEqual(
      [],
    );
  });
});

describe('User.waitingPrintJobs at a device', () => {
  it("reads a person's held jobs for a station with the app's permission, keeping only theirs", async () => {
    const answer = await env.execute<{ _entities: { waitingPrintJobs: Page }[] }, unknown>(
      'stationApp',
      USER_JOBS,
      { id: PEOPLE.megan, printerId: floor1Device },
    );
    expect(answer.errors).toBeUndefined();
    const page = answer.data?._entities[0]?.waitingPrintJobs as Page;
    expect(methods(page)).toEqual([
      `REDIRECT ${DEMO.jobs.floor1WaitingMegan}`,
      `REDIRECT ${DEMO.jobs.floor2WaitingMegan}`,
      `SECURE_RELEASE ${DEMO.jobs.pullPrintHeldMegan}`,
    ]);
    expect(releaseWaitReads().map((entry) => entry.caller?.kind)).toEqual(['app']);
  });

  it('lists only redirect jobs without a device: Graph lists held jobs only at one', async () => {
    const answer = await env.execute<{ _entities: { waitingPrintJobs: Page }[] }, unknown>(
      'adele',
      USER_JOBS,
      { id: PEOPLE.adele },
    );
    const page = answer.data?._entities[0]?.waitingPrintJobs as Page;
    expect(page.edges?.every((edge) => edge.releaseMethod === 'REDIRECT')).toBe(true);
    expect(releaseWaitReads()).toEqual([]);
  });
});
