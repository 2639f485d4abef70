/**
 * The exact requests the gateway makes of Microsoft Graph, seen at the SDK's last middleware
 * link: method, path, body, bearer token and `$batch` envelopes.
 */
import { describe, expect, it } from 'vitest';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  PrintJobsDocument,
  PrintTaskDocument,
  UpdatePrintTaskDocument,
} from '../__generated__/graphql.js';
import { FakeGraphHttp, type SentRequest } from '../helpers/fake-graph-http.js';
import { createTestGateway, TEST_TOKEN } from '../helpers/test-gateway.js';

const BASE_URL = 'https://graph.example.test';
const PARENT_URL = 'https://graph.microsoft.com/v1.0/print/printers/p-1/jobs/5182';

function task(id: string, state = 'processing') {
  return { id, parentUrl: PARENT_URL, status: { state, description: 'waiting' } };
}

function job(id: string) {
  return {
    id,
    createdDateTime: '2026-11-21T09:00:00Z',
    status: { state: 'paused', details: ['releaseWait'], isAcquiredByPrinter: false },
    tasks: [{ ...task('t-1'), definition: { id: 'def-1' } }],
  };
}

/** Answers single calls and `$batch` envelopes item by item. */
function answer(request: Pick<SentRequest, 'method' | 'path'>): { status: number; body?: unknown } {
  if (request.method === 'PATCH') return { status: 200, body: task('t-1', 'completed') };
  if (request.path.endsWith('/abort')) return { status: 204 };
  const jobMatch = request.path.match(/\/jobs\/([^/?]+)/);
  if (jobMatch?.[1]) return { status: 200, body: job(jobMatch[1]) };
  return { status: 200, body: task('t-1') };
}

function fakeGraph() {
  return new FakeGraphHttp((request) => {
    if (request.path !== '/$batch') return answer(request);
    const { requests } = request.body as {
      requests: Array<{ id: string; method: string; url: string }>;
    };
    return {
      status: 200,
      body: {
        responses: requests.map((item) => {
          const reply = answer({ method: item.method, path: item.url });
          return {
            id: item.id,
            status: reply.status,
            headers: { 'Content-Type': 'application/json' },
            body: reply.body,
          };
        }),
      },
    };
  });
}

describe('requests sent to Microsoft Graph', () => {
  it('sends PATCH …/tasks/{id} with the status body and the bearer token', async () => {
    const http = fakeGraph();
    const gateway = createTestGateway({ baseUrl: BASE_URL, httpHandler: http });

    const result = await gateway.execute(UpdatePrintTaskDocument, {
      input: {
        taskDefinitionId: 'def-1',
        taskId: 't-1',
        status: { state: 'COMPLETED', description: 'Released at the device' },
      },
    });

    expect(result.errors).toBeUndefined();
    const [patch] = http.sent;
    expect(patch).toMatchObject({
      method: 'PATCH',
      url: `${BASE_URL}/v1.0/print/taskDefinitions/def-1/tasks/t-1`,
      body: { status: { state: 'completed', description: 'Released at the device' } },
    });
    expect(patch?.headers['authorization']).toBe(`Bearer ${TEST_TOKEN}`);
    expect(patch?.headers['content-type']).toContain('application/json');
  });

  it('sends POST …/abort with the reason, then reads the job back', async () => {
    const http = fakeGraph();
    const gateway = createTestGateway({ baseUrl: BASE_URL, httpHandler: http });

    const result = await gateway.execute(AbortPrintJobDocument, {
      input: { printerId: 'p-1', printJobId: '5182', reason: 'User declined' },
    });

    expect(result.data?.abortPrintJob.__typename).toBe('AbortPrintJobSuccess');
    expect(http.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /print/printers/p-1/jobs/5182/abort',
      'GET /print/printers/p-1/jobs/5182?$expand=tasks($expand=definition),documents',
    ]);
    expect(http.sent[0]?.body).toEqual({ reason: 'User declined' });
  });

  it('sends a lone read directly, not in a $batch envelope', async () => {
    const http = fakeGraph();
    const gateway = createTestGateway({ baseUrl: BASE_URL, httpHandler: http });

    await gateway.execute(PrintTaskDocument, { taskDefinitionId: 'def-1', id: 't-1' });

    // The task, then (a tick later, alone again) its definition.
    expect(http.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /print/taskDefinitions/def-1/tasks/t-1',
      'GET /print/taskDefinitions/def-1',
    ]);
  });

  it('coalesces reads of the same tick into one $batch envelope with relative URLs', async () => {
    const http = fakeGraph();
    const gateway = createTestGateway({ baseUrl: BASE_URL, httpHandler: http });

    const result = await gateway.execute(PrintJobsDocument, { printerId: 'p-1', a: '1', b: '2' });

    expect(result.data).toEqual({
      a: { __typename: 'PrintJob', id: '1' },
      b: { __typename: 'PrintJob', id: '2' },
    });
    expect(http.sent).toHaveLength(1);
    expect(http.sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}/v1.0/$batch`,
      body: {
        requests: [
          {
            id: '1',
            method: 'GET',
            url: '/print/printers/p-1/jobs/1?$expand=tasks($expand=definition),documents',
          },
          {
            id: '2',
            method: 'GET',
            url: '/print/printers/p-1/jobs/2?$expand=tasks($expand=definition),documents',
          },
        ],
      },
    });
  });

  it('encodes ids where they enter a URL', async () => {
    const http = fakeGraph();
    const gateway = createTestGateway({ baseUrl: BASE_URL, httpHandler: http });

    await gateway.execute(PrintJobDocument, { printerId: 'p:1@x', id: '5182' });

    expect(http.sent[0]?.url).toBe(
      `${BASE_URL}/v1.0/print/printers/p%3A1%40x/jobs/5182?$expand=tasks($expand=definition),documents`,
    );
  });
});
