/**
 * The pull-print flow end to end: the real app, the real Graph SDK, the emulator over sockets.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  PrintTaskDocument,
  ReleaseScreenDocument,
  UpdatePrintTaskDocument,
} from '../__generated__/graphql.js';
import { nodesOf } from '../helpers/connection.js';
import { useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

async function processingTasks() {
  const result = await env.gateway.execute(ReleaseScreenDocument);
  expect(result.errors).toBeUndefined();
  return (result.data?.printTaskDefinitions ?? [])
    .flatMap((definition) => nodesOf(definition.tasks))
    .filter((task) => task.status.state === 'PROCESSING');
}

describe('pull printing through the gateway', () => {
  it('lists the processing tasks of the app’s own definition with their waiting jobs', async () => {
    const result = await env.gateway.execute(ReleaseScreenDocument);

    expect(result.errors).toBeUndefined();
    const definitions = result.data?.printTaskDefinitions ?? [];
    expect(definitions.map((definition) => definition.id)).toEqual([DEMO.taskDefinitionId]);
    const waiting = (await processingTasks()).map((task) => task.printJob);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    for (const job of waiting) {
      expect(job?.status).toMatchObject({ state: 'PAUSED', details: ['RELEASE_WAIT'] });
      expect(job?.printer?.displayName).toBeTruthy();
    }
  });

  it('completes a task and sees its job released', async () => {
    const [task] = await processingTasks();
    if (!task) throw new Error('the seeded tenant has processing tasks');

    const result = await env.gateway.execute(UpdatePrintTaskDocument, {
      input: {
        taskDefinitionId: task.taskDefinitionId,
        taskId: task.id,
        status: { state: 'COMPLETED', description: 'Released at the device' },
      },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.updatePrintTask).toMatchObject({
      __typename: 'UpdatePrintTaskSuccess',
      printTask: {
        id: task.id,
        status: { state: 'COMPLETED', description: 'Released at the device' },
        printJob: { id: task.printJob?.id, status: { state: 'COMPLETED' } },
      },
    });
    expect(await processingTasks()).not.toContainEqual(expect.objectContaining({ id: task.id }));
  });

  it('aborts a waiting job and sees it aborted with its task', async () => {
    const result = await env.gateway.execute(AbortPrintJobDocument, {
      input: {
        printerId: DEMO.printers.floor1,
        printJobId: DEMO.jobs.floor1WaitingMegan,
        reason: 'Declined at the device',
      },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'AbortPrintJobSuccess',
      printerId: DEMO.printers.floor1,
      printJobId: DEMO.jobs.floor1WaitingMegan,
      printJob: {
        status: { state: 'ABORTED' },
        tasks: [{ id: DEMO.tasks.floor1WaitingMegan, status: { state: 'ABORTED' } }],
      },
    });
    const abort = env.emulator.requests.entries().find((entry) => entry.path.endsWith('/abort'));
    expect(abort).toMatchObject({ method: 'POST', body: { reason: 'Declined at the device' } });
  });

  it('returns ConflictError when aborting a job with no processing task', async () => {
    const result = await env.gateway.execute(AbortPrintJobDocument, {
      input: { printerId: DEMO.printers.direct, printJobId: DEMO.jobs.directProcessing },
    });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      requestId: expect.any(String),
    });
  });

  it('returns ConflictError when completing a task that is already completed', async () => {
    const result = await env.gateway.execute(UpdatePrintTaskDocument, {
      input: {
        taskDefinitionId: DEMO.taskDefinitionId,
        taskId: DEMO.tasks.floor1Completed,
        status: { state: 'COMPLETED' },
      },
    });

    expect(result.data?.updatePrintTask).toMatchObject({ __typename: 'ConflictError' });
  });

  it('returns PermissionDeniedError for a job waiting on another app’s task', async () => {
    const result = await env.gateway.execute(AbortPrintJobDocument, {
      input: { printerId: DEMO.printers.otherApp, printJobId: DEMO.jobs.otherAppWaiting },
    });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'PermissionDeniedError',
      code: 'PERMISSION_DENIED',
    });
  });

  it('returns PermissionDeniedError for a task of another app’s definition', async () => {
    const result = await env.gateway.execute(PrintTaskDocument, {
      taskDefinitionId: DEMO.otherTaskDefinitionId,
      id: DEMO.tasks.otherAppWaiting,
    });

    expect(result.data?.printTask).toMatchObject({ __typename: 'PermissionDeniedError' });
  });

  it('returns NotFoundError for a job that does not exist', async () => {
    const result = await env.gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor1,
      id: '999999',
    });

    expect(result.data?.printJob).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      requestId: expect.any(String),
    });
  });

  it('reads a task with its definition and a job with its tasks', async () => {
    const task = await env.gateway.execute(PrintTaskDocument, {
      taskDefinitionId: DEMO.taskDefinitionId,
      id: DEMO.tasks.floor1WaitingAdele,
    });
    const job = await env.gateway.execute(PrintJobDocument, {
      printerId: DEMO.printers.floor1,
      id: DEMO.jobs.floor1WaitingAdele,
    });

    expect(task.data?.printTask).toMatchObject({
      __typename: 'PrintTask',
      status: { state: 'PROCESSING' },
      definition: { id: DEMO.taskDefinitionId },
    });
    expect(job.data?.printJob).toMatchObject({
      __typename: 'PrintJob',
      printerId: DEMO.printers.floor1,
      createdBy: { userPrincipalName: DEMO.users.adele.userPrincipalName },
      tasks: [{ id: DEMO.tasks.floor1WaitingAdele, taskDefinitionId: DEMO.taskDefinitionId }],
    });
  });

  it('serves a job submitted to the emulator, so the demo never runs dry', async () => {
    const submitted = env.emulator.submitJob({ printerId: DEMO.printers.floor2 });

    const tasks = await processingTasks();

    expect(tasks.map((task) => task.printJob?.id)).toContain(submitted.id);
  });
});
