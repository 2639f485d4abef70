/**
 * `@defer` and `@stream` end to end: the real gateway on a loopback port, a client that reads
 * incremental delivery over `multipart/mixed` (and SSE), Graph on the emulator over sockets.
 * The release-screen queries arrive in parts, merge into what the plain query answers, and
 * stay under the same request deadline, budget of Graph calls, error masking and trusted
 * documents as any query.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../packages/gateway/src/edge/trusted-documents.js';
import { listen } from '../helpers/entra.js';
import {
  mergePayloads,
  type Payload,
  readEventStream,
  readMultipartMixed,
  withoutIncrementalDirectives,
} from '../helpers/incremental-delivery.js';
import {
  CALLERS_OVER_HTTP,
  createTestGateway,
  emulatorGraph,
  PEOPLE,
  type TestGatewayOptions,
  useTestGateway,
} from '../helpers/test-gateway.js';

const TRUSTED_RELEASE_SCREEN = `query TrustedReleaseScreen($printerId: ID!) {
  printer(id: $printerId) { ... on Printer { displayName ... @defer { jobs(first: 5) {
    ... on PrintJobConnection { edges { node { id } } } } } } } }`;

const env = useTestGateway(CALLERS_OVER_HTTP);
const { floor1 } = DEMO.printers;
const PRINTER_PATH = '^/print/printers/[^/]+$';
const JOBS_PATH = '^/print/printers/[^/]+/jobs$';

const ERROR = '... on Error { __typename code message }';
const JOB = 'id status { state } createdBy { id }';

/**
 * The release screen's reads, each as a deferred document and the plain one it must equal: the
 * plain one is the same text with every `@defer` and `@stream` taken out.
 */
const RELEASE_SCREENS = {
  'printer { jobs }: the printer first, its jobs later': `query($printerId: ID!) {
    printer(id: $printerId) { ${ERROR} ... on Printer { id displayName
      ... @defer(label: "jobs") { jobs(first: 20) { ${ERROR}
        ... on PrintJobConnection { edges { node { ${JOB} document { displayName size } } } } } } } } }`,
  "myPrintJobs: the jobs first, each job's printer later": `{
    myPrintJobs(first: 20) { ${ERROR} ... on WaitingPrintJobConnection { edges { node {
      ${JOB} ... @defer { printer { id displayName } } } } } } }`,
  "a job's details and document later": `query($printerId: ID!) {
    printJob(printerId: $printerId, id: "${DEMO.jobs.floor1WaitingAdele}") { ${ERROR}
      ... on PrintJob @defer(label: "details") { ${JOB} document { displayName contentType size }
        configuration { copies colorMode duplexMode } tasks { id status { state } } } } }`,
  'User.waitingPrintJobs later': `{
    _entities(representations: [{ __typename: "User", id: "${PEOPLE.adele}" }]) {
      ... on User { id ... @defer { waitingPrintJobs(first: 20) { ${ERROR}
        ... on UserWaitingPrintJobConnection { edges { node { ${JOB} } } } } } } } }`,
  '@stream: a page of jobs one edge at a time': `query($printerId: ID!) {
    printer(id: $printerId) { ... on Printer { jobs(first: 20) { ${ERROR}
      ... on PrintJobConnection { edges @stream(initialCount: 1) { node { ${JOB} } } } } } } }`,
} as const;

interface Post {
  query?: string;
  documentId?: string;
  variables?: Record<string, unknown>;
}

/** Posts to `url` as adele (a person with Print.Release), accepting `accept`. */
async function post(url: string, body: Post, accept: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      authorization: `Bearer ${await env.token('adele')}`,
    },
    body: JSON.stringify({ variables: { printerId: floor1 }, ...body }),
  });
}

const MULTIPART = 'multipart/mixed';
const JSON_ONLY = 'application/graphql-response+json';

async function incremental(body: Post, url = env.url): Promise<Payload[]> {
  const response = await post(url, body, MULTIPART);
  expect(response.status).toBe(200);
  return readMultipartMixed(response);
}

async function plain(body: Post, url = env.url): Promise<Payload> {
  return (await post(url, body, JSON_ONLY)).json() as Promise<Payload>;
}

/** Universal Print requests the emulator answered, `$batch` items and direct ones (not envelopes). */
const graphCalls = () =>
  env.emulator.requests
    .entries()
    .filter((entry) => entry.via !== 'batch-envelope' && entry.path.startsWith('/print/')).length;

/** A gateway of its own, with other settings, on a loopback port of its own. */
async function withGateway<T>(
  options: Pick<TestGatewayOptions, 'service' | 'app'>,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const gateway = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    callers: { entraUrl: env.emulator.url },
    ...options,
  });
  const server = await listen(gateway.app);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

