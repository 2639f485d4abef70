/**
 * A person's bulk writes check ownership through the batcher: 100 items cost ceil(100 / 20) = 5
 * `$batch` envelopes per read step, not 100 requests, and the call budget pays for the reads.
 */

import { DEMO, ENTRA } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { MAX_BULK_ITEMS } from '../../packages/gateway/src/schema/validation.js';
import {
  AbortPrintJobsBareDocument,
  UpdatePrintTasksBareDocument,
} from '../__generated__/graphql.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const ENVELOPES_PER_STEP = Math.ceil(MAX_BULK_ITEMS / 20);

/** Adele's two seeded waiting jobs plus 98 more: 100 jobs of hers, each with a waiting task. */
function adelesHundredJobs(): { printerId: string; printJobId: string; taskId: string }[] {
  const seeded = [
    {
      printerId: DEMO.printers.floor1,
      printJobId: DEMO.jobs.floor1WaitingAdele,
      taskId: DEMO.tasks.floor1WaitingAdele,
    },
    {
      printerId: DEMO.printers.floor2,
      printJobId: DEMO.jobs.floor2WaitingAdele,
      taskId: DEMO.tasks.floor2WaitingAdele,
    },
  ];
  const submitted = Array.from({ length: MAX_BULK_ITEMS - seeded.length }, (_, index) => {
    const printerId = index % 2 === 0 ? DEMO.printers.floor1 : DEMO.printers.floor2;
    const job = env.emulator.submitJob({
      printerId,
      userPrincipalName: ENTRA.people.adele.userPrincipalName,
    });
    const taskId = job.tasks[0]?.id;
    if (!taskId) throw new Error('a submitted job on a release queue has a task');
    return { printerId, printJobId: job.id, taskId };
  });
  return [...seeded, ...submitted];
}

describe('a person’s bulk writes', () => {
  it(`abort ${MAX_BULK_ITEMS} jobs: ${ENVELOPES_PER_STEP} envelopes of job reads, then ${ENVELOPES_PER_STEP} of aborts`, async () => {
    const owned = adelesHundredJobs();

    const result = await env.execute('adele', AbortPrintJobsBareDocument, {
      inputs: owned.map(({ printerId, printJobId }) => ({ printerId, printJobId })),
    });

    const outcome = result.data?.abortPrintJobs;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results.map((item) => item.__typename)).toEqual(
      Array(MAX_BULK_ITEMS).fill('AbortPrintJobSuccess'),
    );
    expect(env.upstreamByMethod()).toEqual({
      envelopes: 2 * ENVELOPES_PER_STEP,
      getItems: MAX_BULK_ITEMS,
      writeItems: MAX_BULK_ITEMS,
      direct: 0,
    });
  });

  it(`complete ${MAX_BULK_ITEMS} tasks: task reads, job reads, then PATCHes, ${ENVELOPES_PER_STEP} envelopes each`, async () => {
    const owned = adelesHundredJobs();

    const result = await env.execute('adele', UpdatePrintTasksBareDocument, {
      inputs: owned.map(({ taskId }) => ({
        taskDefinitionId: DEMO.taskDefinitionId,
        taskId,
        status: { state: 'COMPLETED' as const },
      })),
    });

    const outcome = result.data?.updatePrintTasks;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results.map((item) => item.__typename)).toEqual(
      Array(MAX_BULK_ITEMS).fill('UpdatePrintTaskSuccess'),
    );
    expect(env.upstreamByMethod()).toEqual({
      envelopes: 3 * ENVELOPES_PER_STEP,
      getItems: 2 * MAX_BULK_ITEMS,
      writeItems: MAX_BULK_ITEMS,
      direct: 0,
    });
  });

  it("refuses Megan's items one by one, sending no write for them", async () => {
    const owned = adelesHundredJobs().slice(0, 3);
    const inputs = [
      ...owned.map(({ printerId, printJobId }) => ({ printerId, printJobId })),
      { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingMegan },
    ];

    const result = await env.execute('adele', AbortPrintJobsBareDocument, { inputs });

    const outcome = result.data?.abortPrintJobs;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results.map((item) => item.__typename)).toEqual([
      'AbortPrintJobSuccess',
      'AbortPrintJobSuccess',
      'AbortPrintJobSuccess',
      'NotFoundError',
    ]);
    expect(env.writesSent().map((write) => write.path)).not.toContain(
      `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingMegan}/abort`,
    );
    expect(env.writesSent()).toHaveLength(3);
    // One line per item, in the order the items ended: the refusal, sent nothing, ends first.
    expect(env.auditLines().map((line) => line['outcome'])).toEqual([
      'NOT_FOUND',
      'AbortPrintJobSuccess',
      'AbortPrintJobSuccess',
      'AbortPrintJobSuccess',
    ]);
  });
});

describe('a person’s bulk write with an idempotency key', () => {
  it('replays a list whose item was refused as ForbiddenError, sending nothing again', async () => {
    const query = `mutation ($inputs: [AbortPrintJobInput!]!, $key: String) {
      abortPrintJobs(inputs: $inputs, idempotencyKey: $key) {
        __typename
        ... on AbortPrintJobsSuccess { results { __typename ... on Error { code message } } }
      }
    }`;
    const variables = {
      key: 'bulk-with-forbidden-0001',
      inputs: [
        { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
        {
          printerId: DEMO.printers.floor1,
          printJobId: DEMO.jobs.floor1WaitingMegan,
          onBehalfOf: ENTRA.people.megan.objectId,
        },
      ],
    };

    const first = await env.execute('adele', query, variables);
    const sent = env.emulator.requests.entries().length;
    const repeat = await env.execute('adele', query, variables);

    expect(first.data).toMatchObject({
      abortPrintJobs: {
        results: [{ __typename: 'AbortPrintJobSuccess' }, { __typename: 'ForbiddenError' }],
      },
    });
    expect(repeat).toEqual(first);
    expect(env.emulator.requests.entries()).toHaveLength(sent);
  });
});
