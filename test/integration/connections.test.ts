/**
 * Paging end to end: the real gateway and SDK over sockets against an emulator that pages every
 * collection by 3, so 25 jobs span 10 Graph pages. Every item is seen exactly once across
 * first/after, a person sees only theirs, and a cursor the gateway did not make for that list
 * is InvalidInputError before anything is sent to Graph.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { MAX_GRAPH_PAGES_PER_FIELD } from '../../packages/graph-client/src/resources/paged-read.js';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  emulator: { pageSize: 3 },
});
const { floor1, floor2 } = DEMO.printers;

interface Page {
  __typename: string;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges?: { cursor: string; node: { id: string; createdBy: { id: string } | null } }[];
  issues?: { path: string[]; message: string }[];
}

const PAGE = `__typename
  ... on Error { message code }
  ... on InvalidInputError { issues { path message } }`;
const PRINTER_JOBS = `query($id: ID!, $first: Int, $after: String) {
  printer(id: $id) { __typename ... on Printer { jobs(first: $first, after: $after) { ${PAGE}
    ... on PrintJobConnection { pageInfo { hasNextPage endCursor }
      edges { cursor node { id createdBy { id } } } } } } } }`;
const MY_JOBS = `query($first: Int, $after: String, $printerId: ID) {
  myPrintJobs(first: $first, after: $after, printerId: $printerId) { ${PAGE}
    ... on WaitingPrintJobConnection { pageInfo { hasNextPage endCursor }
      edges { cursor node { id printerId createdBy { id } status { state } } } } } }`;
const TASKS = `query($id: ID!, $first: Int, $after: String) {
  printTaskDefinition(id: $id) { __typename ... on PrintTaskDefinition {
    tasks(first: $first, after: $after) { ${PAGE}
      ... on PrintTaskConnection { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } } } }`;

async function printerJobsPage(caller: CallerName, variables: Record<string, unknown>) {
  const answer = await env.execute(caller, PRINTER_JOBS, variables);
  expect(answer.errors).toBeUndefined();
  return (answer.data as { printer: { jobs: Page } }).printer.jobs;
}

async function myJobsPage(caller: CallerName, variables: Record<string, unknown>) {
  const answer = await env.execute(caller, MY_JOBS, variables);
  expect(answer.errors).toBeUndefined();
  return (answer.data as { myPrintJobs: Page }).myPrintJobs;
}

/** Follows endCursor until hasNextPage is false; returns every id in the order seen. */
type AnyPage = Pick<Page, '__typename' | 'pageInfo'> & { edges?: { node: { id: string } }[] };

async function everyId(read: (after: string | null) => Promise<AnyPage>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await read(after);
    expect(page.__typename).toMatch(/Connection$/);
    ids.push(...(page.edges ?? []).map((edge) => edge.node.id));
    if (!page.pageInfo?.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
    expect(after).toBeTypeOf('string');
  }
  throw new Error('more than 100 pages');
}

const SEEDED_FLOOR1 = ['5182', '5183', '5184', '5185', '5186'];

function submitBacklog() {
  const adele = env.emulator
    .submitJobs({ printerId: floor1, userId: PEOPLE.adele }, 13)
    .map((job) => job.id);
  const megan = env.emulator
    .submitJobs({ printerId: floor1, userId: PEOPLE.megan }, 12)
    .map((job) => job.id);
  return { adele, megan };
}