describe('@defer and @stream over multipart/mixed', () => {
  it.each(Object.entries(RELEASE_SCREENS))(
    '%s: the first payload says more follows, the last hasNext false, and together they are the plain answer',
    async (_name, query) => {
      const payloads = await incremental({ query });
      const expected = await plain({ query: withoutIncrementalDirectives(query) });

      expect(expected.errors).toBeUndefined();
      expect(payloads.length).toBeGreaterThan(1);
      expect(payloads[0]).toMatchObject({ hasNext: true });
      expect(payloads[0]?.incremental).toBeUndefined();
      expect(payloads.slice(1).every((payload) => payload.incremental)).toBe(true);
      expect(payloads.at(-1)?.hasNext).toBe(false);
      expect(mergePayloads(payloads)).toEqual({ data: expected.data, errors: [] });
    },
  );

  it('sends the printer before Graph has answered the deferred jobs read', async () => {
    // The jobs read never answers: whatever arrives before the request's deadline ends it
    // cannot have waited for it.
    env.emulator.faults.add({ path: JOBS_PATH, hang: true });
    const query = RELEASE_SCREENS['printer { jobs }: the printer first, its jobs later'];

    const payloads = await withGateway({ service: { deadlineMs: 1_500 } }, (url) =>
      incremental({ query }, url),
    );

    expect(payloads[0]).toEqual({
      data: { printer: { id: floor1, displayName: 'Secure Release - Floor 1' } },
      hasNext: true,
    });
    expect(payloads.at(-1)).toMatchObject({
      hasNext: false,
      incremental: [
        { path: ['printer'], label: 'jobs', data: { jobs: { code: 'UPSTREAM_TIMEOUT' } } },
      ],
    });
  });
});

describe('@defer and @stream over SSE', () => {
  it('sends the same payloads as next events, then complete', async () => {
    const query = RELEASE_SCREENS['printer { jobs }: the printer first, its jobs later'];
    const response = await post(env.url, { query }, 'text/event-stream');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const payloads = await readEventStream(response);
    const expected = await plain({ query: withoutIncrementalDirectives(query) });

    expect(payloads.map((payload) => payload.hasNext)).toEqual([true, false]);
    expect(mergePayloads(payloads)).toEqual({ data: expected.data, errors: [] });
  });
});

describe('a deferred fragment is limited as any query', () => {
  const readJob = (alias: string, id: string) =>
    `${alias}: printJob(printerId: "${floor1}", id: "${id}") {
      __typename ... on CallBudgetExceededError { remainingCalls } }`;
  const [a, b, c, d, e] = ['5182', '5183', '5184', '5185', '5186'];

  it('spends the same budget of Graph calls as the plain query, over every payload', async () => {
    const deferred = `{ ${readJob('j0', `${a}`)} ${readJob('j1', `${b}`)}
      ... @defer { ${readJob('j2', `${c}`)} ${readJob('j3', `${d}`)} ${readJob('j4', `${e}`)} } }`;

    const payloads = await withGateway({ service: { maxCallsPerRequest: 3 } }, (url) =>
      incremental({ query: deferred }, url),
    );
    const deferredCalls = graphCalls();
    env.emulator.requests.clear();
    const expected = await withGateway({ service: { maxCallsPerRequest: 3 } }, (url) =>
      plain({ query: withoutIncrementalDirectives(deferred) }, url),
    );

    expect(payloads).toHaveLength(2);
    expect(mergePayloads(payloads).data).toEqual(expected.data);
    const typenames = Object.values(expected.data ?? {}).map(
      (job) => (job as { __typename: string }).__typename,
    );
    // The first three were read (adele sees her own job, and NotFoundError for the others').
    expect(typenames.slice(3)).toEqual(['CallBudgetExceededError', 'CallBudgetExceededError']);
    expect(deferredCalls).toBe(3);
    expect(graphCalls()).toBe(3);
  });

  it('runs the deferred part under the deadline the request started with', async () => {
    // Each read alone fits in the deadline; the jobs read, deferred after the printer's, does
    // not fit in what the request has left: a deadline of its own would have let it through.
    env.emulator.faults.add({ path: PRINTER_PATH, latencyMs: 1_000 });
    env.emulator.faults.add({ path: JOBS_PATH, latencyMs: 1_000 });
    const query = RELEASE_SCREENS['printer { jobs }: the printer first, its jobs later'];

    const payloads = await withGateway({ service: { deadlineMs: 1_500 } }, (url) =>
      incremental({ query }, url),
    );

    expect(payloads[0]?.data?.['printer']).toMatchObject({ displayName: expect.any(String) });
    expect(payloads.at(-1)).toMatchObject({
      hasNext: false,
      incremental: [
        { data: { jobs: { __typename: 'UpstreamUnavailableError', code: 'UPSTREAM_TIMEOUT' } } },
      ],
    });
    // The emulator logs the abandoned read when its latency is over: not in the next test.
    await vi.waitFor(() => expect(graphCalls()).toBe(2), { timeout: 5_000 });
  });

  it('carries a Graph failure inside a deferred fragment as the same typed error', async () => {
    env.emulator.faults.add({ path: PRINTER_PATH, status: 403, code: 'accessDenied' });
    const query = `{ printJob(printerId: "${floor1}", id: "${DEMO.jobs.floor1WaitingAdele}") {
      ... on PrintJob { id ... @defer { printer { displayName } } } } }`;

    const payloads = await incremental({ query });
    const expected = await plain({ query: withoutIncrementalDirectives(query) });

    const comparable = (error: { message: string; path?: unknown; extensions?: object }) => ({
      message: error.message,
      path: error.path,
      extensions: { ...error.extensions, requestId: expect.any(String) },
    });
    expect(expected.errors?.[0]?.extensions?.['code']).toBe('PERMISSION_DENIED');
    expect(mergePayloads(payloads).errors.map(comparable)).toEqual(
      (expected.errors ?? []).map(comparable),
    );
    expect(JSON.stringify(payloads)).not.toMatch(/stack|originalError/);
  });
});

