import { describe, expect, it } from 'vitest';
import type { BatchResponseItem } from '../src/batch.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';

interface BatchBody {
  responses: BatchResponseItem[];
}

const defPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;
const taskUrl = (taskId: string) => `${defPath}/tasks/${taskId}`;
const jobUrl = (jobId: string) => `/print/printers/${DEMO.printers.floor1}/jobs/${jobId}`;
const json = { 'Content-Type': 'application/json' };

const env = useEmulator();

function batch(requests: unknown[], token: string | null = EMULATOR_TOKENS.gatewayApp) {
  return graph<BatchBody & GraphErrorBody>(env.emulator.url, 'POST', '/$batch', {
    token,
    json: { requests },
  });
}

function byId(body: BatchBody, id: string): BatchResponseItem {
  const item = body.responses.find((response) => response.id === id);
  if (item === undefined) throw new Error(`No response for ${id}`);
  return item;
}

describe('$batch envelope', () => {
  it('answers 200 with per-item statuses, ids, headers and bodies', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: taskUrl(DEMO.tasks.floor1WaitingAdele) },
      { id: '2', method: 'GET', url: 'print/printers/missing' },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('request-id')).not.toBeNull();
    const ok = byId(reply.body, '1');
    expect(ok.status).toBe(200);
    expect(ok.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(ok.body).toMatchObject({ id: DEMO.tasks.floor1WaitingAdele });
    const missing = byId(reply.body, '2');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Type']).toBe('application/json');
    expect(missing.body).toMatchObject({ error: { code: 'itemNotFound' } });
  });

  it('returns responses in a different order than the requests', async () => {
    const reply = await batch(
      ['a', 'b', 'c'].map((id) => ({ id, method: 'GET', url: jobUrl(DEMO.jobs.floor1Completed) })),
    );
    expect(reply.body.responses.map((response) => response.id)).toEqual(['c', 'b', 'a']);
  });

  it('answers a 204 item with no body and no Content-Type', async () => {
    const reply = await batch([
      {
        id: 'abort',
        method: 'POST',
        url: `${jobUrl(DEMO.jobs.floor1WaitingAdele)}/abort`,
        headers: json,
        body: { reason: 'batch' },
      },
    ]);
    const item = byId(reply.body, 'abort');
    expect(item).toEqual({ id: 'abort', status: 204, headers: {} });
    expect('body' in item).toBe(false);
  });

  it('runs a PATCH item with a lower-case content-type header and answers 200 with the task', async () => {
    const reply = await batch([
      {
        id: '1',
        method: 'PATCH',
        url: taskUrl(DEMO.tasks.floor1WaitingAdele),
        headers: { 'content-type': 'application/json' },
        body: { status: { state: 'completed', description: 'batched' } },
      },
    ]);
    expect(byId(reply.body, '1')).toMatchObject({
      status: 200,
      body: { status: { state: 'completed', description: 'batched' } },
    });
  });

  it('authorises each item with the envelope token', async () => {
    const reply = await batch(
      [{ id: '1', method: 'GET', url: taskUrl(DEMO.tasks.floor1WaitingAdele) }],
      EMULATOR_TOKENS.otherApp,
    );
    expect(byId(reply.body, '1').status).toBe(403);
  });

  it('answers 401 for the whole batch without a bearer token', async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: defPath }], null);
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('$batch whole-batch 400s', () => {
  it('answers 400 for 21 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: defPath,
    }));
    const reply = await batch(requests);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('20');
  });

  it('accepts exactly 20 requests', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: defPath,
    }));
    const reply = await batch(requests);
    expect(reply.status).toBe(200);
    expect(reply.body.responses).toHaveLength(20);
  });

  it('answers 400 for duplicate ids, compared case-insensitively', async () => {
    const reply = await batch([
      { id: 'Task', method: 'GET', url: defPath },
      { id: 'task', method: 'GET', url: defPath },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
  });

  it('answers 400 for a nested $batch', async () => {
    const reply = await batch([
      { id: '1', method: 'POST', url: '/$batch', headers: json, body: {} },
    ]);
    expect(reply.status).toBe(400);
  });

  it.each([
    ['a body that is not JSON', '{"requests": ['],
    ['a body without requests', '{"value": []}'],
    ['an empty request list', '{"requests": []}'],
    ['an item without id', '{"requests": [{"method": "GET", "url": "/print/taskDefinitions"}]}'],
  ])('answers 400 for %s', async (_, body) => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', '/$batch', {
      body,
      contentType: 'application/json',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
  });

  it('answers 400 for a dependsOn pattern other than parallel, serial or same', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: defPath },
      { id: '2', method: 'GET', url: defPath },
      { id: '3', method: 'GET', url: defPath, dependsOn: ['1'] },
      { id: '4', method: 'GET', url: defPath, dependsOn: ['3'] },
    ]);
    expect(reply.status).toBe(400);
  });

  it('answers 400 for a dependsOn naming an id that is not in the batch', async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: defPath, dependsOn: ['9'] }]);
    expect(reply.status).toBe(400);
  });

  it('answers 405 for GET /$batch', async () => {
    const reply = await graph(env.emulator.url, 'GET', '/$batch');
    expect(reply.status).toBe(405);
  });
});

