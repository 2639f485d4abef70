/**
 * `@defer` and `@stream` are limited exactly as the same document without them: depth, cost and
 * aliases refuse both forms alike, before any Graph call. The directives are in the executable
 * schema and nowhere in the SDL a router or a registry reads. An unexpected failure inside a
 * deferred fragment is masked as anywhere else, in development mode too.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LIMIT_CODES,
  MAX_ALIASES,
  MAX_DIRECTIVES,
} from '../../packages/gateway/src/edge/limits.js';
import { SCHEMA_FILES } from '../../packages/gateway/src/schema/sdl.js';
import { FakeGraphHttp, type FakeHandler } from '../helpers/fake-graph-http.js';
import {
  readMultipartMixed,
  withoutIncrementalDirectives,
} from '../helpers/incremental-delivery.js';
import { createTestGateway } from '../helpers/test-gateway.js';

interface Answer {
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  data?: unknown;
}

async function post(
  query: string,
  accept = 'application/json',
  handler: FakeHandler = () => ({ status: 200, body: { value: [] } }),
) {
  const http = new FakeGraphHttp(handler);
  const gateway = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
  const response = await gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return { http, response };
}

/** The deferred document and its plain form are answered alike: refused, the same way. */
async function expectBothRefused(deferred: string, code: string) {
  expect(withoutIncrementalDirectives(deferred)).not.toBe(deferred);
  const answers = await Promise.all(
    [deferred, withoutIncrementalDirectives(deferred)].map(async (query) => {
      const { http, response } = await post(query, 'multipart/mixed, application/json');
      return { status: response.status, body: (await response.json()) as Answer, sent: http.sent };
    }),
  );
  for (const answer of answers) {
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(answer.sent).toHaveLength(0);
  }
  // Same message: the same depth, cost or count was found in both.
  expect(answers[0]?.body.errors?.[0]?.message).toBe(answers[1]?.body.errors?.[0]?.message);
}

const JOB_FIELDS = 'id printerId status { state details } createdBy { id displayName }';

describe('a deferred document is limited as if nothing were deferred', () => {
  it('depth: a deferred fragment is a level, as the same fragment without @defer', async () => {
    await expectBothRefused(
      `{ printTaskDefinitions { tasks { ... on PrintTaskConnection @defer { edges { node {
        printJob { tasks { printJob { tasks { printJob { tasks { id } } } } } } } } } } } }`,
      LIMIT_CODES.depth,
    );
  });

  it('cost: deferred fields cost what they cost undeferred', async () => {
    const page = (alias: string) => `${alias}: printer(id: "p") { ... on Printer { jobs(first: 50) {
      ... on PrintJobConnection { edges { node { ... @defer { ${JOB_FIELDS}
        document { displayName size } configuration { copies colorMode } } } } } } } }`;
    await expectBothRefused(`{ ${['a', 'b', 'c'].map(page).join(' ')} }`, LIMIT_CODES.cost);
  });

  it('aliases: aliases inside a deferred fragment count', async () => {
    const aliases = Array.from(
      { length: MAX_ALIASES + 1 },
      (_, n) => `a${n}: printTaskDefinitions { id }`,
    ).join(' ');
    await expectBothRefused(`{ ... @defer { ${aliases} } }`, LIMIT_CODES.aliases);
  });

  it(`directives: each @defer is one of the ${MAX_DIRECTIVES}`, async () => {
    const fragments = Array.from(
      { length: MAX_DIRECTIVES + 1 },
      (_, n) => `... @defer { a${n}: __typename }`,
    ).join(' ');
    const { http, response } = await post(`{ ${fragments} }`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe(
      LIMIT_CODES.directives,
    );
    expect(http.sent).toHaveLength(0);
  });
});

describe('the directives', () => {
  it('are in the executable schema', async () => {
    const { response } = await post('{ __schema { directives { name } } }');
    const names = (
      (await response.json()) as { data: { __schema: { directives: { name: string }[] } } }
    ).data.__schema.directives.map((directive) => directive.name);
    expect(names).toEqual(expect.arrayContaining(['defer', 'stream']));
  });

  it('are not in the SDL a router reads, nor in the committed SDL files', async () => {
    const { response } = await post('{ _service { sdl } }');
    const { sdl } = ((await response.json()) as { data: { _service: { sdl: string } } }).data
      ._service;
    const texts = [sdl, ...SCHEMA_FILES.map(({ file }) => readFileSync(file, 'utf8'))];
    for (const text of texts) expect(text).not.toMatch(/@defer|@stream|directive @(defer|stream)/);
  });
});

describe('an unexpected failure inside a deferred fragment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is masked as anywhere else, with no stack, in development mode too', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    // Graph answers a list with a bare string: the resolver throws a TypeError.
    const { response } = await post(
      '{ __typename ... @defer { printTaskDefinitions { id } } }',
      'multipart/mixed',
      () => ({ status: 200, body: 'not a Graph collection' }),
    );
    const payloads = await readMultipartMixed(response);

    expect(payloads.at(-1)).toMatchObject({
      hasNext: false,
      incremental: [
        {
          errors: [
            {
              message: 'Unexpected error.',
              path: ['printTaskDefinitions'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(payloads)).not.toMatch(
      /originalError|stack|TypeError|node_modules|\.ts:\d+|\.js:\d+/,
    );
  });
});