describe('@stream initialCount', () => {
  const STREAMED = `query($printerId: ID!, $count: Int!) { printer(id: $printerId) {
    ... on Printer { jobs { ... on PrintJobConnection { edges @stream(initialCount: $count) {
      node { id } } } } } } }`;

  it.each([
    [
      'negative, as a literal',
      STREAMED.replace(', $count: Int!', '').replace('initialCount: $count', 'initialCount: -1'),
      {},
    ],
    ['above 50, as a variable', STREAMED, { count: 51 }],
    ['far above, as a variable', STREAMED, { count: 2_147_483_647 }],
  ])('%s: refused with HTTP 400 before any Graph call', async (_name, query, variables) => {
    for (const accept of [MULTIPART, JSON_ONLY]) {
      const response = await post(
        env.url,
        { query, variables: { printerId: floor1, ...variables } },
        accept,
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('"code":"STREAM_INITIAL_COUNT_OUT_OF_RANGE"');
    }
    expect(graphCalls()).toBe(0);
  });

  it('takes 0 to 50', async () => {
    for (const count of [0, 50]) {
      const payloads = await incremental({
        query: STREAMED,
        variables: { printerId: floor1, count },
      });
      // 50 holds the whole page: one payload, nothing to stream.
      expect(payloads.at(-1)?.hasNext ?? false).toBe(false);
      expect(mergePayloads(payloads).errors).toEqual([]);
    }
  });
});

describe('where the parts cannot be delivered', () => {
  const DEFERRED_DEFINITIONS = '{ __typename ... @defer { printTaskDefinitions { id } } }';
  /** Whether the deferred read reached Graph, asked after a later read has come back. */
  async function deferredReadSent(): Promise<boolean> {
    await plain({ query: `{ printer(id: "${floor1}") { __typename } }` });
    return env.emulator.requests
      .entries()
      .some((entry) => entry.path.startsWith('/print/taskDefinitions'));
  }

  it('refuses a client that accepts only JSON with 406, before the deferred read goes out', async () => {
    const response = await post(env.url, { query: DEFERRED_DEFINITIONS }, JSON_ONLY);

    expect(response.status).toBe(406);
    expect(await response.text()).toContain('"code":"INCREMENTAL_DELIVERY_NOT_ACCEPTED"');
    expect(await deferredReadSent()).toBe(false);
  });

  it("refuses a deferred operation inside a batch, and runs the batch's others", async () => {
    const response = await fetch(`${env.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: JSON_ONLY,
        authorization: `Bearer ${await env.token('adele')}`,
      },
      body: JSON.stringify([{ query: DEFERRED_DEFINITIONS }, { query: '{ __typename }' }]),
    });
    const [deferred, other] = (await response.json()) as Payload[];

    expect(deferred?.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'INCREMENTAL_DELIVERY_IN_BATCH',
    ]);
    expect(other).toEqual({ data: { __typename: 'Query' } });
    expect(await deferredReadSent()).toBe(false);
  });

  it('answers @defer(if: false) whole, to a client that accepts only JSON', async () => {
    const answer = await plain({
      query: DEFERRED_DEFINITIONS.replace('@defer', '@defer(if: false)'),
    });
    expect(answer).toEqual({
      data: { __typename: 'Query', printTaskDefinitions: expect.any(Array) },
    });
  });
});

describe('trusted documents only', () => {
  const trustedOnly = {
    app: {
      trustedDocuments: {
        manifest: new Map([[`sha256:${sha256(TRUSTED_RELEASE_SCREEN)}`, TRUSTED_RELEASE_SCREEN]]),
        only: true,
      },
    },
  };

  it('runs a trusted deferred document by its id, in parts', async () => {
    const payloads = await withGateway(trustedOnly, (url) =>
      incremental({ documentId: `sha256:${sha256(TRUSTED_RELEASE_SCREEN)}` }, url),
    );
    expect(payloads.length).toBe(2);
    expect(payloads.at(-1)?.hasNext).toBe(false);
  });

  it('refuses the same deferred document sent as text, before any Graph call', async () => {
    const answer = await withGateway(trustedOnly, async (url) => {
      const response = await post(url, { query: TRUSTED_RELEASE_SCREEN }, MULTIPART);
      return { status: response.status, text: await response.text() };
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('"code":"TRUSTED_DOCUMENT_REQUIRED"');
    expect(graphCalls()).toBe(0);
  });
});
