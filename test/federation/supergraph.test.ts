/**
 * Through a real router: Hive Gateway's runtime serves the supergraph composed from
 * schema.graphql and the users subgraph, and Apollo Gateway the one composed from the twin
 * without the authorization directives; every hop to a subgraph is HTTP on loopback, Graph is
 * the emulator. Both routers answer every test the same.
 */
import type { RequestListener } from 'node:http';
import { DEMO } from '@universal-print-gateway/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/test-gateway.js';
import { ROUTERS, type RouterName, type RunningSupergraph, startSupergraph } from './supergraph.js';
import type { UserRecord } from './users-subgraph.js';

const env = useTestGateway();

const WAITING_JOBS = 50;
/** The users subgraph's data is fixed; the jobs it points at are submitted before each test. */
const users: UserRecord[] = [
  ...Array.from({ length: WAITING_JOBS }, (_, n) => ({ id: `u${n}`, name: `User ${n}` })),
  {
    id: 'ghost',
    name: 'Points at a job Graph does not know',
    lastPrintJob: { printerId: DEMO.printers.floor1, id: '9999' },
  },
  {
    id: 'hostile',
    name: 'Points at a job by a path-changing id',
    lastPrintJob: { printerId: DEMO.printers.floor1, id: '../5183' },
  },
  { id: 'suspended', name: 'Suspended', suspendedUntil: '2030-01-01T00:00:00Z' },
];

let supergraph: RunningSupergraph;
/** POSTs the router sent to the print subgraph. */
let printFetches = 0;

/** Starts the supergraph behind `router` for the tests of the enclosing describe. */
function useSupergraph(router: RouterName) {
  beforeAll(async () => {
    const print: RequestListener = (request, response) => {
      if (request.method === 'POST') printFetches++;
      (env.gateway.app as unknown as RequestListener)(request, response);
    };
    supergraph = await startSupergraph({ print, users, router });
  });
  afterAll(() => supergraph?.close());
}

beforeEach(() => {
  for (const [n, user] of users.slice(0, WAITING_JOBS).entries()) {
    const { id } = env.emulator.submitJob({ printerId: DEMO.printers.floor2 });
    user.lastPrintJob = { printerId: DEMO.printers.floor2, id };
    user.name = `User ${n}`;
  }
  env.emulator.requests.clear();
  printFetches = 0;
});

const usersOf = (result: Awaited<ReturnType<RunningSupergraph['query']>>) =>
  (result.data?.['users'] ?? []) as Array<{ id: string; lastPrintJob: unknown }>;

describe.each(ROUTERS)('a supergraph with the print subgraph behind %s', (router) => {
  useSupergraph(router);

  it('resolves 50 users’ print jobs in one _entities fetch and 3 Graph $batch calls', async () => {
    const result = await supergraph.query(`{
      users { id lastPrintJob { id printerId status { state details } } }
    }`);

    const byUser = new Map(usersOf(result).map((user) => [user.id, user.lastPrintJob]));
    for (const user of users.slice(0, WAITING_JOBS)) {
      expect(byUser.get(user.id)).toEqual({
        ...user.lastPrintJob,
        status: { state: 'PAUSED', details: ['RELEASE_WAIT'] },
      });
    }
    expect(printFetches).toBe(1);
    // 52 references: the 50 jobs and "ghost" go to Graph; "hostile" never does.
    expect(env.upstream()).toEqual({ envelopes: 3, items: 51, direct: 0 });
  });

  it('nulls only the job Graph does not know and the hostile one, each with its own error', async () => {
    // A non-null field beyond the key: with only key fields the router would not ask the print
    // subgraph at all, and a null entity nulls the nearest nullable field, here lastPrintJob.
    const result = await supergraph.query(`{ users { id lastPrintJob { id status { state } } } }`);

    expect(
      usersOf(result)
        .filter((user) => user.lastPrintJob === null)
        .map((user) => user.id),
    ).toEqual(['ghost', 'hostile']);
    expect(
      (result.errors ?? []).map((error) => [error.path?.slice(0, 3), error.extensions?.['code']]),
    ).toEqual([
      [['users', WAITING_JOBS, 'lastPrintJob'], 'NOT_FOUND'],
      [['users', WAITING_JOBS + 1, 'lastPrintJob'], 'INVALID_INPUT'],
    ]);
    expect(env.emulator.requests.entries().filter((entry) => entry.path.includes('..'))).toEqual(
      [],
    );
  });

  it('joins fields of both subgraphs and follows the print subgraph’s own references', async () => {
    const result = await supergraph.query(`{
      user(id: "u0") {
        ... on User {
          name
          lastPrintJob { id printer { displayName } tasks { status { state } definition { id } } }
        }
      }
    }`);

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      user: {
        name: 'User 0',
        lastPrintJob: {
          id: users[0]?.lastPrintJob?.id,
          printer: { displayName: 'Secure Release - Floor 2' },
          tasks: [{ status: { state: 'PROCESSING' }, definition: { id: DEMO.taskDefinitionId } }],
        },
      },
    });
  });

  it('answers `... on Error` from either subgraph’s error types', async () => {
    const result = await supergraph.query(`{
      missingUser: user(id: "nobody") { __typename ... on Error { code } }
      suspendedUser: user(id: "suspended") { __typename ... on Error { code } }
      missingJob: printJob(printerId: "${DEMO.printers.floor1}", id: "9999") {
        __typename ... on Error { code } ... on UpstreamError { requestId }
      }
    }`);

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      missingUser: { __typename: 'NotFoundError', code: 'NOT_FOUND' },
      suspendedUser: { __typename: 'UserSuspendedError', code: 'SUSPENDED' },
      missingJob: { __typename: 'NotFoundError', code: 'NOT_FOUND', requestId: expect.any(String) },
    });
  });
});

