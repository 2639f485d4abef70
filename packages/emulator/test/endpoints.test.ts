import { describe, expect, it } from 'vitest';
import type {
  GraphPrinter,
  GraphPrintJob,
  GraphPrintTask,
  GraphTaskDefinition,
} from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type Collection, type Entity, type GraphErrorBody, graph } from './graph-http.js';

const GRAPH_METADATA = 'https://graph.microsoft.com/v1.0/$metadata';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const defPath = `/print/taskDefinitions/${DEMO.taskDefinitionId}`;
const floor1 = `/print/printers/${DEMO.printers.floor1}`;

const env = useEmulator();

describe('response headers', () => {
  it('sends JSON content type, a fresh request-id, a Date, and echoes client-request-id', async () => {
    const first = await graph(env.emulator.url, 'GET', defPath, {
      headers: { 'client-request-id': 'my-correlation-id' },
    });
    const second = await graph(env.emulator.url, 'GET', defPath);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.headers.get('request-id')).toMatch(GUID);
    expect(first.headers.get('client-request-id')).toBe('my-correlation-id');
    expect(first.headers.get('date')).not.toBeNull();
    expect(second.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
  });

  it('answers errors in Graph shape with an innerError date without zone suffix', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', '/print/printers/nope', {
      headers: { 'client-request-id': 'abc' },
    });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/json');
    const { error } = reply.body;
    expect(error.code).toBe('itemNotFound');
    expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
    expect(error.innerError['client-request-id']).toBe('abc');
    expect(error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });
});

describe('task definitions', () => {
  it('lists only the definitions of the calling app', async () => {
    const mine = await graph<Collection<GraphTaskDefinition>>(
      env.emulator.url,
      'GET',
      '/print/taskDefinitions',
    );
    const theirs = await graph<Collection<GraphTaskDefinition>>(
      env.emulator.url,
      'GET',
      '/print/taskDefinitions',
      { token: EMULATOR_TOKENS.otherApp },
    );
    expect(mine.body['@odata.context']).toBe(`${GRAPH_METADATA}#print/taskDefinitions`);
    expect(mine.body.value.map((d) => d.id)).toEqual([DEMO.taskDefinitionId]);
    expect(mine.body.value[0]?.createdBy.appId).toBe(DEMO.gatewayAppId);
    expect(theirs.body.value.map((d) => d.id)).toEqual([DEMO.otherTaskDefinitionId]);
  });

  it('gets one definition with its entity context', async () => {
    const reply = await graph<Entity<GraphTaskDefinition>>(env.emulator.url, 'GET', defPath);
    expect(reply.body).toEqual({
      '@odata.context': `${GRAPH_METADATA}#print/taskDefinitions/$entity`,
      id: DEMO.taskDefinitionId,
      displayName: 'Release at printer',
      createdBy: { appId: DEMO.gatewayAppId, displayName: 'Print Release Gateway' },
    });
  });

  it('answers 404 itemNotFound for an unknown definition', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      '/print/taskDefinitions/missing',
    );
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
  });

  it('lists the definition tasks, processing and finished ones alike', async () => {
    const reply = await graph<Collection<GraphPrintTask>>(
      env.emulator.url,
      'GET',
      `${defPath}/tasks`,
    );
    expect(reply.body['@odata.context']).toBe(
      `${GRAPH_METADATA}#print/taskDefinitions('${DEMO.taskDefinitionId}')/tasks`,
    );
    const states = reply.body.value.map((task) => task.status.state);
    expect(states.filter((state) => state === 'processing').length).toBeGreaterThanOrEqual(3);
    expect(states).toContain('completed');
    expect(states).toContain('aborted');
  });

  it('gets a task with parentUrl on Graph host and the $entity context', async () => {
    const reply = await graph<Entity<GraphPrintTask>>(
      env.emulator.url,
      'GET',
      `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
    );
    expect(reply.body).toEqual({
      '@odata.context': `${GRAPH_METADATA}#print/taskDefinitions('${DEMO.taskDefinitionId}')/tasks/$entity`,
      id: DEMO.tasks.floor1WaitingAdele,
      parentUrl: `https://graph.microsoft.com/v1.0/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}`,
      status: { state: 'processing', description: expect.any(String) },
    });
  });

  it('expands a task definition on a task', async () => {
    const reply = await graph<GraphPrintTask>(
      env.emulator.url,
      'GET',
      `${defPath}/tasks/${DEMO.tasks.floor1WaitingAdele}?$expand=definition`,
    );
    expect(reply.body.definition?.id).toBe(DEMO.taskDefinitionId);
  });

  it('answers 404 for a task that belongs to another definition', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      `${defPath}/tasks/${DEMO.tasks.otherAppWaiting}`,
    );
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
  });
});

