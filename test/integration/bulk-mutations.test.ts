/** The release station's bulk mutations: one list, one result per item, through $batch. */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { AbortPrintJobsDocument, UpdatePrintTasksDocument } from '../__generated__/graphql.js';
import { useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

const complete = (taskId: string) => ({
  taskDefinitionId: DEMO.taskDefinitionId,
  taskId,
  status: { state: 'COMPLETED' as const },
});

describe('updatePrintTasks', () => {
  it('returns one typed result per item, in input order, from one $batch envelope', async () => {
    const result = await env.gateway.execute(UpdatePrintTasksDocument, {
      inputs: [
        complete(DEMO.tasks.floor1WaitingAdele),
        complete(DEMO.tasks.floor1Completed),
        complete(DEMO.tasks.floor2WaitingMegan),
        complete('no-such-task'),
      ],
    });

    expect(result.errors).toBeUndefined();
    const outcome = result.data?.updatePrintTasks;
    expect(outcome?.__typename).toBe('UpdatePrintTasksSuccess');
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results.map((item) => item.__typename)).toEqual([
      'UpdatePrintTaskSuccess',
      'ConflictError',
      'UpdatePrintTaskSuccess',
      'NotFoundError',
    ]);
    expect(results[0]).toMatchObject({ printTask: { status: { state: 'COMPLETED' } } });
    expect(env.upstream()).toEqual({ envelopes: 1, items: 4, direct: 0 });
  });

  it('rejects more than 100 items before anything is sent', async () => {
    const inputs = Array.from({ length: 101 }, () => complete(DEMO.tasks.floor1WaitingAdele));

    const result = await env.gateway.execute(UpdatePrintTasksDocument, { inputs });

    expect(result.data?.updatePrintTasks).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['inputs'], message: 'must hold at most 100 items' }],
    });
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });

  it('rejects the whole list, naming the item, when one item is invalid', async () => {
    const result = await env.gateway.execute(UpdatePrintTasksDocument, {
      inputs: [complete(DEMO.tasks.floor1WaitingAdele), complete('../escape')],
    });

    expect(result.data?.updatePrintTasks).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['inputs', '1', 'taskId'] }],
    });
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });

  it('rejects an empty list', async () => {
    const result = await env.gateway.execute(UpdatePrintTasksDocument, { inputs: [] });

    expect(result.data?.updatePrintTasks).toMatchObject({ __typename: 'InvalidInputError' });
  });
});

describe('abortPrintJobs', () => {
  it('aborts what it can and reports the rest, item by item', async () => {
    const result = await env.gateway.execute(AbortPrintJobsDocument, {
      inputs: [
        { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
        { printerId: DEMO.printers.direct, printJobId: DEMO.jobs.directProcessing },
        { printerId: DEMO.printers.otherApp, printJobId: DEMO.jobs.otherAppWaiting },
        { printerId: DEMO.printers.floor2, printJobId: DEMO.jobs.floor2WaitingMegan },
      ],
    });

    const outcome = result.data?.abortPrintJobs;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results.map((item) => item.__typename)).toEqual([
      'AbortPrintJobSuccess',
      'ConflictError',
      'PermissionDeniedError',
      'AbortPrintJobSuccess',
    ]);
    expect(results[0]).toMatchObject({ printJob: { status: { state: 'ABORTED' } } });
    // Four aborts in one envelope, then the two successful jobs read back in another.
    expect(env.upstream()).toEqual({ envelopes: 2, items: 6, direct: 0 });
  });
});
