import { describe, expect, it } from 'vitest';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';

const defPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;
const otherDefPath = `/print/taskDefinitions/${DEMO.otherTaskDefinitionId}`;
const waitingJob = `/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}`;

const env = useEmulator();

describe('bearer tokens', () => {
  it('answers 401 InvalidAuthenticationToken without an Authorization header', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', defPath, { token: null });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
    expect(reply.body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  });

  it('answers 401 for a token the emulator does not know', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', defPath, {
      token: 'forged',
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('answers 401 for a known token sent with another scheme', async () => {
    const reply = await graph(env.emulator.url, 'GET', defPath, {
      token: null,
      headers: { Authorization: `Basic ${EMULATOR_TOKENS.gatewayApp}` },
    });
    expect(reply.status).toBe(401);
  });

  it('answers 401 on unknown routes too, before routing', async () => {
    const reply = await graph(env.emulator.url, 'GET', '/nothing/here', { token: null });
    expect(reply.status).toBe(401);
  });
});

describe('app identity', () => {
  it('answers 403 accessDenied when another app reads a definition it does not own', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', otherDefPath);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
  });

  it("answers 403 accessDenied when an app lists another app's tasks", async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', `${defPath}/tasks`, {
      token: EMULATOR_TOKENS.otherApp,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
  });

  it("answers 403 accessDenied when an app patches another app's task", async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'PATCH',
      `${otherDefPath}/tasks/${DEMO.tasks.otherAppWaiting}`,
      { json: { status: { state: 'completed' } } },
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
    expect(env.emulator.store.task(DEMO.tasks.otherAppWaiting)?.state).toBe('processing');
  });

  it('answers 403 for a delegated token on the app-only task definition endpoints', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', '/print/taskDefinitions', {
      token: EMULATOR_TOKENS.user,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
  });

  it('answers 403 when a delegated token aborts a job (abort is app-only)', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', `${waitingJob}/abort`, {
      token: EMULATOR_TOKENS.user,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
  });

  it('answers 403 when an app token cancels a job (cancel is delegated-only)', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', `${waitingJob}/cancel`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
  });

  it('lets a delegated token read printers and jobs', async () => {
    const printer = await graph(
      env.emulator.url,
      'GET',
      `/print/printers/${DEMO.printers.floor1}`,
      {
        token: EMULATOR_TOKENS.user,
      },
    );
    const job = await graph(env.emulator.url, 'GET', waitingJob, { token: EMULATOR_TOKENS.user });
    expect([printer.status, job.status]).toEqual([200, 200]);
  });
});
