import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchResponseItem } from '../src/batch.js';
import type { GraphPrintJob, GraphPrintTask } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type Entity, type GraphErrorBody, graph } from './graph-http.js';
import { sdkClient } from './sdk-client.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const jobPath = (printerId: string, jobId: string) => `/print/printers/${printerId}/jobs/${jobId}`;
const redirectPath = (printerId: string, jobId: string) => `${jobPath(printerId, jobId)}/redirect`;
const taskPath = (taskId: string) =>
  `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${taskId}`;
const adeleWaiting = redirectPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele);

const env = useEmulator();
let app: ReturnType<typeof sdkClient>;

beforeAll(() => {
  app = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

async function failureOf(request: Promise<unknown>): Promise<{ status: number; code: string }> {
  const failure: unknown = await request.catch((error: unknown) => error);
  if (!(failure instanceof GraphError)) throw new Error(`expected a GraphError, got ${failure}`);
  return { status: failure.statusCode, code: failure.code ?? '' };
}

describe('POST …/jobs/{id}/redirect', () => {
  it('answers 200 with a new job on the destination printer, configuration merged', async () => {
    // Colour to the monochrome `direct` device is taken as asked: printjob-redirect.md names no
    // refusal for a configuration the destination cannot do (README, "Redirect and job details").
    const redirected = (await app.api(adeleWaiting).post({
      destinationPrinterId: DEMO.printers.direct,
      configuration: { copies: 3, colorMode: 'color', pageRanges: [{ start: 2, end: 4 }] },
    })) as Entity<GraphPrintJob>;

    expect(redirected['@odata.context']).toBe(
      `${GRAPH}/$metadata#print/printers('${DEMO.printers.direct}')/jobs/$entity`,
    );
    expect(redirected.id).toMatch(/^\d+$/);
    expect(redirected.id).not.toBe(DEMO.jobs.floor1WaitingAdele);
    expect(redirected.redirectedFrom).toBe(
      `${GRAPH}${jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele)}`,
    );
    expect(redirected.redirectedTo).toBeNull();
    expect(redirected.createdBy).toEqual(DEMO.users.adele);
    expect(redirected.configuration).toMatchObject({
      copies: 3,
      colorMode: 'color',
      pageRanges: [{ start: 2, end: 4 }],
      // Not in the request: kept from the source job.
      mediaSize: 'A4',
      duplexMode: 'flipOnLongEdge',
    });
    // The direct printer has no trigger: the job prints at once (printDurationMs 0 here).
    expect(redirected.status).toMatchObject({
      state: 'completed',
      details: ['completedSuccessfully'],
    });
  });

  it('marks the source job redirectedTo the new job, ends it, and completes its task', async () => {
    const redirected = (await app
      .api(adeleWaiting)
      .post({ destinationPrinterId: DEMO.printers.direct })) as GraphPrintJob;

    const source = (await app
      .api(jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele))
      .get()) as GraphPrintJob;
    expect(source.redirectedTo).toBe(`${GRAPH}${jobPath(DEMO.printers.direct, redirected.id)}`);
    expect(source.redirectedFrom).toBeNull();
    expect(source.status).toEqual({
      state: 'completed',
      description: `The job was redirected to printer '${DEMO.printers.direct}'.`,
      details: [],
      isAcquiredByPrinter: false,
    });
    const task = (await app.api(taskPath(DEMO.tasks.floor1WaitingAdele)).get()) as GraphPrintTask;
    expect(task.status.state).toBe('completed');

    const onDestination = (await app
      .api(jobPath(DEMO.printers.direct, redirected.id))
      .get()) as GraphPrintJob;
    expect(onDestination.redirectedFrom).toBe(
      `${GRAPH}${jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele)}`,
    );
  });

  it('holds the new job behind a new task when the destination has a trigger', async () => {
    const redirected = (await app
      .api(adeleWaiting)
      .post({ destinationPrinterId: DEMO.printers.floor2 })) as GraphPrintJob;
    const job = (await app
      .api(`${jobPath(DEMO.printers.floor2, redirected.id)}?$expand=tasks`)
      .get()) as GraphPrintJob;
    expect(job.status).toMatchObject({ state: 'paused', details: ['releaseWait'] });
    expect(job.tasks?.map((task) => task.status.state)).toEqual(['processing']);
  });

  it('carries the document to the new job under a new document id', async () => {
    const before = (await app
      .api(`${jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele)}?$expand=documents`)
      .get()) as GraphPrintJob;
    const redirected = (await app
      .api(adeleWaiting)
      .post({ destinationPrinterId: DEMO.printers.direct })) as GraphPrintJob;
    const after = (await app
      .api(`${jobPath(DEMO.printers.direct, redirected.id)}?$expand=documents`)
      .get()) as GraphPrintJob;
    const [original] = before.documents ?? [];
    const [moved] = after.documents ?? [];
    expect(moved).toMatchObject({
      displayName: original?.displayName,
      contentType: original?.contentType,
      size: original?.size,
    });
    expect(moved?.id).not.toBe(original?.id);
  });

  it('answers 409 conflict when the job has no processing task, also for a second redirect', async () => {
    const direct = redirectPath(DEMO.printers.direct, DEMO.jobs.directProcessing);
    const completed = redirectPath(DEMO.printers.floor1, DEMO.jobs.floor1Completed);
    const body = { destinationPrinterId: DEMO.printers.floor2 };
    expect(await failureOf(app.api(direct).post(body))).toEqual({ status: 409, code: 'conflict' });
    expect(await failureOf(app.api(completed).post(body))).toEqual({
      status: 409,
      code: 'conflict',
    });
    await app.api(adeleWaiting).post(body);
    expect(await failureOf(app.api(adeleWaiting).post(body))).toEqual({
      status: 409,
      code: 'conflict',
    });
    // A redirected job is finished: abort finds no processing task either.
    expect(
      await failureOf(
        app.api(`${jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele)}/abort`).post({}),
      ),
    ).toEqual({ status: 409, code: 'conflict' });
  });

  it('answers 403 accessDenied for a delegated token and for a job another app holds', async () => {
    const user = sdkClient(env.emulator.url, EMULATOR_TOKENS.user);
    const body = { destinationPrinterId: DEMO.printers.direct };
    expect(await failureOf(user.api(adeleWaiting).post(body))).toEqual({
      status: 403,
      code: 'accessDenied',
    });
    const finance = redirectPath(DEMO.printers.otherApp, DEMO.jobs.otherAppWaiting);
    expect(await failureOf(app.api(finance).post(body))).toEqual({
      status: 403,
      code: 'accessDenied',
    });
  });

  it('answers 404 itemNotFound for an unknown job, a job on another printer, an unknown destination', async () => {
    const body = { destinationPrinterId: DEMO.printers.direct };
    const notFound = { status: 404, code: 'itemNotFound' };
    expect(
      await failureOf(app.api(redirectPath(DEMO.printers.floor1, '99999')).post(body)),
    ).toEqual(notFound);
    expect(
      await failureOf(
        app.api(redirectPath(DEMO.printers.floor1, DEMO.jobs.floor2WaitingAdele)).post(body),
      ),
    ).toEqual(notFound);
    expect(
      await failureOf(app.api(adeleWaiting).post({ destinationPrinterId: 'no-such-printer' })),
    ).toEqual(notFound);
  });

  it('answers 400 for a missing or invalid destinationPrinterId or configuration', async () => {
    const bad = { status: 400, code: 'invalidRequest' };
    const bodies = [
      {},
      { destinationPrinterId: '' },
      { destinationPrinterId: 42 },
      { destinationPrinterId: DEMO.printers.floor1 },
      { destinationPrinterId: DEMO.printers.direct, configuration: { copies: 0 } },
      { destinationPrinterId: DEMO.printers.direct, configuration: { colorMode: 'sepia' } },
      { destinationPrinterId: DEMO.printers.direct, configuration: { stapleCount: 2 } },
      { destinationPrinterId: DEMO.printers.direct, configuration: 'color' },
    ];
    for (const body of bodies) {
      expect([body, await failureOf(app.api(adeleWaiting).post(body))]).toEqual([body, bad]);
    }
    // Nothing happened to the job.
    const task = (await app.api(taskPath(DEMO.tasks.floor1WaitingAdele)).get()) as GraphPrintTask;
    expect(task.status.state).toBe('processing');
  });

  it('answers 415 without a JSON Content-Type', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', adeleWaiting, {
      body: JSON.stringify({ destinationPrinterId: DEMO.printers.direct }),
      contentType: 'text/plain',
    });
    expect([reply.status, reply.body.error.code]).toEqual([415, 'UnsupportedMediaType']);
  });
});

