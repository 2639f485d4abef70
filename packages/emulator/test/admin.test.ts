import { describe, expect, it } from 'vitest';
import type { EmulatorPrintJob } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import type { RecordedRequest } from '../src/server.js';
import { useEmulator } from '../src/vitest.js';
import { admin, graph } from './graph-http.js';

const taskPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingAdele}`;

const env = useEmulator();

describe('admin endpoints', () => {
  it('reports health', async () => {
    const reply = await admin(env.emulator.url, 'GET', '/_emulator/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('submits a job that waits behind a new processing task on a pull printer', async () => {
    const reply = await admin<EmulatorPrintJob>(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: DEMO.printers.floor1,
      documentName: 'Badge.pdf',
      userPrincipalName: DEMO.users.megan.userPrincipalName,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.body).toMatchObject({
      createdBy: DEMO.users.megan,
      status: { state: 'paused', details: ['releaseWait'], isAcquiredByPrinter: false },
      tasks: [{ status: { state: 'processing' } }],
    });
    const task = await graph(
      env.emulator.url,
      'GET',
      `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${reply.body.tasks[0]?.id}`,
    );
    expect(task.status).toBe(200);
  });

  it('answers 404 when submitting a job to an unknown printer', async () => {
    const reply = await admin(env.emulator.url, 'POST', '/_emulator/jobs', { printerId: 'nope' });
    expect(reply.status).toBe(404);
  });

  it('answers 400 for a malformed job body', async () => {
    const missing = await admin(env.emulator.url, 'POST', '/_emulator/jobs', { documentName: 'x' });
    const wrongType = await admin(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: DEMO.printers.floor1,
      documentName: 5,
    });
    expect([missing.status, wrongType.status]).toEqual([400, 400]);
  });

  it('adds faults with 201 {id} and clears them with 204', async () => {
    const added = await admin<{ id: string }>(env.emulator.url, 'POST', '/_emulator/faults', {
      path: '/tasks/',
      status: 503,
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toEqual(expect.any(String));
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(503);

    const cleared = await admin(env.emulator.url, 'DELETE', '/_emulator/faults');
    expect(cleared.status).toBe(204);
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(200);
  });

  it('answers 400 for an invalid fault rule', async () => {
    const reply = await admin(env.emulator.url, 'POST', '/_emulator/faults', {
      path: '/x',
      status: 200,
    });
    expect(reply.status).toBe(400);
  });

  it('resets the tenant with 204', async () => {
    await graph(
      env.emulator.url,
      'POST',
      `/print/printers/${DEMO.printers.floor1}/jobs/5182/abort`,
    );
    expect(env.emulator.store.job('5182')?.phase.kind).toBe('aborted');
    const reply = await admin(env.emulator.url, 'POST', '/_emulator/reset');
    expect(reply.status).toBe(204);
    expect(env.emulator.store.job('5182')?.phase.kind).toBe('releaseWait');
  });

  it('answers 405 for a wrong method and 404 for an unknown admin path', async () => {
    expect((await admin(env.emulator.url, 'GET', '/_emulator/reset')).status).toBe(405);
    expect((await admin(env.emulator.url, 'GET', '/_emulator/nothing')).status).toBe(404);
  });
});

describe('request log', () => {
  it('records direct requests with path, query, body, authorization, caller and status', async () => {
    await graph(env.emulator.url, 'PATCH', `${taskPath}?$select=id`, {
      json: { status: { state: 'completed' } },
    });
    await graph(env.emulator.url, 'GET', taskPath, { token: null });
    expect(env.emulator.requests.entries()).toEqual<RecordedRequest[]>([
      {
        method: 'PATCH',
        path: taskPath,
        query: '$select=id',
        body: { status: { state: 'completed' } },
        authorization: `Bearer ${EMULATOR_TOKENS.gatewayApp}`,
        caller: { kind: 'app', appId: DEMO.gatewayAppId },
        via: 'direct',
        status: 200,
      },
      {
        method: 'GET',
        path: taskPath,
        query: '',
        body: undefined,
        authorization: undefined,
        via: 'direct',
        status: 401,
      },
    ]);
  });

  it('records each batch item and then the envelope', async () => {
    await graph(env.emulator.url, 'POST', '/$batch', {
      json: {
        requests: [
          { id: 'one', method: 'GET', url: `${taskPath}?$expand=definition` },
          { id: 'two', method: 'GET', url: 'print/printers/missing' },
        ],
      },
    });
    const entries = env.emulator.requests.entries();
    expect(
      entries.map((entry) => [entry.via, entry.batchRequestId, entry.path, entry.status]),
    ).toEqual([
      ['batch-item', 'one', taskPath, 200],
      ['batch-item', 'two', '/print/printers/missing', 404],
      ['batch-envelope', undefined, '/$batch', 200],
    ]);
    expect(entries[0]?.query).toBe('$expand=definition');
    expect(entries[0]?.authorization).toBe(`Bearer ${EMULATOR_TOKENS.gatewayApp}`);
  });

  it('serves the log over GET /_emulator/requests, skips admin calls, and clears on DELETE', async () => {
    await graph(env.emulator.url, 'GET', taskPath);
    const listed = await admin<{ requests: RecordedRequest[] }>(
      env.emulator.url,
      'GET',
      '/_emulator/requests',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.requests.map((entry) => entry.path)).toEqual([taskPath]);

    expect((await admin(env.emulator.url, 'DELETE', '/_emulator/requests')).status).toBe(204);
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});
