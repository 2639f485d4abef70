/**
 * Trusted documents over real HTTP: the release app's generated documents carry only their
 * hash, the gateway runs the manifest's document for it, and with "only" people may send
 * nothing else while service keys and app tokens may. Refusals never reach Graph.
 */

import { DEMO, EMULATOR_TOKENS, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MyWaitingJobsDocument,
  ReleaseDocument,
} from '../../clients/release-app/__generated__/graphql.js';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import {
  loadTrustedDocuments,
  TRUSTED_DOCUMENT_CODES,
} from '../../packages/gateway/src/edge/trusted-documents.js';
import { appToken, listen, personToken } from '../helpers/entra.js';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const MANIFEST_PATH = 'clients/release-app/__generated__/persisted-documents.json';
const STATION_KEY = 'station-key-0123456789abcdef';
const PRINTER_QUERY = `{ printer(id: "${DEMO.printers.floor1}") { ... on Printer { displayName } } }`;

const env = useEmulator();
let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  killGatewayProcesses();
  await server?.close();
  server = undefined;
});

async function startGateway(only: boolean): Promise<string> {
  const { app } = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    app: {
      authentication: {
        serviceKeys: parseServiceKeys(`station:Print.Release.All:${STATION_KEY}`),
        entra: createEntraTokenValidator(emulatedEntraSettings(env.emulator.url)),
        allowAnonymous: false,
      },
      trustedDocuments: { manifest: loadTrustedDocuments(MANIFEST_PATH), only },
    },
  });
  server = await listen(app);
  return `${server.url}/graphql`;
}

const hashOf = (document: object): string =>
  (document as unknown as { __meta__: { hash: string } }).__meta__.hash;

async function post(
  url: string,
  credential: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const errorCode = (answer: { body: Record<string, unknown> }) =>
  (answer.body['errors'] as Array<{ extensions?: { code?: string } }> | undefined)?.[0]?.extensions
    ?.code;

/** Ids by the two accepted shapes. */
const asApq = (id: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } },
});
const asDocumentId = (id: string) => ({ documentId: id });