describe('redirect inside $batch', () => {
  interface BatchBody {
    responses: BatchResponseItem[];
  }

  it('redirects in an item, and a dependent second redirect of the same job answers 409', async () => {
    const request = (id: string, dependsOn?: string) => ({
      id,
      method: 'POST',
      url: adeleWaiting,
      headers: { 'Content-Type': 'application/json' },
      body: { destinationPrinterId: DEMO.printers.direct },
      ...(dependsOn === undefined ? {} : { dependsOn: [dependsOn] }),
    });
    const reply = await graph<BatchBody>(env.emulator.url, 'POST', '/$batch', {
      json: {
        requests: [
          request('first'),
          {
            id: 'megan',
            method: 'POST',
            url: redirectPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingMegan),
            headers: { 'Content-Type': 'application/json' },
            body: { destinationPrinterId: DEMO.printers.floor2, configuration: { copies: 2 } },
            dependsOn: ['first'],
          },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const first = reply.body.responses.find((item) => item.id === 'first');
    const megan = reply.body.responses.find((item) => item.id === 'megan');
    expect(first?.status).toBe(200);
    expect(first?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(first?.body).toMatchObject({
      '@odata.context': `${GRAPH}/$metadata#print/printers('${DEMO.printers.direct}')/jobs/$entity`,
      redirectedFrom: `${GRAPH}${jobPath(DEMO.printers.floor1, DEMO.jobs.floor1WaitingAdele)}`,
    });
    expect(megan?.body).toMatchObject({
      createdBy: DEMO.users.megan,
      configuration: { copies: 2 },
      status: { state: 'paused' },
    });

    const again = await graph<BatchBody>(env.emulator.url, 'POST', '/$batch', {
      json: { requests: [request('again')] },
    });
    expect(again.body.responses[0]).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
  });
});
