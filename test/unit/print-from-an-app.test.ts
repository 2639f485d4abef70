/**
 * Printing from an app through the schema (issue 22, item 2), against a fake Graph at the SDK's
 * last middleware link: what is sent, in which order, and that every refusal sends no write.
 * The person's Graph token is a fixed one here (the on-behalf-of exchange is the Graph client's,
 * tested there and in test/integration/printing.test.ts); what matters is which calls the schema
 * makes and refuses.
 */
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../packages/gateway/src/audit/audit-log.js';
import type { Caller } from '../../packages/gateway/src/auth/caller.js';
import { createContextFactory } from '../../packages/gateway/src/context.js';
import { ShareMemory } from '../../packages/gateway/src/domain/printing/share-memory.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { schema } from '../../packages/gateway/src/schema/index.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { DEFAULT_GRAPH_SERVICE_OPTIONS } from '../../packages/graph-client/src/service.js';
import { FakeGraphHttp, type FakeHandler, type SentRequest } from '../helpers/fake-graph-http.js';
import { memoryLogger } from '../helpers/memory-logger.js';

const ADELE: Caller = {
  kind: 'person',
  tenantId: 'tenant',
  objectId: '11111111-1111-4111-8111-111111111111',
  clientAppId: 'web-app',
  permissions: ['Print.Submit'],
};
const STATION: Caller = {
  kind: 'app',
  tenantId: 'tenant',
  appId: 'station',
  objectId: 'station-sp',
  permissions: ['Print.Release.All'],
};

const SHARE = {
  id: 'share-1',
  displayName: 'Follow me',
  isAcceptingJobs: true,
  location: { building: 'HQ', floor: '2' },
  capabilities: {
    contentTypes: ['application/pdf', 'application/oxps'],
    copiesPerJob: { start: 1, end: 10 },
    duplexModes: ['oneSided', 'flipOnLongEdge'],
    colorModes: ['color', 'grayscale'],
    mediaSizes: ['A4'],
  },
  defaults: { contentType: 'application/pdf', copiesPerJob: 1, colorMode: 'color' },
  printer: { id: 'printer-1' },
};

/** Graph's side of printing: a share, its jobs, their upload sessions and starts. */
const graphAnswers =
  (start: () => { status: number; body?: unknown } = () => ({ status: 200 })): FakeHandler =>
  (request) => {
    if (request.method === 'GET' && request.path.startsWith('/print/shares/share-1')) {
      return { status: 200, body: SHARE };
    }
    if (request.method === 'GET' && request.path.startsWith('/print/shares')) {
      const { printer: _printer, ...listed } = SHARE;
      return { status: 200, body: { value: [listed] } };
    }
    if (request.method === 'POST' && request.path === '/print/shares/share-1/jobs') {
      return {
        status: 201,
        headers: { 'request-id': 'create-1' },
        body: {
          id: 'job-1',
          createdBy: { id: ADELE.objectId },
          status: { state: 'paused', details: ['uploadPending'] },
          documents: [{ id: 'doc-1' }],
        },
      };
    }
    if (request.path.endsWith('/createUploadSession')) {
      return {
        status: 200,
        body: {
          uploadUrl: 'https://upload.example.test/_upload/s1?tempauth=secret',
          expirationDateTime: '2026-12-07T22:00:00Z',
          nextExpectedRanges: ['0-'],
        },
      };
    }
    if (request.path.endsWith('/start')) return start();
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'no' } } };
  };

function gateway(caller: Caller, handler: FakeHandler = graphAnswers()) {
  const http = new FakeGraphHttp(handler);
  const service = new ObservedGraphService(
    createObservedGraphTransport({
      baseUrl: 'https://graph.example.test',
      auth: staticToken('app-token'),
      timeoutMs: 5_000,
      httpHandler: http,
    }),
    DEFAULT_GRAPH_SERVICE_OPTIONS,
    silentLogger,
    { tokenFor: async () => 'person-graph-token' },
  );
  const { logger, lines } = memoryLogger();
  const contextOf = createContextFactory({
    service,
    callerOf: () => caller,
    audit: createAuditLog(logger),
    personAssertionOf: () => (caller.kind === 'person' ? 'adele-api-token' : null),
    shares: new ShareMemory(),
  });
  const run = async (source: string, variableValues: Record<string, unknown> = {}) => {
    const result = await graphql({
      schema,
      source,
      variableValues,
      contextValue: contextOf({ request: new Request('http://gateway.test/graphql') }),
    });
    expect(result.errors).toBeUndefined();
    // As a client reads it: scalars serialized (a DateTime is a string on the wire).
    return JSON.parse(JSON.stringify(result.data)) as Record<string, Record<string, unknown>>;
  };
  return { run, sent: http.sent, audit: () => lines.filter((line) => line['audit']) };
}

