/**
 * The delegated printing calls of the Graph client (packages/graph-client/src/resources/):
 * their requests as Graph documents them, and Graph's "upload incomplete" answer to start as
 * UploadIncompleteError carrying Graph's own ranges. Graph is faked at the SDK's middleware seam;
 * every call goes with the person's token.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import {
  cancelPrintJob,
  createShareJob,
  createUploadSession,
  listPrinterShares,
  NotFoundError,
  startShareJob,
  UploadIncompleteError,
} from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';
import { graphWithPeople } from '../helpers/graph-with-people.js';

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

function personSession(answer: (request: Sent) => { status: number; body?: unknown }) {
  const sent: Sent[] = [];
  const graph: Middleware = {
    execute: async (context: Context) => {
      const request = new Request(context.request, context.options);
      const text = await request.text();
      const seen = {
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization'),
        body: text ? JSON.parse(text) : undefined,
      };
      sent.push(seen);
      const { status, body } = answer(seen);
      context.response = new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', 'request-id': 'rid-1' },
      });
    },
  };
  const service = graphWithPeople(graph, {
    tokenFor: async (person) => `graph-token-of-${person.personId}`,
  });
  const person = service
    .session()
    .asPerson({ kind: 'person', personId: 'adele', assertion: 'incoming' });
  return { person, sent };
}

describe('printing as the person', () => {
  it('creates the job, opens the upload session and starts it, with the person token', async () => {
    const { person, sent } = personSession(({ url }) =>
      url.endsWith('/jobs')
        ? { status: 201, body: { id: 'j1', documents: [{ id: 'd1' }] } }
        : url.endsWith('/createUploadSession')
          ? {
              status: 200,
              body: {
                uploadUrl: 'https://upload.test/x',
                expirationDateTime: '2026-12-08T00:00:00Z',
                nextExpectedRanges: ['0-'],
              },
            }
          : { status: 200, body: { state: 'processing' } },
    );
    const { job } = await createShareJob(person, 'share 1', {
      displayName: 'Report',
      document: { displayName: 'report.pdf', contentType: 'application/pdf', size: 10 },
    });
    const session = await createUploadSession(
      person,
      { shareId: 'share 1', jobId: job.id, documentId: 'd1' },
      { documentName: 'report.pdf', contentType: 'application/pdf', size: 10 },
    );
    const started = await startShareJob(person, 'share 1', job.id);
    expect(session.nextExpectedRanges).toEqual(['0-']);
    expect(started.status).toEqual({ state: 'processing' });
    expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST https://graph.test/v1.0/print/shares/share%201/jobs',
      'POST https://graph.test/v1.0/print/shares/share%201/jobs/j1/documents/d1/createUploadSession',
      'POST https://graph.test/v1.0/print/shares/share%201/jobs/j1/start',
    ]);
    expect(sent[0]?.body).toEqual({
      displayName: 'Report',
      documents: [{ displayName: 'report.pdf', contentType: 'application/pdf', size: 10 }],
    });
    expect(sent[1]?.body).toEqual({
      properties: { documentName: 'report.pdf', contentType: 'application/pdf', size: 10 },
    });
    expect(new Set(sent.map((s) => s.authorization))).toEqual(
      new Set(['Bearer graph-token-of-adele']),
    );
  });

  it("answers an incomplete upload with UploadIncompleteError and Graph's ranges", async () => {
    const { person } = personSession(() => ({
      status: 400,
      body: {
        error: {
          code: 'invalidRequest',
          message: 'The document has not been uploaded completely.',
          innerError: {
            'request-id': 'rid-2',
            nextExpectedRanges: ['1048576-2097151', '4194304-'],
          },
        },
      },
    }));
    const refused = await startShareJob(person, 's', 'j').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UploadIncompleteError);
    expect((refused as UploadIncompleteError).code).toBe('UPLOAD_INCOMPLETE');
    expect((refused as UploadIncompleteError).nextExpectedRanges).toEqual([
      '1048576-2097151',
      '4194304-',
    ]);
  });

  it('maps any other refusal of start as every Graph call does', async () => {
    const { person } = personSession(() => ({
      status: 404,
      body: { error: { code: 'itemNotFound', message: 'no such job' } },
    }));
    await expect(startShareJob(person, 's', 'j')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists shares a page at a time, with Graph's skip token; cancels one's own job", async () => {
    const { person, sent } = personSession(({ url }) =>
      url.includes('/print/shares')
        ? {
            status: 200,
            body: {
              value: [{ id: 's1', displayName: 'Follow me' }],
              '@odata.nextLink': 'https://graph.test/v1.0/print/shares?$top=1&$skiptoken=abc',
            },
          }
        : { status: 204 },
    );
    const page = await listPrinterShares(person, { top: 1, search: 'Follow "me"' });
    expect(page).toEqual({ shares: [{ id: 's1', displayName: 'Follow me' }], skipToken: 'abc' });
    await cancelPrintJob(person, 'p1', 'j1');
    expect(sent.map(({ method, url }) => `${method} ${decodeURIComponent(url)}`)).toEqual([
      'GET https://graph.test/v1.0/print/shares?$top=1&$search="Follow me"',
      'POST https://graph.test/v1.0/print/printers/p1/jobs/j1/cancel',
    ]);
  });
});