describe('$batch item 400s', () => {
  it('answers an item with an absolute url with 400 and still runs the others', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: `https://graph.microsoft.com/v1.0${defPath}` },
      { id: '2', method: 'GET', url: defPath },
    ]);
    expect(reply.status).toBe(200);
    expect(byId(reply.body, '1').status).toBe(400);
    expect(byId(reply.body, '2').status).toBe(200);
  });

  it("answers a url that keeps the /v1.0 prefix with Graph's 400 for the 'v1.0' segment", async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: `/v1.0${defPath}` }]);
    expect(byId(reply.body, '1')).toMatchObject({
      status: 400,
      body: {
        error: { code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." },
      },
    });
  });

  it('answers an item with a body but no headers with 400', async () => {
    const reply = await batch([
      {
        id: '1',
        method: 'PATCH',
        url: taskUrl(DEMO.tasks.floor1WaitingAdele),
        body: { status: { state: 'completed' } },
      },
    ]);
    expect(byId(reply.body, '1').status).toBe(400);
    expect(env.emulator.store.task(DEMO.tasks.floor1WaitingAdele)?.state).toBe('processing');
  });

  it('answers an item whose headers lack Content-Type with 400', async () => {
    const reply = await batch([
      {
        id: '1',
        method: 'POST',
        url: `${jobUrl(DEMO.jobs.floor1WaitingAdele)}/abort`,
        headers: { 'x-custom': '1' },
        body: {},
      },
    ]);
    expect(byId(reply.body, '1').status).toBe(400);
  });
});

describe('$batch dependsOn', () => {
  it('answers 424 for every item whose dependency failed, serially', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: jobUrl('0000') },
      { id: '2', method: 'GET', url: jobUrl(DEMO.jobs.floor1Completed), dependsOn: ['1'] },
      { id: '3', method: 'GET', url: jobUrl(DEMO.jobs.floor1Completed), dependsOn: ['2'] },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((item) => [item.id, item.status])).toEqual([
      ['3', 424],
      ['2', 424],
      ['1', 404],
    ]);
    expect(byId(reply.body, '2').body).toMatchObject({ error: { code: 'failedDependency' } });
  });

  it('runs dependents after their dependency in the "same" pattern', async () => {
    const reply = await batch([
      {
        id: 'complete',
        method: 'PATCH',
        url: taskUrl(DEMO.tasks.floor1WaitingAdele),
        headers: json,
        body: { status: { state: 'completed' } },
      },
      {
        id: 'job',
        method: 'GET',
        url: `${jobUrl(DEMO.jobs.floor1WaitingAdele)}?$expand=tasks`,
        dependsOn: ['complete'],
      },
      {
        id: 'task',
        method: 'GET',
        url: taskUrl(DEMO.tasks.floor1WaitingAdele),
        dependsOn: ['COMPLETE'],
      },
    ]);
    expect(byId(reply.body, 'job')).toMatchObject({
      status: 200,
      body: { status: { state: 'completed' }, tasks: [{ status: { state: 'completed' } }] },
    });
    expect(byId(reply.body, 'task').status).toBe(200);
  });
});

describe('$batch and throttling', () => {
  it('answers throttled items 429 with their own Retry-After while the envelope is 200', async () => {
    env.emulator.faults.add({
      path: '/tasks/',
      status: 429,
      retryAfterSeconds: 7,
      scope: 'batch-item',
      times: 1,
    });
    const reply = await batch([
      { id: '1', method: 'GET', url: taskUrl(DEMO.tasks.floor1WaitingAdele) },
      { id: '2', method: 'GET', url: taskUrl(DEMO.tasks.floor1WaitingMegan) },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('retry-after')).toBeNull();
    expect(byId(reply.body, '1')).toMatchObject({
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
      body: { error: { code: 'TooManyRequests' } },
    });
    expect(byId(reply.body, '2').status).toBe(200);
  });
});
