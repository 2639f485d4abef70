/**
 * A person cannot tell another person's job or task ids from ids that do not exist: for every
 * by-id path (reads, task updates, aborts, redirects) both answer the same hidden "not found"
 * after the same Graph calls, the same round trips and the same spend of the request's budget.
 * Counted where Graph sees them, in the emulator's request log, under its latency fault.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type EmulatedTestGateway,
  useTestGateway,
} from '../helpers/test-gateway.js';

const { floor1, floor2 } = DEMO.printers;
const DEFINITION = DEMO.taskDefinitionId;
const MISSING_TASK = 'a5d0c1e2-7f3b-4c9a-8e1d-000000009999';
const MISSING_JOB = '999999';
const LATENCY_MS = 50;

const ERROR = '__typename ... on Error { code message }';
const BUDGET = '... on CallBudgetExceededError { requestedCalls remainingCalls }';

/** Each by-id path, as a document for a task or job id. */
const PATHS: Record<string, { document: (id: string) => string; other: string; missing: string }> =
  {
    printTask: {
      document: (id) =>
        `{ printTask(taskDefinitionId: "${DEFINITION}", id: "${id}") { ${ERROR} ${BUDGET} } }`,
      other: DEMO.tasks.floor1WaitingMegan,
      missing: MISSING_TASK,
    },
    'printTask twice in one request': {
      document: (id) => `{
        a: printTask(taskDefinitionId: "${DEFINITION}", id: "${id}") { ${ERROR} }
        b: printTask(taskDefinitionId: "${DEFINITION}", id: "${id}") { ${ERROR} } }`,
      other: DEMO.tasks.floor1WaitingMegan,
      missing: MISSING_TASK,
    },
    'printTask beside a read of its definition': {
      document: (id) => `{
        printTaskDefinition(id: "${DEFINITION}") { __typename }
        printTask(taskDefinitionId: "${DEFINITION}", id: "${id}") { ${ERROR} } }`,
      other: DEMO.tasks.floor1WaitingMegan,
      missing: MISSING_TASK,
    },
    updatePrintTask: {
      document: (id) => `mutation { updatePrintTask(input: {
        taskDefinitionId: "${DEFINITION}", taskId: "${id}", status: { state: COMPLETED } }) { ${ERROR} } }`,
      other: DEMO.tasks.floor1WaitingMegan,
      missing: MISSING_TASK,
    },
    printJob: {
      document: (id) => `{ printJob(printerId: "${floor1}", id: "${id}") { ${ERROR} } }`,
      other: DEMO.jobs.floor1WaitingMegan,
      missing: MISSING_JOB,
    },
    abortPrintJob: {
      document: (id) =>
        `mutation { abortPrintJob(input: { printerId: "${floor1}", printJobId: "${id}" }) { ${ERROR} } }`,
      other: DEMO.jobs.floor1WaitingMegan,
      missing: MISSING_JOB,
    },
    redirectPrintJob: {
      document: (id) => `mutation { redirectPrintJob(input: {
        printerId: "${floor1}", printJobId: "${id}", destinationPrinterId: "${floor2}" }) { ${ERROR} } }`,
      other: DEMO.jobs.floor1WaitingMegan,
      missing: MISSING_JOB,
    },
  };

interface Cost {
  answer: unknown;
  /** Graph calls: direct requests and `$batch` items. */
  calls: number;
  /** HTTP exchanges with Graph: direct requests and `$batch` envelopes. */
  roundTrips: number;
  writes: number;
  ms: number;
}

async function costOf(env: EmulatedTestGateway, document: string): Promise<Cost> {
  // Warm: the token is minted and its signing keys fetched before anything is timed.
  await env.execute('adele', '{ __typename }');
  env.emulator.requests.clear();
  const started = performance.now();
  const answer = await env.execute('adele', document);
  const ms = performance.now() - started;
  const entries = env.emulator.requests.entries();
  return {
    answer,
    calls: entries.filter((entry) => entry.via !== 'batch-envelope').length,
    roundTrips: entries.filter((entry) => entry.via !== 'batch-item').length,
    writes: entries.filter((entry) => entry.via !== 'batch-envelope' && entry.method !== 'GET')
      .length,
    ms,
  };
}

describe('by id, another person’s id costs what a missing id costs', () => {
  const env = useTestGateway(CALLERS_OVER_HTTP);

  it.each(Object.entries(PATHS))('%s', async (_path, { document, other, missing }) => {
    env.emulator.faults.add({ path: '.*', latencyMs: LATENCY_MS });

    const others = await costOf(env, document(other));
    const missings = await costOf(env, document(missing));

    expect(JSON.stringify(others.answer)).toContain('"code":"NOT_FOUND"');
    expect(others.answer).toEqual(missings.answer);
    expect({ ...others, answer: null, ms: 0 }).toEqual({ ...missings, answer: null, ms: 0 });
    expect(others.writes).toBe(0);
    // Each round trip waits out the latency, one after another: neither is a round trip short.
    for (const cost of [others, missings]) {
      expect(cost.ms).toBeGreaterThanOrEqual(cost.roundTrips * LATENCY_MS - 5);
    }
  });
});

describe('by id, on a budget that runs out, another person’s task and a missing one', () => {
  const env = useTestGateway({
    ...CALLERS_OVER_HTTP,
    service: { maxCallsPerRequest: 1 },
  });

  it('are refused alike, with the same remainingCalls', async () => {
    const { document, other, missing } = PATHS['printTask'] as (typeof PATHS)[string];

    const others = await costOf(env, document(other));
    const missings = await costOf(env, document(missing));

    expect(others.answer).toEqual({
      data: {
        printTask: {
          __typename: 'CallBudgetExceededError',
          code: 'CALL_BUDGET_EXCEEDED',
          message: expect.any(String),
          requestedCalls: 1,
          remainingCalls: 0,
        },
      },
    });
    expect(missings.answer).toEqual(others.answer);
    expect(missings.calls).toBe(others.calls);
  });
});
