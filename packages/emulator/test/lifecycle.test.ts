import { describe, expect, it } from 'vitest';
import type { GraphPrintJob, GraphPrintTask } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type Entity, type GraphErrorBody, graph } from './graph-http.js';

// Long enough that the read right after a release still sees "processing" even when a loaded CI
// machine stalls this process for a few hundred milliseconds; two tests wait it out, so no longer.
const PRINT_DURATION_MS = 1_000;
const defPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;
const jobPath = (printerId: string, jobId: string) => `/print/printers/${printerId}/jobs/${jobId}`;
const floor1Job = (jobId: string) => jobPath(DEMO.printers.floor1, jobId);

const env = useEmulator({ printDurationMs: PRINT_DURATION_MS });

async function getJob(path: string): Promise<GraphPrintJob> {
  return (await graph<GraphPrintJob>(env.emulator.url, 'GET', `${path}?$expand=tasks`)).body;
}

function patchTask(taskId: string, status: unknown, definitionPath = defPath) {
  return graph<Entity<GraphPrintTask> & GraphErrorBody>(
    env.emulator.url,
    'PATCH',
    `${definitionPath}/tasks/${taskId}`,
    { json: { status } },
  );
}

describe('completing a task releases the job', () => {
  it('answers 200 with the updated task', async () => {
    const reply = await patchTask(DEMO.tasks.floor1WaitingAdele, {
      state: 'completed',
      description: 'Released at Floor 1',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.body).toEqual({
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#print/taskDefinitions('${DEMO.taskDefinitionId}')/tasks/$entity`,
      id: DEMO.tasks.floor1WaitingAdele,
      parentUrl: expect.stringContaining(floor1Job(DEMO.jobs.floor1WaitingAdele)),
      status: { state: 'completed', description: 'Released at Floor 1' },
    });
  });

  it('moves the job from releaseWait to processing, then completed after printDurationMs', async () => {
    const path = floor1Job(DEMO.jobs.floor1WaitingAdele);
    expect((await getJob(path)).status).toMatchObject({
      state: 'paused',
      details: ['releaseWait'],
    });

    await patchTask(DEMO.tasks.floor1WaitingAdele, { state: 'completed' });
    const released = await getJob(path);
    expect(released.status).toEqual({
      state: 'processing',
      description: expect.any(String),
      details: ['interpreting'],
      isAcquiredByPrinter: false,
    });
    expect(released.tasks?.[0]?.status.state).toBe('completed');

    await new Promise((resolve) => setTimeout(resolve, PRINT_DURATION_MS + 20));
    const printed = await getJob(path);
    expect(printed.status).toEqual({
      state: 'completed',
      description: expect.any(String),
      details: ['completedSuccessfully'],
      isAcquiredByPrinter: true,
    });
    expect(printed.acknowledgedDateTime).not.toBeNull();
  });

  it('fills in a default description when the PATCH gives none', async () => {
    const reply = await patchTask(DEMO.tasks.floor1WaitingAdele, { state: 'completed' });
    expect(reply.body.status.description).toBe('Task execution is completed.');
  });

  it('keeps the task processing and updates only its description on a processing PATCH', async () => {
    const reply = await patchTask(DEMO.tasks.floor1WaitingAdele, {
      state: 'processing',
      description: 'User is at the printer',
    });
    expect(reply.body.status).toEqual({
      state: 'processing',
      description: 'User is at the printer',
    });
    const job = await getJob(floor1Job(DEMO.jobs.floor1WaitingAdele));
    expect(job.status.details).toEqual(['releaseWait']);
  });

  it('ends the job aborted when the task is patched to aborted', async () => {
    await patchTask(DEMO.tasks.floor1WaitingMegan, { state: 'aborted', description: 'Expired' });
    const job = await getJob(floor1Job(DEMO.jobs.floor1WaitingMegan));
    expect(job.status).toMatchObject({ state: 'aborted', details: [] });
    expect(job.tasks?.[0]?.status).toEqual({ state: 'aborted', description: 'Expired' });
  });
});

describe('task PATCH rules', () => {
  it('answers 409 conflict when patching a task that is already completed', async () => {
    const reply = await patchTask(DEMO.tasks.floor1Completed, { state: 'completed' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('conflict');
  });

  it('answers 409 conflict when patching a task that is already aborted', async () => {
    const reply = await patchTask(DEMO.tasks.floor1Aborted, { state: 'processing' });
    expect(reply.status).toBe(409);
  });

  it.each(['pending', 'unknownFutureValue', 'done'])(
    "answers 400 invalidRequest for state '%s'",
    async (state) => {
      const reply = await patchTask(DEMO.tasks.floor1WaitingAdele, { state });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalidRequest');
    },
  );

  it('answers 400 invalidRequest for a body without status.state', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'PATCH',
      `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
      { json: { status: { description: 'no state' } } },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalidRequest');
  });

  it('answers 415 for a PATCH whose Content-Type is not application/json', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'PATCH',
      `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
      { body: JSON.stringify({ status: { state: 'completed' } }), contentType: 'text/plain' },
    );
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('UnsupportedMediaType');
    expect(env.emulator.store.task(DEMO.tasks.floor1WaitingAdele)?.state).toBe('processing');
  });

  it('answers 400 for a PATCH body that is not JSON', async () => {
    const reply = await graph(
      env.emulator.url,
      'PATCH',
      `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
      {
        body: '{not json',
        contentType: 'application/json; charset=utf-8',
      },
    );
    expect(reply.status).toBe(400);
  });

  it('answers 404 itemNotFound for an unknown task id', async () => {
    const reply = await patchTask('00000000-0000-4000-8000-000000000000', { state: 'completed' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
  });
});

describe('aborting a job', () => {
  it('answers 204 with an empty body and aborts the job and its processing task', async () => {
    const path = floor1Job(DEMO.jobs.floor1WaitingAdele);
    const reply = await graph(env.emulator.url, 'POST', `${path}/abort`, {
      json: { reason: 'User left the building' },
    });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.headers.get('content-type')).toBeNull();
    const job = await getJob(path);
    expect(job.status).toEqual({
      state: 'aborted',
      description: expect.stringContaining('User left the building'),
      details: [],
      isAcquiredByPrinter: false,
    });
    expect(job.tasks?.[0]?.status).toEqual({
      state: 'aborted',
      description: 'The print job was aborted.',
    });
  });

  it('accepts an abort without a body or Content-Type', async () => {
    const reply = await graph(
      env.emulator.url,
      'POST',
      `${floor1Job(DEMO.jobs.floor1WaitingMegan)}/abort`,
    );
    expect(reply.status).toBe(204);
  });

  it('answers 409 conflict when aborting a job with no processing task', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      `${floor1Job(DEMO.jobs.floor1Completed)}/abort`,
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('conflict');
    expect(reply.body.error.message).toContain("'processing'");
  });

  it('answers 409 conflict when aborting a direct-printer job that never had a task', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      `${jobPath(DEMO.printers.direct, DEMO.jobs.directProcessing)}/abort`,
    );
    expect(reply.status).toBe(409);
  });

  it('answers 409 conflict when aborting the same job twice', async () => {
    const path = `${floor1Job(DEMO.jobs.floor1WaitingAdele)}/abort`;
    expect((await graph(env.emulator.url, 'POST', path)).status).toBe(204);
    expect((await graph(env.emulator.url, 'POST', path)).status).toBe(409);
  });

  it("answers 403 accessDenied when the job's processing task comes from another app's trigger", async () => {
    const path = jobPath(DEMO.printers.otherApp, DEMO.jobs.otherAppWaiting);
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', `${path}/abort`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
    const asOwner = await graph(env.emulator.url, 'POST', `${path}/abort`, {
      token: EMULATOR_TOKENS.otherApp,
    });
    expect(asOwner.status).toBe(204);
  });

  it('answers 404 itemNotFound when aborting an unknown job', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      `${floor1Job('9999')}/abort`,
    );
    expect(reply.status).toBe(404);
  });
});

describe('canceling a job', () => {
  it('answers 204 and leaves the job canceled with its task aborted', async () => {
    const path = floor1Job(DEMO.jobs.floor1WaitingMegan);
    const reply = await graph(env.emulator.url, 'POST', `${path}/cancel`, {
      token: EMULATOR_TOKENS.user,
    });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const job = await getJob(path);
    expect(job.status.state).toBe('canceled');
    expect(job.tasks?.[0]?.status.state).toBe('aborted');
  });

  it('answers 409 conflict when canceling a job that already finished', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      `${floor1Job(DEMO.jobs.floor1Completed)}/cancel`,
      { token: EMULATOR_TOKENS.user },
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('conflict');
  });
});

describe('submitting jobs', () => {
  it('holds a job on a pull printer behind a new processing task of the trigger definition', async () => {
    const job = env.emulator.submitJob({
      printerId: DEMO.printers.floor2,
      documentName: 'Report.pdf',
      userPrincipalName: 'new.user@contoso.onmicrosoft.com',
      displayName: 'New User',
    });
    expect(job.status).toMatchObject({ state: 'paused', details: ['releaseWait'] });
    expect(job.createdBy).toMatchObject({
      userPrincipalName: 'new.user@contoso.onmicrosoft.com',
      displayName: 'New User',
    });
    expect(job.tasks).toHaveLength(1);
    const taskId = job.tasks[0]?.id ?? '';
    expect(env.emulator.store.task(taskId)?.definitionId).toBe(DEMO.taskDefinitionId);

    await patchTask(taskId, { state: 'completed' });
    const released = await getJob(jobPath(DEMO.printers.floor2, job.id));
    expect(released.status.state).toBe('processing');
  });

  it('sends a job on a printer without trigger straight to processing, then completed', async () => {
    const job = env.emulator.submitJob({ printerId: DEMO.printers.direct });
    expect(job.status.state).toBe('processing');
    expect(job.tasks).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, PRINT_DURATION_MS + 20));
    expect((await getJob(jobPath(DEMO.printers.direct, job.id))).status.state).toBe('completed');
  });

  it('gives new jobs short numeric ids after the seeded ones', () => {
    const first = env.emulator.submitJob({ printerId: DEMO.printers.floor1 });
    const second = env.emulator.submitJob({ printerId: DEMO.printers.floor1 });
    expect(Number(second.id)).toBe(Number(first.id) + 1);
    expect(first.id).toMatch(/^\d{4}$/);
  });
});