const UPDATE_TASK = `mutation Release($taskId: ID!) {
  updatePrintTask(input: {
    taskDefinitionId: "${DEMO.taskDefinitionId}"
    taskId: $taskId
    status: { state: COMPLETED, description: "Released through the router" }
  }) {
    __typename
    ... on UpdatePrintTaskSuccess { printTask { status { state } printJob { status { state } } } }
    ... on ConflictError { code message requestId }
    ... on Error { code message }
  }
}`;

const ABORT_JOB = `mutation Decline($printerId: ID!, $printJobId: ID!) {
  abortPrintJob(input: { printerId: $printerId, printJobId: $printJobId, reason: "Declined" }) {
    __typename
    ... on AbortPrintJobSuccess { printJobId printJob { status { state } } }
    ... on ConflictError { code message requestId }
    ... on InvalidInputError { code issues { path message } }
    ... on Error { code message }
  }
}`;

describe.each(ROUTERS)('mutations through %s', (router) => {
  useSupergraph(router);

  it('releases a job with updatePrintTask, then returns ConflictError with code and requestId', async () => {
    const variables = { taskId: DEMO.tasks.floor1WaitingAdele };

    const first = await supergraph.query(UPDATE_TASK, variables);
    const second = await supergraph.query(UPDATE_TASK, variables);

    expect(first).toEqual({
      data: {
        updatePrintTask: {
          __typename: 'UpdatePrintTaskSuccess',
          printTask: {
            status: { state: 'COMPLETED' },
            printJob: { status: { state: expect.stringMatching(/^(PROCESSING|COMPLETED)$/) } },
          },
        },
      },
    });
    expect(second).toEqual({
      data: {
        updatePrintTask: {
          __typename: 'ConflictError',
          code: 'CONFLICT',
          message: expect.any(String),
          requestId: expect.any(String),
        },
      },
    });
  });

  it('aborts a job with abortPrintJob, then returns ConflictError with code and requestId', async () => {
    const variables = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingMegan };

    const first = await supergraph.query(ABORT_JOB, variables);
    const second = await supergraph.query(ABORT_JOB, variables);

    expect(first.data).toEqual({
      abortPrintJob: {
        __typename: 'AbortPrintJobSuccess',
        printJobId: DEMO.jobs.floor1WaitingMegan,
        printJob: { status: { state: 'ABORTED' } },
      },
    });
    expect(second.data).toEqual({
      abortPrintJob: {
        __typename: 'ConflictError',
        code: 'CONFLICT',
        message: expect.any(String),
        requestId: expect.any(String),
      },
    });
  });

  it('returns InvalidInputError with its issues for an invalid id, and Graph is not called', async () => {
    const result = await supergraph.query(ABORT_JOB, {
      printerId: DEMO.printers.floor1,
      printJobId: '../5183',
    });

    expect(result.data).toEqual({
      abortPrintJob: {
        __typename: 'InvalidInputError',
        code: 'INVALID_INPUT',
        message: expect.any(String),
        issues: [{ path: ['input', 'printJobId'], message: expect.any(String) }],
      },
    });
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});
