/**
 * A bulk mutation settles every item before it answers, whatever the client selected. Selecting
 * only `__typename` once left the items' promises to the errors plugin, which awaits them only
 * while resolving `results`: the writes ran after the response, and a failing one rejected
 * unhandled, which ends the process.
 *
 * Nor does one item's fault fail the field: the items written before it keep their answers.
 */

import { DEMO, EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortPrintJobsDocument } from '../__generated__/graphql.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { createTestGateway, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

const unhandled = vi.fn();
beforeEach(() => {
  unhandled.mockClear();
  process.on('unhandledRejection', unhandled);
});
afterEach(() => {
  process.off('unhandledRejection', unhandled);
});

async function post(query: string) {
  const response = await env.gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Gives a write that was left running the time to finish, and its rejection time to surface. */
async function afterStragglers(): Promise<void> {
  await vi.waitFor(() => expect(env.emulator.requests.entries()).not.toHaveLength(0), {
    timeout: 2_000,
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a bulk mutation that selects only __typename', () => {
  it('abortPrintJobs: the failing abort is sent before the answer, and nothing rejects unhandled', async () => {
    const result = await post(`mutation {
      abortPrintJobs(inputs: [{ printerId: "${DEMO.printers.floor1}", printJobId: "nope" }]) {
        __typename
      }
    }`);
    const sentBeforeAnswer = env.emulator.requests.entries().map((entry) => entry.path);

    expect(result).toEqual({ data: { abortPrintJobs: { __typename: 'AbortPrintJobsSuccess' } } });
    expect(sentBeforeAnswer).toEqual([`/print/printers/${DEMO.printers.floor1}/jobs/nope/abort`]);
    await afterStragglers();
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('updatePrintTasks: the failing update is sent before the answer, and nothing rejects unhandled', async () => {
    const result = await post(`mutation {
      updatePrintTasks(inputs: [{
        taskDefinitionId: "${DEMO.taskDefinitionId}", taskId: "nope", status: { state: COMPLETED }
      }]) { __typename }
    }`);
    const sentBeforeAnswer = env.emulator.requests.entries().map((entry) => entry.path);

    expect(result).toEqual({
      data: { updatePrintTasks: { __typename: 'UpdatePrintTasksSuccess' } },
    });
    expect(sentBeforeAnswer).toEqual([
      `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/nope`,
    ]);
    await afterStragglers();
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('a bulk mutation where one item hits a gateway fault', () => {
  it('answers that item as outcome unknown, keeps the others, and logs the fault', async () => {
    const { logger, lines } = memoryLogger();
    const gateway = createTestGateway({
      baseUrl: env.emulator.url,
      token: EMULATOR_TOKENS.gatewayApp,
      logger,
    });
    // 405 maps to a GatewayFault (UPSTREAM_UNEXPECTED_STATUS): not an error of the item union.
    env.emulator.faults.add({
      method: 'POST',
      path: `/jobs/${DEMO.jobs.floor2WaitingMegan}/abort$`,
      status: 405,
    });
    const variables = {
      inputs: [
        { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
        { printerId: DEMO.printers.floor2, printJobId: DEMO.jobs.floor2WaitingMegan },
      ],
      idempotencyKey: 'fault-in-one-item',
    };

    const result = await gateway.execute(AbortPrintJobsDocument, variables);

    expect(result.errors).toBeUndefined();
    const outcome = result.data?.abortPrintJobs;
    const results = outcome && 'results' in outcome ? outcome.results : [];
    expect(results).toMatchObject([
      { __typename: 'AbortPrintJobSuccess', printJobId: DEMO.jobs.floor1WaitingAdele },
      {
        __typename: 'UpstreamUnavailableError',
        code: 'UPSTREAM_UNAVAILABLE',
        outcomeUnknown: true,
      },
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', code: 'UPSTREAM_UNEXPECTED_STATUS', bulkItem: 1 }),
    );

    // The answer was stored under the key: the retry replays it and writes nothing.
    env.emulator.requests.clear();
    const retried = await gateway.execute(AbortPrintJobsDocument, variables);
    expect(retried.data).toEqual(result.data);
    // (A read may still arrive: the live-event announcer looks up the job the first answer ended.)
    const writes = env.emulator.requests.entries().filter((entry) => entry.method !== 'GET');
    expect(writes).toEqual([]);
  });
});
