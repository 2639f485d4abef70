import { BatchResponseContent, type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphPrintJob, GraphPrintTask } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { sdkClient } from './sdk-client.js';

const taskPath = (taskId: string) =>
  `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${taskId}`;
const jobPath = (jobId: string) => `/print/printers/${DEMO.printers.floor1}/jobs/${jobId}`;

const env = useEmulator();
let client: Client;

beforeAll(() => {
  client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

describe('the Graph SDK against the emulator', () => {
  it('GETs a print task', async () => {
    const task = (await client
      .api(taskPath(DEMO.tasks.floor1WaitingAdele))
      .get()) as GraphPrintTask;
    expect(task.id).toBe(DEMO.tasks.floor1WaitingAdele);
    expect(task.status.state).toBe('processing');
    const recorded = env.emulator.requests.entries().at(-1);
    expect(recorded?.authorization).toBe(`Bearer ${EMULATOR_TOKENS.gatewayApp}`);
  });

  it('PATCHes a print task and receives the updated task from the 200 body', async () => {
    const task = (await client.api(taskPath(DEMO.tasks.floor1WaitingMegan)).patch({
      status: { state: 'completed', description: 'Released via SDK' },
    })) as GraphPrintTask;
    expect(task.status).toEqual({ state: 'completed', description: 'Released via SDK' });
  });

  it('POSTs abort and resolves to undefined on 204', async () => {
    const result: unknown = await client
      .api(`${jobPath(DEMO.jobs.floor1WaitingAdele)}/abort`)
      .post({ reason: 'Aborted via SDK' });
    expect(result).toBeUndefined();
    const job = (await client.api(jobPath(DEMO.jobs.floor1WaitingAdele)).get()) as GraphPrintJob;
    expect(job.status.state).toBe('aborted');
  });

  it('surfaces a 409 as a GraphError carrying code and request id', async () => {
    const failure: unknown = await client
      .api(`${jobPath(DEMO.jobs.floor1Completed)}/abort`)
      .post({})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    const error = failure as GraphError;
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('conflict');
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('posts a $batch whose items BatchResponseContent reads back, 204 included', async () => {
    env.emulator.faults.add({
      path: '^/print/printers/',
      status: 429,
      retryAfterSeconds: 3,
      scope: 'batch-item',
      times: 1,
    });
    const body: unknown = await client.api('/$batch').post({
      requests: [
        { id: 'throttled', method: 'GET', url: `/print/printers/${DEMO.printers.floor1}` },
        { id: 'task', method: 'GET', url: taskPath(DEMO.tasks.floor2WaitingMegan) },
        {
          id: 'abort',
          method: 'POST',
          url: `/print/printers/${DEMO.printers.floor2}/jobs/${DEMO.jobs.floor2WaitingAdele}/abort`,
          headers: { 'content-type': 'application/json' },
          body: {},
        },
      ],
    });
    const batch = new BatchResponseContent(
      body as ConstructorParameters<typeof BatchResponseContent>[0],
    );

    const task = batch.getResponseById('task');
    expect(task.status).toBe(200);
    expect(((await task.json()) as GraphPrintTask).id).toBe(DEMO.tasks.floor2WaitingMegan);

    const abort = batch.getResponseById('abort');
    expect(abort.status).toBe(204);
    expect(await abort.text()).toBe('');

    const throttled = batch.getResponseById('throttled');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('3');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe(
      'TooManyRequests',
    );
  });
});