const CREATE = /* GraphQL */ `
  mutation Create($input: CreatePrintJobInput!) {
    createPrintJob(input: $input) {
      __typename
      ... on Error { code message }
      ... on InvalidInputError { issues { path message } }
      ... on CreatePrintJobSuccess {
        printJob { id printerId }
        upload {
          uploadUrl expiresAt nextExpectedRanges
          maxBytesPerRequest recommendedChunkBytes maxParallelRequests
        }
      }
    }
  }
`;

const PDF_INPUT = {
  printerShareId: 'share-1',
  displayName: 'Quarterly report',
  document: { name: 'report.pdf', contentType: 'application/pdf', size: 52_428_800 },
};

const writes = (sent: SentRequest[]) => sent.filter((request) => request.method !== 'GET');
const routes = (sent: SentRequest[]) => sent.map((request) => `${request.method} ${request.path}`);

describe('createPrintJob', () => {
  it('creates the job with its document, opens the upload session, and answers both', async () => {
    const { run, sent, audit } = gateway(ADELE);
    const data = await run(CREATE, { input: PDF_INPUT });
    expect(data['createPrintJob']).toEqual({
      __typename: 'CreatePrintJobSuccess',
      printJob: { id: 'job-1', printerId: 'printer-1' },
      upload: {
        uploadUrl: 'https://upload.example.test/_upload/s1?tempauth=secret',
        expiresAt: '2026-12-07T22:00:00.000Z',
        nextExpectedRanges: ['0-'],
        maxBytesPerRequest: 10_485_759,
        recommendedChunkBytes: 9_830_400,
        maxParallelRequests: 4,
      },
    });
    expect(routes(sent)).toEqual([
      'GET /print/shares/share-1?$expand=printer($select=id)',
      'POST /print/shares/share-1/jobs',
      'POST /print/shares/share-1/jobs/job-1/documents/doc-1/createUploadSession',
    ]);
    expect(sent[1]?.body).toEqual({
      displayName: 'Quarterly report',
      documents: [{ displayName: 'report.pdf', contentType: 'application/pdf', size: 52_428_800 }],
    });
    expect(sent[2]?.body).toEqual({
      properties: { documentName: 'report.pdf', contentType: 'application/pdf', size: 52_428_800 },
    });
    expect(audit()).toMatchObject([
      {
        operation: 'createPrintJob',
        target: { printerShareId: 'share-1', printerId: 'printer-1', printJobId: 'job-1' },
        outcome: 'CreatePrintJobSuccess',
        graphRequestId: 'create-1',
      },
    ]);
  });

  it('a content type or setting the share does not list: InvalidInputError, no write sent', async () => {
    const { run, sent, audit } = gateway(ADELE);
    const data = await run(CREATE, {
      input: {
        ...PDF_INPUT,
        document: { ...PDF_INPUT.document, contentType: 'image/png' },
        configuration: { copies: 11, duplexMode: 'FLIP_ON_SHORT_EDGE' },
      },
    });
    expect(data['createPrintJob']).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'INVALID_INPUT',
      issues: [
        {
          path: ['input', 'document', 'contentType'],
          message:
            'is not a content type this printer share accepts (allowed: application/pdf, ' +
            'application/oxps)',
        },
        {
          path: ['input', 'configuration', 'copies'],
          message: 'must be between 1 and 10 on this printer share',
        },
        {
          path: ['input', 'configuration', 'duplexMode'],
          message: 'is not one this printer share supports (allowed: oneSided, flipOnLongEdge)',
        },
      ],
    });
    expect(writes(sent)).toEqual([]);
    expect(audit()).toMatchObject([{ operation: 'createPrintJob', outcome: 'INVALID_INPUT' }]);
  });

  it('a document over 1 GiB is refused by the schema before anything is read', async () => {
    const { run, sent } = gateway(ADELE);
    const data = await run(CREATE, {
      input: { ...PDF_INPUT, document: { ...PDF_INPUT.document, size: 1024 ** 3 + 1 } },
    });
    expect(data['createPrintJob']).toMatchObject({ __typename: 'InvalidInputError' });
    expect(sent).toEqual([]);
  });

  it('the share is read once: a second job on it is checked from memory', async () => {
    const { run, sent } = gateway(ADELE);
    await run(CREATE, { input: PDF_INPUT });
    await run(CREATE, { input: PDF_INPUT });
    expect(sent.filter((request) => request.method === 'GET')).toHaveLength(1);
    expect(writes(sent)).toHaveLength(4);
  });

  it('with idempotencyKey, a retry answers the same job and session: one job created', async () => {
    const { run, sent } = gateway(ADELE);
    const input = { ...PDF_INPUT, idempotencyKey: 'print-7f3c9a10' };
    const first = await run(CREATE, { input });
    const again = await run(CREATE, { input });
    expect(again).toEqual(first);
    expect(writes(sent).filter((request) => request.path.endsWith('/jobs'))).toHaveLength(1);
  });

  it('an app (a release station) is refused as not a person: nothing sent', async () => {
    const { run, sent } = gateway(STATION);
    const data = await run(CREATE, { input: PDF_INPUT });
    expect(data['createPrintJob']).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: expect.stringContaining('needs a signed-in person'),
    });
    expect(sent).toEqual([]);
  });
});

