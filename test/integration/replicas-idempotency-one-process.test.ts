/**
 * Idempotency keys in one process without Redis (the in-memory store createApp uses by
 * default): the real app, the real SDK and the emulator, counting the writes Graph received.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  AbortPrintJobOnceDocument,
  AbortPrintJobsDocument,
  RedirectPrintJobOnceDocument,
  UpdatePrintTaskOnceDocument,
  UpdatePrintTasksDocument,
} from '../__generated__/graphql.js';
import { useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

const writes = (method: string, pathEnd: RegExp) =>
  env.emulator.requests
    .entries()
    .filter((entry) => entry.method === method && pathEnd.test(entry.path));

const abortInput = { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele };

describe('idempotencyKey in one process', () => {
  it('aborts once: the repeat returns the first outcome and sends nothing', async () => {
    const variables = { input: abortInput, idempotencyKey: 'retry-7f3b-0001' };
    const first = await env.gateway.execute(AbortPrintJobOnceDocument, variables);
    const repeat = await env.gateway.execute(AbortPrintJobOnceDocument, variables);
    expect(first.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
    expect(repeat).toEqual(first);
    expect(writes('POST', /\/abort$/)).toHaveLength(1);
    // Without the key the same abort is written again, and Graph says it is too late.
    const unkeyed = await env.gateway.execute(AbortPrintJobOnceDocument, { input: abortInput });
    expect(unkeyed.data?.abortPrintJob).toMatchObject({ code: 'CONFLICT' });
  });

  it('completes a task once, replaying the task as Graph first returned it', async () => {
    const variables = {
      input: {
        taskDefinitionId: DEMO.taskDefinitionId,
        taskId: DEMO.tasks.floor1WaitingAdele,
        status: { state: 'COMPLETED' as const, description: 'Released at the device' },
      },
      idempotencyKey: 'retry-7f3b-0002',
    };
    const first = await env.gateway.execute(UpdatePrintTaskOnceDocument, variables);
    const repeat = await env.gateway.execute(UpdatePrintTaskOnceDocument, variables);
    expect(first.data?.updatePrintTask).toMatchObject({
      __typename: 'UpdatePrintTaskSuccess',
      printTask: { status: { state: 'COMPLETED' } },
    });
    expect(repeat).toEqual(first);
    expect(writes('PATCH', /\/tasks\/[^/]+$/)).toHaveLength(1);
  });

  it('redirects once: a retry never makes a second new job', async () => {
    const variables = {
      input: { ...abortInput, destinationPrinterId: DEMO.printers.floor2 },
      idempotencyKey: 'retry-7f3b-0003',
    };
    const first = await env.gateway.execute(RedirectPrintJobOnceDocument, variables);
    const repeat = await env.gateway.execute(RedirectPrintJobOnceDocument, variables);
    expect(first.data?.redirectPrintJob.__typename).toBe('RedirectPrintJobSuccess');
    expect(repeat).toEqual(first);
    expect(writes('POST', /\/redirect$/)).toHaveLength(1);
  });

  it('aborts a list once: the repeat gets every item back as it ended, the failed one included', async () => {
    const inputs = [
      abortInput,
      { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1Completed },
      { printerId: DEMO.printers.floor1, printJobId: '999999' },
    ];
    const variables = { inputs, idempotencyKey: 'retry-7f3b-0006' };
    const first = await env.gateway.execute(AbortPrintJobsDocument, variables);
    const repeat = await env.gateway.execute(AbortPrintJobsDocument, variables);

    const results =
      first.data?.abortPrintJobs.__typename === 'AbortPrintJobsSuccess'
        ? first.data.abortPrintJobs.results
        : [];
    expect(results.map((item) => item.__typename)).toEqual([
      'AbortPrintJobSuccess',
      'ConflictError',
      'NotFoundError',
    ]);
    expect(repeat).toEqual(first);
    expect(writes('POST', /\/abort$/)).toHaveLength(3);
    // The same key for another list is refused as a whole, and sends nothing.
    const other = await env.gateway.execute(AbortPrintJobsDocument, {
      inputs: inputs.slice(1),
      idempotencyKey: 'retry-7f3b-0006',
    });
    expect(other.data?.abortPrintJobs).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(writes('POST', /\/abort$/)).toHaveLength(3);
  });

  it('completes a list of tasks once', async () => {
    const inputs = [DEMO.tasks.floor1WaitingAdele, DEMO.tasks.floor1WaitingMegan].map((taskId) => ({
      taskDefinitionId: DEMO.taskDefinitionId,
      taskId,
      status: { state: 'COMPLETED' as const },
    }));
    const variables = { inputs, idempotencyKey: 'retry-7f3b-0007' };
    const first = await env.gateway.execute(UpdatePrintTasksDocument, variables);
    const repeat = await env.gateway.execute(UpdatePrintTasksDocument, variables);

    expect(first.data?.updatePrintTasks).toMatchObject({
      results: [
        { __typename: 'UpdatePrintTaskSuccess', printTask: { status: { state: 'COMPLETED' } } },
        { __typename: 'UpdatePrintTaskSuccess', printTask: { status: { state: 'COMPLETED' } } },
      ],
    });
    expect(repeat).toEqual(first);
    expect(writes('PATCH', /\/tasks\/[^/]+$/)).toHaveLength(2);
  });

  it('answers IdempotencyKeyReusedError for the same key with another job, sending nothing', async () => {
    const key = 'retry-7f3b-0004';
    await env.gateway.execute(AbortPrintJobOnceDocument, {
      input: abortInput,
      idempotencyKey: key,
    });
    const other = await env.gateway.execute(AbortPrintJobOnceDocument, {
      input: { ...abortInput, printJobId: DEMO.jobs.floor1WaitingMegan },
      idempotencyKey: key,
    });
    expect(other.data?.abortPrintJob).toMatchObject({
      __typename: 'IdempotencyKeyReusedError',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(writes('POST', /\/abort$/)).toHaveLength(1);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'k'.repeat(129)],
    ['a slash', 'retry/../0005'],
    ['a space', 'retry 0005 key'],
  ])('refuses a key with %s as InvalidInputError and calls no Graph', async (_what, key) => {
    const result = await env.gateway.execute(AbortPrintJobOnceDocument, {
      input: abortInput,
      idempotencyKey: key,
    });
    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['idempotencyKey'] }],
    });
    expect(env.emulator.requests.entries()).toHaveLength(0);
  });
});
