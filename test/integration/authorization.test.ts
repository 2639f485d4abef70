/**
 * Permissions, ownership and the audit trail end to end: real tokens from the emulator's Entra,
 * the gateway on a loopback port, Graph on the emulator. Every refusal is checked against the
 * emulator's request log: a refused write must send no write, a forbidden caller nothing at all.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  HIDDEN_JOB_MESSAGE,
  HIDDEN_TASK_MESSAGE,
} from '../../packages/gateway/src/domain/hidden.js';
import {
  AbortPrintJobDocument,
  AbortPrintJobsBareDocument,
  PrinterJobsDocument,
  PrintJobDocument,
  PrintTaskDocument,
  ReleaseTasksDocument,
  UpdatePrintTaskDocument,
  UpdatePrintTasksBareDocument,
} from '../__generated__/graphql.js';
import { nodesOf } from '../helpers/connection.js';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  DASHBOARD_KEY,
  PEOPLE,
  STATION_KEY,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const { floor1 } = DEMO.printers;
const { jobs, tasks } = DEMO;

const abort = (printJobId: string, extra: { onBehalfOf?: string; printerId?: string } = {}) => ({
  input: { printerId: extra.printerId ?? floor1, printJobId, ...extra },
});
const complete = (taskId: string, onBehalfOf?: string) => ({
  input: {
    taskDefinitionId: DEMO.taskDefinitionId,
    taskId,
    status: { state: 'COMPLETED' as const },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  },
});
const typename = (value: unknown) => (value as { __typename?: string } | null)?.__typename;

describe('a person (Print.Release) reads only their own jobs', () => {
  it("lists only Adele's jobs on a printer and only her jobs' tasks", async () => {
    const printer = await env.execute('adele', PrinterJobsDocument, { id: floor1 });
    const listed = printer.data?.printer;
    const printerJobs = listed && 'jobs' in listed ? nodesOf(listed.jobs) : [];
    expect(printerJobs.map((job) => job.id)).toContain(jobs.floor1WaitingAdele);
    expect(printerJobs.map((job) => job.id)).not.toContain(jobs.floor1WaitingMegan);
    expect(printerJobs.every((job) => job.createdBy?.id === PEOPLE.adele)).toBe(true);

    const screen = await env.execute('adele', ReleaseTasksDocument);
    expect(screen.errors).toBeUndefined();
    const seen =
      screen.data?.printTaskDefinitions.flatMap((definition) => nodesOf(definition.tasks)) ?? [];
    expect(seen.map((task) => task.id)).toEqual(
      expect.arrayContaining([tasks.floor1WaitingAdele, tasks.floor2WaitingAdele]),
    );
    expect(seen.map((task) => task.id)).not.toContain(tasks.floor1WaitingMegan);
    expect(seen.every((task) => task.printJob?.createdBy?.id === PEOPLE.adele)).toBe(true);
  });

  it("cannot tell Megan's job or task from one that does not exist", async () => {
    const megans = await env.execute('adele', PrintJobDocument, {
      printerId: floor1,
      id: jobs.floor1WaitingMegan,
    });
    const missing = await env.execute('adele', PrintJobDocument, { printerId: floor1, id: '999' });
    const expected = {
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: HIDDEN_JOB_MESSAGE,
      requestId: null,
    };
    expect(megans.data?.printJob).toEqual(expected);
    expect(missing.data?.printJob).toEqual(expected);

    const task = await env.execute('adele', PrintTaskDocument, {
      taskDefinitionId: DEMO.taskDefinitionId,
      id: tasks.floor1WaitingMegan,
    });
    const noTask = await env.execute('adele', PrintTaskDocument, {
      taskDefinitionId: DEMO.taskDefinitionId,
      id: 'no-such-task',
    });
    const expectedTask = { ...expected, message: HIDDEN_TASK_MESSAGE };
    expect(task.data?.printTask).toEqual(expectedTask);
    expect(noTask.data?.printTask).toEqual(expectedTask);

    const own = await env.execute('adele', PrintJobDocument, {
      printerId: floor1,
      id: jobs.floor1WaitingAdele,
    });
    expect(own.data?.printJob).toMatchObject({
      __typename: 'PrintJob',
      id: jobs.floor1WaitingAdele,
    });
  });

  it("resolves an _entities reference to another person's job or task to null", async () => {
    const result = await env.execute(
      'adele',
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { __typename ... on PrintJob { id } }
      }`,
      {
        representations: [
          { __typename: 'PrintJob', printerId: floor1, id: jobs.floor1WaitingAdele },
          { __typename: 'PrintJob', printerId: floor1, id: jobs.floor1WaitingMegan },
          {
            __typename: 'PrintTask',
            taskDefinitionId: DEMO.taskDefinitionId,
            id: tasks.floor1WaitingMegan,
          },
        ],
      },
    );
    const entities = (result.data as { _entities: unknown[] } | undefined)?._entities;
    expect(entities).toEqual([{ __typename: 'PrintJob', id: jobs.floor1WaitingAdele }, null, null]);
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['_entities', 1], 'NOT_FOUND'],
      [['_entities', 2], 'NOT_FOUND'],
    ]);
  });
});

describe('a person acts only on their own jobs', () => {
  it("gets NotFound for aborting or completing Megan's, and nothing is written", async () => {
    const aborted = await env.execute(
      'adele',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingMegan),
    );
    expect(aborted.data?.abortPrintJob).toMatchObject({
      __typename: 'NotFoundError',
      message: HIDDEN_JOB_MESSAGE,
      requestId: null,
    });
    const completed = await env.execute(
      'adele',
      UpdatePrintTaskDocument,
      complete(tasks.floor1WaitingMegan),
    );
    expect(completed.data?.updatePrintTask).toMatchObject({
      __typename: 'NotFoundError',
      message: HIDDEN_TASK_MESSAGE,
    });
    expect(env.writesSent()).toEqual([]);
  });

  it('aborts and completes her own', async () => {
    const aborted = await env.execute(
      'adele',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele),
    );
    expect(aborted.data?.abortPrintJob).toMatchObject({ __typename: 'AbortPrintJobSuccess' });
    const completed = await env.execute(
      'adele',
      UpdatePrintTaskDocument,
      complete(tasks.floor2WaitingAdele),
    );
    expect(completed.data?.updatePrintTask).toMatchObject({ __typename: 'UpdatePrintTaskSuccess' });
    expect(env.writesSent().map((write) => write.method)).toEqual(['POST', 'PATCH']);
  });

  it('may not act on behalf of anyone else: ForbiddenError, and no Graph call at all', async () => {
    const result = await env.execute(
      'adele',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele, { onBehalfOf: PEOPLE.megan }),
    );
    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    expect(env.emulator.requests.entries()).toEqual([]);

    const self = await env.execute(
      'adele',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele, { onBehalfOf: PEOPLE.adele.toUpperCase() }),
    );
    expect(typename(self.data?.abortPrintJob)).toBe('AbortPrintJobSuccess');
  });
});

describe.each<CallerName>(['stationApp', 'stationKey'])('a release station (%s)', (station) => {
  it("acts on anyone's job", async () => {
    const aborted = await env.execute(
      station,
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingMegan),
    );
    expect(typename(aborted.data?.abortPrintJob)).toBe('AbortPrintJobSuccess');
    const completed = await env.execute(
      station,
      UpdatePrintTaskDocument,
      complete(tasks.floor1WaitingAdele),
    );
    expect(typename(completed.data?.updatePrintTask)).toBe('UpdatePrintTaskSuccess');
  });

  it('acts on behalf of the person whose job it is, and only them', async () => {
    const wrong = await env.execute(
      station,
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingMegan, { onBehalfOf: PEOPLE.adele }),
    );
    expect(wrong.data?.abortPrintJob).toMatchObject({
      __typename: 'NotFoundError',
      requestId: null,
    });
    const wrongTask = await env.execute(
      station,
      UpdatePrintTaskDocument,
      complete(tasks.floor2WaitingMegan, PEOPLE.adele),
    );
    expect(typename(wrongTask.data?.updatePrintTask)).toBe('NotFoundError');
    expect(env.writesSent()).toEqual([]);

    const right = await env.execute(
      station,
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingMegan, { onBehalfOf: PEOPLE.megan }),
    );
    expect(typename(right.data?.abortPrintJob)).toBe('AbortPrintJobSuccess');
    const rightTask = await env.execute(
      station,
      UpdatePrintTaskDocument,
      complete(tasks.floor2WaitingMegan, PEOPLE.megan),
    );
    expect(typename(rightTask.data?.updatePrintTask)).toBe('UpdatePrintTaskSuccess');
    expect(env.writesSent()).toHaveLength(2);
  });
});

describe.each<CallerName>(['dashboardKey', 'dashboardApp'])('Print.Read.All (%s)', (dashboard) => {
  it("reads everyone's jobs", async () => {
    const printer = await env.execute(dashboard, PrinterJobsDocument, { id: floor1 });
    const listed = printer.data?.printer;
    const owners = new Set(
      (listed && 'jobs' in listed ? nodesOf(listed.jobs) : []).map((job) => job.createdBy?.id),
    );
    expect(owners).toEqual(new Set([PEOPLE.adele, PEOPLE.megan]));
    const megans = await env.execute(dashboard, PrintJobDocument, {
      printerId: floor1,
      id: jobs.floor1WaitingMegan,
    });
    expect(typename(megans.data?.printJob)).toBe('PrintJob');
  });

  it('writes nothing: FORBIDDEN, with no Graph call', async () => {
    const aborted = await env.execute(
      dashboard,
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingMegan),
    );
    expect(aborted.data?.abortPrintJob).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    const completed = await env.execute(
      dashboard,
      UpdatePrintTaskDocument,
      complete(tasks.floor1WaitingAdele),
    );
    expect(typename(completed.data?.updatePrintTask)).toBe('ForbiddenError');
    const bulk = await env.execute(dashboard, AbortPrintJobsBareDocument, {
      inputs: [{ printerId: floor1, printJobId: jobs.floor1WaitingAdele }],
    });
    expect(typename(bulk.data?.abortPrintJobs)).toBe('ForbiddenError');
    const bulkTasks = await env.execute(dashboard, UpdatePrintTasksBareDocument, {
      inputs: [complete(tasks.floor1WaitingAdele).input],
    });
    expect(typename(bulkTasks.data?.updatePrintTasks)).toBe('ForbiddenError');
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});

describe('a token with no permission the gateway knows', () => {
  it('is FORBIDDEN everywhere, and nothing reaches Graph', async () => {
    const job = await env.execute('noPermission', PrintJobDocument, {
      printerId: floor1,
      id: jobs.floor1WaitingAdele,
    });
    expect(job.data?.printJob).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const printer = await env.execute('noPermission', PrinterJobsDocument, { id: floor1 });
    expect(typename(printer.data?.printer)).toBe('ForbiddenError');
    const aborted = await env.execute(
      'noPermission',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele),
    );
    expect(typename(aborted.data?.abortPrintJob)).toBe('ForbiddenError');
    // No result union: the refusal is a top-level error with the same code.
    const list = await env.execute('noPermission', ReleaseTasksDocument);
    expect(list.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const entities = await env.execute(
      'noPermission',
      `{ _entities(representations: [{ __typename: "Printer", id: "${floor1}" }]) { __typename } }`,
    );
    expect(entities.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});

describe('input validation and field authorization (unsafelyHandleInputErrors)', () => {
  it('validates before authorizing, but an invalid input reaches neither Graph nor a resolver', async () => {
    const invalid = await env.execute('dashboardKey', AbortPrintJobDocument, abort('../escape'));
    expect(invalid.data?.abortPrintJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'printJobId'] }],
    });
    const valid = await env.execute(
      'dashboardKey',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele),
    );
    expect(typename(valid.data?.abortPrintJob)).toBe('ForbiddenError');
    const badOnBehalf = await env.execute(
      'stationKey',
      AbortPrintJobDocument,
      abort(jobs.floor1WaitingAdele, { onBehalfOf: 'AdeleV@contoso.onmicrosoft.com' }),
    );
    expect(badOnBehalf.data?.abortPrintJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'onBehalfOf'] }],
    });
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});

describe('the audit log', () => {
  it('records one line per write item, refused ones included, and never a credential', async () => {
    await env.execute('adele', AbortPrintJobDocument, abort(jobs.floor1WaitingAdele));
    await env.execute('adele', AbortPrintJobDocument, abort(jobs.floor1WaitingMegan));
    await env.execute('dashboardKey', UpdatePrintTasksBareDocument, {
      inputs: [complete(tasks.floor1WaitingMegan).input, complete(tasks.floor2WaitingMegan).input],
    });
    await env.execute(
      'stationApp',
      UpdatePrintTaskDocument,
      complete(tasks.floor2WaitingMegan, PEOPLE.megan),
    );

    const lines = env.auditLines();
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(Date.parse(String(line['time']))).not.toBeNaN();
    const adele = {
      kind: 'person',
      tenantId: expect.any(String),
      objectId: PEOPLE.adele,
      clientAppId: expect.any(String),
    };
    expect(lines[0]).toMatchObject({
      audit: true,
      operation: 'abortPrintJob',
      caller: adele,
      target: { printerId: floor1, printJobId: jobs.floor1WaitingAdele },
      outcome: 'AbortPrintJobSuccess',
      graphRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(lines[1]).toMatchObject({
      operation: 'abortPrintJob',
      caller: adele,
      target: { printJobId: jobs.floor1WaitingMegan },
      outcome: 'NOT_FOUND',
      graphRequestId: null,
    });
    expect(lines.slice(2, 4)).toEqual([
      expect.objectContaining({
        operation: 'updatePrintTask',
        caller: { kind: 'service-key', name: 'dashboard' },
        target: {
          taskDefinitionId: DEMO.taskDefinitionId,
          taskId: tasks.floor1WaitingMegan,
          state: 'completed',
        },
        outcome: 'FORBIDDEN',
        graphRequestId: null,
      }),
      expect.objectContaining({
        target: expect.objectContaining({ taskId: tasks.floor2WaitingMegan }),
      }),
    ]);
    expect(lines[4]).toMatchObject({
      caller: { kind: 'app', appId: expect.any(String), tenantId: expect.any(String) },
      onBehalfOf: PEOPLE.megan,
      outcome: 'UpdatePrintTaskSuccess',
      graphRequestId: expect.any(String),
    });
    expect(lines[0]).not.toHaveProperty('onBehalfOf');

    const everything = JSON.stringify(env.logLines);
    for (const caller of ['adele', 'stationApp'] as const) {
      expect(everything).not.toContain(await env.credential(caller));
    }
    expect(everything).not.toContain(DASHBOARD_KEY);
    expect(everything).not.toContain(STATION_KEY);
  });
});
