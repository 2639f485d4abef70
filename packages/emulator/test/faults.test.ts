import { describe, expect, it } from 'vitest';
import type { BatchResponseItem } from '../src/batch.js';
import { DEMO } from '../src/seed.js';
import { startEmulator } from '../src/server.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';

const defPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;
const taskPath = `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}`;
const abortPath = `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}/abort`;
const ABORT_RULE = '^/print/printers/[^/]+/jobs/[^/]+/abort$';

const env = useEmulator();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe('fault injection', () => {
  it('delays the answer by latencyMs and then answers normally', async () => {
    env.emulator.faults.add({ path: '^/print/taskDefinitions/', latencyMs: 120 });
    const [reply, elapsed] = await timed(() => graph(env.emulator.url, 'GET', defPath));
    expect(reply.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(110);
  });

  it('answers the injected status with a Graph error and leaves the state untouched', async () => {
    env.emulator.faults.add({
      method: 'post',
      path: ABORT_RULE,
      status: 503,
      code: 'serviceNotAvailable',
    });
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', abortPath);
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('retry-after')).toBeNull();
    expect(reply.body.error.code).toBe('serviceNotAvailable');
    expect(env.emulator.store.job(DEMO.jobs.floor1WaitingAdele)?.phase.kind).toBe('releaseWait');
  });

  it('answers 429 TooManyRequests with Retry-After when retryAfterSeconds is given', async () => {
    env.emulator.faults.add({ path: ABORT_RULE, status: 429, retryAfterSeconds: 2 });
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', abortPath);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('2');
    expect(reply.body.error.code).toBe('TooManyRequests');
  });

  it('expires a rule after `times` matches', async () => {
    env.emulator.faults.add({ path: ABORT_RULE, status: 429, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await graph(env.emulator.url, 'POST', abortPath)).status);
    }
    expect(statuses).toEqual([429, 429, 204]);
  });

  it('applies a rule to its share of matches, evenly, letting the rest fall through', async () => {
    env.emulator.faults.add({ path: '/tasks/', status: 429, share: 0.3 });
    env.emulator.faults.add({ path: '/tasks/', status: 503 });
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await graph(env.emulator.url, 'GET', taskPath)).status);
    }
    expect(statuses).toEqual([503, 503, 503, 429, 503, 503, 429, 503, 503, 429]);
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => env.emulator.faults.add({ path: '/tasks/', status: 429, share: 0 })).toThrow(
      /share/,
    );
    expect(() => env.emulator.faults.add({ path: '/tasks/', status: 429, share: 1.5 })).toThrow(
      /share/,
    );
  });

  it('only matches the given method', async () => {
    env.emulator.faults.add({ method: 'PATCH', path: '/tasks/', status: 500 });
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(200);
  });

  it('applies rules in insertion order, first match wins', async () => {
    env.emulator.faults.add({ path: '/tasks/', status: 503, times: 1 });
    env.emulator.faults.add({ path: '/tasks/', status: 500 });
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(503);
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(500);
  });

  it("keeps 'direct' rules away from batch items and 'batch-item' rules away from direct calls", async () => {
    env.emulator.faults.add({ path: '/tasks/', status: 500, scope: 'direct' });
    env.emulator.faults.add({ path: '^/print/printers/', status: 502, scope: 'batch-item' });
    const reply = await graph<{ responses: BatchResponseItem[] }>(
      env.emulator.url,
      'POST',
      '/$batch',
      {
        json: {
          requests: [
            { id: '1', method: 'GET', url: taskPath },
            { id: '2', method: 'GET', url: `/print/printers/${DEMO.printers.floor1}` },
          ],
        },
      },
    );
    const statuses = Object.fromEntries(reply.body.responses.map((item) => [item.id, item.status]));
    expect(statuses).toEqual({ '1': 200, '2': 502 });
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(500);
    expect(
      (await graph(env.emulator.url, 'GET', `/print/printers/${DEMO.printers.floor1}`)).status,
    ).toBe(200);
  });

  it("fails the whole $batch POST with a 'batch-envelope' rule", async () => {
    env.emulator.faults.add({
      path: '^/\\$batch$',
      status: 503,
      retryAfterSeconds: 1,
      scope: 'batch-envelope',
    });
    const reply = await graph(env.emulator.url, 'POST', '/$batch', {
      json: { requests: [{ id: '1', method: 'GET', url: taskPath }] },
    });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('1');
  });

  it("never matches the envelope with the default 'any' scope", async () => {
    env.emulator.faults.add({ path: '\\$batch', status: 503 });
    const reply = await graph(env.emulator.url, 'POST', '/$batch', {
      json: { requests: [{ id: '1', method: 'GET', url: taskPath }] },
    });
    expect(reply.status).toBe(200);
  });

  it('delays the whole envelope by a batch item latency', async () => {
    env.emulator.faults.add({ path: '/tasks/', latencyMs: 100, scope: 'batch-item' });
    const [reply, elapsed] = await timed(() =>
      graph(env.emulator.url, 'POST', '/$batch', {
        json: { requests: [{ id: '1', method: 'GET', url: taskPath }] },
      }),
    );
    expect(reply.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(90);
  });

  it('stops injecting after faults.clear()', async () => {
    env.emulator.faults.add({ path: '.*', status: 500 });
    env.emulator.faults.clear();
    expect((await graph(env.emulator.url, 'GET', taskPath)).status).toBe(200);
  });

  it('rejects a rule whose path is not a valid regular expression', () => {
    expect(() => env.emulator.faults.add({ path: '(' })).toThrow(/regular expression/);
  });
});

describe('hanging requests', () => {
  it('never answers a hung request, yet close() resolves promptly', async () => {
    const own = await startEmulator();
    own.faults.add({ path: '/tasks/', hang: true });
    const pending = graph(own.url, 'GET', taskPath).then(
      () => 'answered',
      () => 'connection closed',
    );
    const raced = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still hanging'), 150)),
    ]);
    expect(raced).toBe('still hanging');

    const [, elapsed] = await timed(() => own.close());
    expect(elapsed).toBeLessThan(500);
    expect(await pending).toBe('connection closed');
    expect(own.requests.entries()).toEqual([]);
  });
});