describe('Printer.jobs as a connection', () => {
  it.each([1, 4, 7, 50])('shows a station every job exactly once, %i per page', async (first) => {
    const { adele, megan } = submitBacklog();
    const ids = await everyId((after) =>
      printerJobsPage('stationApp', { id: floor1, first, after }),
    );
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set([...SEEDED_FLOOR1, ...adele, ...megan]));
  });

  it('shows a person only their own jobs, each exactly once, across Graph pages', async () => {
    const { adele } = submitBacklog();
    const all = await printerJobsPage('stationApp', { id: floor1, first: 50 });
    const adeles = (all.edges ?? [])
      .filter((edge) => edge.node.createdBy?.id === PEOPLE.adele)
      .map((edge) => edge.node.id);
    expect(adeles).toEqual(expect.arrayContaining([DEMO.jobs.floor1WaitingAdele, ...adele]));

    const ids = await everyId((after) => printerJobsPage('adele', { id: floor1, first: 4, after }));
    expect(ids).toEqual(adeles);
  });

  it('reads several Graph pages for one connection page, as one call each', async () => {
    submitBacklog();
    env.emulator.requests.clear();
    const page = await printerJobsPage('stationApp', { id: floor1, first: 7 });
    expect(page.edges).toHaveLength(7);
    expect(page.pageInfo?.hasNextPage).toBe(true);
    const jobPages = env.emulator.requests
      .entries()
      .filter((entry) => entry.path === `/print/printers/${floor1}/jobs`);
    // 7 items from pages of 3: three Graph pages, the first without a skiptoken.
    expect(jobPages).toHaveLength(3);
    expect(jobPages.map((entry) => entry.query.includes('$skiptoken'))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('refuses first outside 1..50 and backward paging before reading any job', async () => {
    for (const variables of [{ first: 0 }, { first: 51 }]) {
      const page = await printerJobsPage('stationApp', { id: floor1, ...variables });
      expect(page.__typename).toBe('InvalidInputError');
      expect(page.issues?.[0]?.path).toEqual(['first']);
    }
  });
});

describe('a cursor the gateway did not make for this list', () => {
  const cursor = (pageUrl: string, skip = 0) =>
    Buffer.from(JSON.stringify([skip, pageUrl])).toString('base64url');
  const jobsOf = (printerId: string) =>
    `/v1.0/print/printers/${printerId}/jobs?$expand=tasks($expand=definition),documents`;

  const hostile = (): Record<string, string> => {
    const origin = env.emulator.url;
    const port = new URL(origin).port;
    return {
      'another origin': cursor(`http://evil.example${jobsOf(floor1)}`),
      'https lookalike host': cursor(`https://127.0.0.1.evil.example:${port}${jobsOf(floor1)}`),
      'credentials before a host': cursor(`${origin}@evil.example${jobsOf(floor1)}`),
      "another printer's jobs": cursor(`${origin}${jobsOf(floor2)}`),
      'a path with ..': cursor(`${origin}/v1.0/../v1.0${jobsOf(floor1).slice(5)}`),
      'an encoded ..': cursor(`${origin}/v1.0/print/printers/${floor1}/%2e%2e/jobs`),
      'another $expand': cursor(`${origin}/v1.0/print/printers/${floor1}/jobs?$expand=tasks`),
      'a javascript: URL': cursor('javascript:alert(1)'),
      'not base64url': '%%%not-a-cursor%%%',
      'base64 of no JSON': Buffer.from('hello').toString('base64url'),
      'a negative skip': cursor(`${origin}${jobsOf(floor1)}`, -1),
    };
  };

  it('is InvalidInputError at `after`, and no job page is read', async () => {
    for (const [label, after] of Object.entries(hostile())) {
      env.emulator.requests.clear();
      const page = await printerJobsPage('stationApp', { id: floor1, first: 5, after });
      expect(page.__typename, label).toBe('InvalidInputError');
      expect(page.issues?.[0]?.path, label).toEqual(['after']);
      // Only `printer(id)` itself reached Graph; nothing was sent for the cursor.
      expect(
        env.emulator.requests.entries().map((entry) => `${entry.method} ${entry.path}`),
        label,
      ).toEqual([`GET /print/printers/${floor1}`]);
    }
  });

  it('sends no Graph request at all through myPrintJobs', async () => {
    for (const [label, after] of Object.entries(hostile())) {
      env.emulator.requests.clear();
      const page = await myJobsPage('adele', { first: 5, after });
      expect(page.__typename, label).toBe('InvalidInputError');
      expect(env.emulator.requests.entries(), label).toEqual([]);
    }
  });

  it("refuses a printer's cursor on another printer, and a tasks cursor on jobs", async () => {
    const page = await printerJobsPage('stationApp', { id: floor1, first: 2 });
    const floor1Cursor = page.pageInfo?.endCursor ?? '';
    const elsewhere = await printerJobsPage('stationApp', {
      id: floor2,
      first: 2,
      after: floor1Cursor,
    });
    expect(elsewhere.__typename).toBe('InvalidInputError');

    const tasks = await env.execute('stationApp', TASKS, {
      id: DEMO.taskDefinitionId,
      first: 2,
      after: floor1Cursor,
    });
    expect(tasks.data).toMatchObject({
      printTaskDefinition: { tasks: { __typename: 'InvalidInputError' } },
    });
  });
});

describe('PrintTaskDefinition.tasks as a connection', () => {
  const TASK_JOBS = `query($id: ID!, $first: Int, $after: String) {
    printTaskDefinition(id: $id) { __typename ... on PrintTaskDefinition {
      tasks(first: $first, after: $after) { __typename
        ... on PrintTaskConnection { pageInfo { hasNextPage endCursor }
          edges { cursor node { id printJob { createdBy { id } } } } } } } } }`;
  type TaskEdge = {
    cursor: string;
    node: { id: string; printJob: { createdBy: { id: string } | null } | null };
  };
  type TaskPage = Omit<Page, 'edges'> & { edges?: TaskEdge[] };
  const tasksOf = async (caller: CallerName) => {
    const seen: TaskEdge[] = [];
    await everyId(async (after) => {
      const answer = await env.execute(caller, TASK_JOBS, {
        id: DEMO.taskDefinitionId,
        first: 5,
        after,
      });
      const page = (answer.data as { printTaskDefinition: { tasks: TaskPage } }).printTaskDefinition
        .tasks;
      seen.push(...(page.edges ?? []));
      return page;
    });
    return seen;
  };

  it('shows a station every task once and a person only the tasks of their jobs', async () => {
    submitBacklog();
    const all = await tasksOf('stationApp');
    expect(new Set(all.map((edge) => edge.node.id)).size).toBe(7 + 25);
    const expected = all
      .filter((edge) => edge.node.printJob?.createdBy?.id === PEOPLE.adele)
      .map((edge) => edge.node.id);
    expect(expected.length).toBeGreaterThanOrEqual(2 + 13);

    const adeles = (await tasksOf('adele')).map((edge) => edge.node.id);
    expect(adeles).toEqual(expected);
    expect(adeles).not.toContain(DEMO.tasks.floor1WaitingMegan);
  });
});

describe('myPrintJobs', () => {
  it("lists all of Adele's waiting jobs across pages, none of Megan's", async () => {
    const { adele, megan } = submitBacklog();
    const onFloor2 = env.emulator
      .submitJobs({ printerId: floor2, userId: PEOPLE.adele }, 4)
      .map((job) => job.id);
    const seen = await everyId((after) => myJobsPage('adele', { first: 4, after }));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(new Set(seen)).toEqual(
      new Set([DEMO.jobs.floor1WaitingAdele, DEMO.jobs.floor2WaitingAdele, ...adele, ...onFloor2]),
    );
    for (const id of megan) expect(seen).not.toContain(id);

    const floor2Only = await everyId((after) =>
      myJobsPage('adele', { first: 4, after, printerId: floor2 }),
    );
    expect(new Set(floor2Only)).toEqual(new Set([DEMO.jobs.floor2WaitingAdele, ...onFloor2]));
  });

  it("reads the next page of tasks in the envelope of this page's jobs, 10 pages at most", async () => {
    submitBacklog();
    env.emulator.requests.clear();
    const page = await myJobsPage('adele', { first: 50 });
    const entries = env.emulator.requests.entries();
    const taskPages = entries.filter(
      (entry) => entry.path === `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`,
    ).length;
    // 32 tasks by 3 are 11 Graph pages; one field reads at most 10, then says there is more.
    expect(taskPages).toBe(MAX_GRAPH_PAGES_PER_FIELD);
    expect(page.pageInfo?.hasNextPage).toBe(true);
    // The definitions; the first page alone; then one envelope per page holding its jobs and
    // the next page; the last page's jobs alone.
    const roundTrips = entries.filter((entry) => entry.via !== 'batch-item').length;
    expect(roundTrips).toBe(1 + 1 + (taskPages - 1) + 1);

    const rest = await myJobsPage('adele', { first: 50, after: page.pageInfo?.endCursor });
    expect(rest.pageInfo?.hasNextPage).toBe(false);
  });

  it('leaves out released jobs: only a processing task makes a job wait', async () => {
    const page = await myJobsPage('adele', { first: 50 });
    expect(page.edges?.map((edge) => edge.node.id).sort()).toEqual(
      [DEMO.jobs.floor1WaitingAdele, DEMO.jobs.floor2WaitingAdele].sort(),
    );
    expect(page.edges?.every((edge) => edge.node.createdBy?.id === PEOPLE.adele)).toBe(true);
  });

  it.each<CallerName>(['stationApp', 'dashboardApp', 'stationKey'])(
    'is ForbiddenError for %s, and nothing is sent',
    async (caller) => {
      env.emulator.requests.clear();
      const page = await myJobsPage(caller, { first: 5 });
      expect(page.__typename).toBe('ForbiddenError');
      expect(env.emulator.requests.entries()).toEqual([]);
    },
  );
});

describe('job details', () => {
  it('shows the document and the configuration Graph returns, in the one job GET', async () => {
    const job = env.emulator.submitJob({
      printerId: floor1,
      userId: PEOPLE.adele,
      documentName: 'Quarterly report.pdf',
      contentType: 'application/pdf',
      size: 123_456,
      configuration: {
        copies: 3,
        colorMode: 'color',
        duplexMode: 'flipOnLongEdge',
        orientation: 'landscape',
        mediaSize: 'A3',
        pageRanges: [{ start: 2, end: 5 }],
      },
    });
    env.emulator.requests.clear();
    const answer = await env.execute(
      'adele',
      `query($printerId: ID!, $id: ID!) { printJob(printerId: $printerId, id: $id) {
        __typename ... on PrintJob {
          document { displayName contentType size }
          configuration { copies colorMode duplexMode orientation mediaSize
            pageRanges { start end } quality collate } } } }`,
      { printerId: floor1, id: job.id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      printJob: {
        __typename: 'PrintJob',
        document: {
          displayName: 'Quarterly report.pdf',
          contentType: 'application/pdf',
          size: 123_456,
        },
        configuration: {
          copies: 3,
          colorMode: 'COLOR',
          duplexMode: 'FLIP_ON_LONG_EDGE',
          orientation: 'LANDSCAPE',
          mediaSize: 'A3',
          pageRanges: [{ start: 2, end: 5 }],
          quality: expect.anything(),
          collate: expect.anything(),
        },
      },
    });
    const gets = env.emulator.requests.entries().filter((entry) => entry.method === 'GET');
    expect(gets).toHaveLength(1);
    expect(decodeURIComponent(gets[0]?.query ?? '')).toContain(
      '$expand=tasks($expand=definition),documents',
    );
  });
});
