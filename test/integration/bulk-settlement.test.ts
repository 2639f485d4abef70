/**
 * A bulk mutation settles every item before it answers, whatever the client selected. Selecting
 * only `__typename` once left the items' promises to the errors plugin, which awaits them only
 * while resolving `results`: the writes ran after the response, and a failing one rejected
 * unhandled, which ends the process.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../src/emulator/seed.js';
import { useEmulatedGateway } from '../helpers/emulated-gateway.js';

const env = useEmulatedGateway();

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