describe('hash-only requests', () => {
  beforeEach(() => {
    env.emulator.requests.clear();
  });

  it.each([
    ['extensions.persistedQuery', asApq],
    ['documentId', asDocumentId],
  ])('run the trusted document a %s names', async (_shape, shape) => {
    const url = await startGateway(true);
    const adele = await personToken(env.emulator.url, 'adele');
    const answer = await post(url, adele, {
      ...shape(hashOf(MyWaitingJobsDocument)),
      variables: { first: 10 },
    });
    expect(answer.status).toBe(200);
    const ids = (
      answer.body as {
        data: { myPrintJobs: { edges: Array<{ node: { id: string } }> } };
      }
    ).data.myPrintJobs.edges.map((edge) => edge.node.id);
    expect(ids.sort()).toEqual([DEMO.jobs.floor1WaitingAdele, DEMO.jobs.floor2WaitingAdele]);
  });

  it('release: a mutation by hash changes the job in Graph', async () => {
    const url = await startGateway(true);
    const adele = await personToken(env.emulator.url, 'adele');
    const answer = await post(url, adele, {
      ...asDocumentId(hashOf(ReleaseDocument)),
      variables: {
        input: {
          taskDefinitionId: DEMO.taskDefinitionId,
          taskId: DEMO.tasks.floor1WaitingAdele,
          status: { state: 'COMPLETED', description: 'Released at the device' },
        },
      },
    });
    expect(answer.body).toMatchObject({
      data: {
        updatePrintTask: {
          __typename: 'UpdatePrintTaskSuccess',
          printTask: { status: { state: 'COMPLETED' } },
        },
      },
    });
    const patches = env.emulator.requests.entries().filter((entry) => entry.method === 'PATCH');
    expect(patches.map((entry) => entry.path)).toEqual([
      `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
    ]);
  });

  it.each([
    ['an unknown hash (APQ)', asApq(`sha256:${'0'.repeat(64)}`), TRUSTED_DOCUMENT_CODES.unknown],
    [
      'an unknown documentId',
      asDocumentId(`sha256:${'a'.repeat(64)}`),
      TRUSTED_DOCUMENT_CODES.unknown,
    ],
    ['a short hash', asApq('sha256:abc'), TRUSTED_DOCUMENT_CODES.malformed],
    [
      'an upper-case hash',
      asApq(hashOf(ReleaseDocument).toUpperCase()),
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    [
      'a hash that is a number',
      { extensions: { persistedQuery: { version: 1, sha256Hash: 7 } } },
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    [
      'APQ version 2',
      { extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } } },
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    [
      'a documentId without sha256:',
      asDocumentId('0'.repeat(64)),
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    [
      'a documentId that is an object',
      { documentId: { sha256: '0'.repeat(64) } },
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    [
      'path traversal as an id',
      asDocumentId('sha256:../../etc/passwd'),
      TRUSTED_DOCUMENT_CODES.malformed,
    ],
    ['neither a query nor an id', { variables: {} }, TRUSTED_DOCUMENT_CODES.missing],
  ])(
    'refuse %s with a 400 and a stable code, sending nothing to Graph',
    async (_what, body, code) => {
      for (const only of [true, false]) {
        const url = await startGateway(only);
        const answer = await post(url, STATION_KEY, body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(errorCode(answer)).toBe(code);
        expect(answer.body['data']).toBeUndefined();
        await server?.close();
      }
      expect(env.emulator.requests.entries()).toEqual([]);
    },
  );
});

describe('hash-only requests, other forms', () => {
  it('looks up each operation of a batched request on its own', async () => {
    const url = await startGateway(true);
    const adele = await personToken(env.emulator.url, 'adele');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adele}` },
      body: JSON.stringify([
        asDocumentId(hashOf(MyWaitingJobsDocument)),
        asDocumentId(`sha256:${'b'.repeat(64)}`),
      ]),
    });
    const [known, unknown] = (await response.json()) as Array<Record<string, unknown>>;
    expect(known).toHaveProperty('data.myPrintJobs.edges');
    expect(errorCode({ body: unknown ?? {} })).toBe(TRUSTED_DOCUMENT_CODES.unknown);
  });

  it('keeps the status when the client accepts application/graphql-response+json', async () => {
    const url = await startGateway(true);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${STATION_KEY}`,
      },
      body: JSON.stringify(asDocumentId(`sha256:${'c'.repeat(64)}`)),
    });
    expect(response.status).toBe(400);
    expect(errorCode({ body: (await response.json()) as Record<string, unknown> })).toBe(
      TRUSTED_DOCUMENT_CODES.unknown,
    );
  });
});

describe('GATEWAY_TRUSTED_DOCUMENTS_ONLY', () => {
  it('refuses a document a person sends, 403 TRUSTED_DOCUMENT_REQUIRED, nothing sent to Graph', async () => {
    const url = await startGateway(true);
    env.emulator.requests.clear();
    const adele = await personToken(env.emulator.url, 'adele');
    const answer = await post(url, adele, { query: PRINTER_QUERY });
    expect(answer.status).toBe(403);
    expect(errorCode(answer)).toBe(TRUSTED_DOCUMENT_CODES.required);
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it('refuses a person who sends a document and a known hash together: the hash alone is the way', async () => {
    const url = await startGateway(true);
    const adele = await personToken(env.emulator.url, 'adele');
    const answer = await post(url, adele, {
      query: PRINTER_QUERY,
      ...asApq(hashOf(MyWaitingJobsDocument)),
    });
    expect(answer.status).toBe(403);
  });

  it.each([
    ['a service key', async () => STATION_KEY],
    ['an app token', () => appToken(env.emulator.url, 'releaseStation')],
  ])('still runs any document %s sends', async (_who, credential) => {
    const url = await startGateway(true);
    const answer = await post(url, await credential(), { query: PRINTER_QUERY });
    expect(answer.body).toEqual({
      data: { printer: { displayName: 'Secure Release - Floor 1' } },
    });
  });

  it('off: a person may send any document, and hashes still work', async () => {
    const url = await startGateway(false);
    const adele = await personToken(env.emulator.url, 'adele');
    expect((await post(url, adele, { query: PRINTER_QUERY })).body).toEqual({
      data: { printer: { displayName: 'Secure Release - Floor 1' } },
    });
    const byHash = await post(url, adele, asApq(hashOf(MyWaitingJobsDocument)));
    expect(byHash.body).toHaveProperty('data.myPrintJobs.edges');
  });
});

describe('configured by the environment', () => {
  it('serves the manifest GATEWAY_TRUSTED_DOCUMENTS names, and only it with _ONLY', async () => {
    const gateway = startGatewayProcess({
      GRAPH_BASE_URL: env.emulator.url,
      GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
      GATEWAY_ALLOW_ANONYMOUS: 'true',
      GATEWAY_TRUSTED_DOCUMENTS: MANIFEST_PATH,
      GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true',
    });
    const url = await gateway.listening;
    const anonymous = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await anonymous({ query: PRINTER_QUERY })).status).toBe(403);
    const byHash = await anonymous(asApq(hashOf(MyWaitingJobsDocument)));
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toHaveProperty('data.myPrintJobs');
    expect(gateway.lines.find((l) => l['message'] === 'Trusted documents loaded')).toMatchObject({
      documents: 6,
      only: true,
    });
  });

  it('does not start on a manifest whose hashes do not match its documents', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'upg-trusted-')), 'tampered.json');
    writeFileSync(path, JSON.stringify({ [`sha256:${'0'.repeat(64)}`]: PRINTER_QUERY }));
    const gateway = startGatewayProcess({
      GRAPH_BASE_URL: env.emulator.url,
      GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
      GATEWAY_ALLOW_ANONYMOUS: 'true',
      GATEWAY_TRUSTED_DOCUMENTS: path,
    });
    expect(await gateway.exited).toBe(1);
    const refusal = gateway.lines.find((l) => l['code'] === 'CONFIG_INVALID');
    expect(String(refusal?.['message'])).toMatch(/^GATEWAY_TRUSTED_DOCUMENTS: .*not the SHA-256/);
  });
});