describe('printers and jobs', () => {
  it('gets a printer in Graph printer shape', async () => {
    const reply = await graph<Entity<GraphPrinter>>(env.emulator.url, 'GET', floor1);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(`${GRAPH_METADATA}#print/printers/$entity`);
    expect(reply.body).toMatchObject({
      id: DEMO.printers.floor1,
      isAcceptingJobs: true,
      hasPhysicalDevice: false,
      isShared: true,
      status: { state: 'idle', details: [] },
      location: { floor: '1' },
    });
  });

  it('lists a printer jobs in Graph printJob shape without tasks unless expanded', async () => {
    const reply = await graph<Collection<GraphPrintJob>>(env.emulator.url, 'GET', `${floor1}/jobs`);
    expect(reply.body['@odata.context']).toBe(
      `${GRAPH_METADATA}#print/printers('${DEMO.printers.floor1}')/jobs`,
    );
    const waiting = reply.body.value.find((job) => job.id === DEMO.jobs.floor1WaitingAdele);
    expect(waiting).toEqual({
      id: DEMO.jobs.floor1WaitingAdele,
      createdDateTime: expect.any(String),
      createdBy: DEMO.users.adele,
      status: {
        state: 'paused',
        description: expect.any(String),
        details: ['releaseWait'],
        isAcquiredByPrinter: false,
      },
      isFetchable: false,
      redirectedFrom: null,
      redirectedTo: null,
      errorCode: null,
      acknowledgedDateTime: null,
      configuration: expect.objectContaining({ copies: 1 }),
    });
    const states = new Set(reply.body.value.map((job) => job.status.state));
    expect(states).toEqual(new Set(['paused', 'completed', 'aborted', 'canceled']));
  });

  it("filters jobs by createdBy/userPrincipalName eq '...' case-insensitively", async () => {
    const upn = DEMO.users.megan.userPrincipalName.toUpperCase();
    const filter = encodeURIComponent(`createdBy/userPrincipalName eq '${upn}'`);
    const reply = await graph<Collection<GraphPrintJob>>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs?$filter=${filter}&$expand=tasks`,
    );
    expect(reply.body.value.map((job) => job.id)).toEqual([
      DEMO.jobs.floor1WaitingMegan,
      DEMO.jobs.floor1Aborted,
    ]);
    expect(reply.body.value[0]?.tasks?.map((task) => task.id)).toEqual([
      DEMO.tasks.floor1WaitingMegan,
    ]);
  });

  it('answers 400 invalidRequest for a $filter the emulator does not support', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs?$filter=${encodeURIComponent("status/state eq 'paused'")}`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalidRequest');
  });

  it('expands tasks with their definition on a job via nested $expand', async () => {
    const reply = await graph<Entity<GraphPrintJob>>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}?$expand=tasks($expand=definition)`,
    );
    expect(reply.body['@odata.context']).toBe(
      `${GRAPH_METADATA}#print/printers('${DEMO.printers.floor1}')/jobs/$entity`,
    );
    expect(reply.body.tasks).toEqual([
      {
        id: DEMO.tasks.floor1WaitingAdele,
        parentUrl: expect.stringMatching(/\/jobs\/5182$/),
        status: { state: 'processing', description: expect.any(String) },
        definition: {
          id: DEMO.taskDefinitionId,
          displayName: 'Release at printer',
          createdBy: { appId: DEMO.gatewayAppId, displayName: 'Print Release Gateway' },
        },
      },
    ]);
  });

  it('expands documents on a job', async () => {
    const reply = await graph<GraphPrintJob>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}?$expand=documents,tasks`,
    );
    expect(reply.body.documents).toHaveLength(1);
    expect(reply.body.documents?.[0]?.displayName).toBe('Q3 budget review.pdf');
    expect(reply.body.tasks).toHaveLength(1);
  });

  it('answers 400 for an $expand of an unknown property', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}?$expand=tasks($expand=trigger)`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain("'trigger'");
  });

  it('shows direct-printer jobs processing or completed with no tasks', async () => {
    const reply = await graph<Collection<GraphPrintJob>>(
      env.emulator.url,
      'GET',
      `/print/printers/${DEMO.printers.direct}/jobs?$expand=tasks`,
    );
    expect(reply.body.value.map((job) => [job.status.state, job.tasks])).toEqual([
      ['processing', []],
      ['completed', []],
    ]);
  });

  it('answers 404 for a job id that exists on a different printer', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      `${floor1}/jobs/${DEMO.jobs.floor2WaitingMegan}`,
    );
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
  });
});

describe('routing', () => {
  it('matches literal path segments case-insensitively like Graph', async () => {
    const reply = await graph(
      env.emulator.url,
      'GET',
      `/Print/TaskDefinitions/${DEMO.taskDefinitionId}`,
    );
    expect(reply.status).toBe(200);
  });

  it('answers 404 UnknownError for an unknown route', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', '/print/connectors');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('UnknownError');
  });

  it('answers 405 with an Allow header for a known path with the wrong method', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'DELETE', `${floor1}/jobs/5182`);
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
    expect(reply.headers.get('content-type')).toBe('application/json');
  });

  it('answers 404 in Graph error shape outside /v1.0', async () => {
    const response = await fetch(`${env.emulator.url}/beta/print/printers`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as GraphErrorBody).error.code).toBe('UnknownError');
  });
});