const START = /* GraphQL */ `
  mutation Start($input: StartPrintJobInput!) {
    startPrintJob(input: $input) {
      __typename
      ... on Error { code }
      ... on UploadIncompleteError { nextExpectedRanges requestId }
      ... on StartPrintJobSuccess { status { state } }
    }
  }
`;

describe('startPrintJob', () => {
  it("an incomplete upload is UploadIncompleteError with Graph's ranges", async () => {
    const { run } = gateway(
      ADELE,
      graphAnswers(() => ({
        status: 400,
        headers: { 'request-id': 'start-1' },
        body: {
          error: {
            code: 'invalidRequest',
            message: 'upload incomplete',
            innerError: { nextExpectedRanges: ['1048576-52428799'] },
          },
        },
      })),
    );
    const data = await run(START, { input: { printerShareId: 'share-1', printJobId: 'job-1' } });
    expect(data['startPrintJob']).toEqual({
      __typename: 'UploadIncompleteError',
      code: 'UPLOAD_INCOMPLETE',
      nextExpectedRanges: ['1048576-52428799'],
      requestId: 'start-1',
    });
  });

  it("a complete upload: started, with Graph's status", async () => {
    const { run, sent } = gateway(
      ADELE,
      graphAnswers(() => ({ status: 200, body: { state: 'processing', details: [] } })),
    );
    const data = await run(START, { input: { printerShareId: 'share-1', printJobId: 'job-1' } });
    expect(data['startPrintJob']).toEqual({
      __typename: 'StartPrintJobSuccess',
      status: { state: 'processing' },
    });
    expect(routes(writes(sent))).toEqual(['POST /print/shares/share-1/jobs/job-1/start']);
  });
});

describe('printerShares', () => {
  it('lists the shares with what they can do, from the list alone', async () => {
    const { run, sent } = gateway(ADELE);
    const data = await run(/* GraphQL */ `
      {
        printerShares(first: 5) {
          __typename
          ... on PrinterShareConnection {
            edges { node { id displayName location { building } capabilities { contentTypes duplexModes } } }
          }
        }
      }
    `);
    expect(data['printerShares']).toMatchObject({
      edges: [
        {
          node: {
            id: 'share-1',
            displayName: 'Follow me',
            location: { building: 'HQ' },
            capabilities: {
              contentTypes: ['application/pdf', 'application/oxps'],
              duplexModes: ['ONE_SIDED', 'FLIP_ON_LONG_EDGE'],
            },
          },
        },
      ],
    });
    expect(routes(sent)).toEqual(['GET /print/shares']);
  });

  it('a search that is not one plain word is refused before anything is sent', async () => {
    const { run, sent } = gateway(ADELE);
    const data = await run(`{ printerShares(search: "a&$top=999") { __typename } }`);
    expect(data['printerShares']).toEqual({ __typename: 'InvalidInputError' });
    expect(sent).toEqual([]);
  });
});
