/**
 * Hostile documents are refused before any resolver runs, so they cost Graph nothing, each with
 * its own stable code and HTTP status (src/edge/limits.ts), and never with a stack overflow.
 */
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  LIMIT_CODES,
  MAX_ALIASES,
  MAX_DEPTH,
  MAX_DIRECTIVES,
  MAX_NESTING,
  MAX_OPERATIONS_PER_REQUEST,
  MAX_TOKENS,
} from '../../packages/gateway/src/edge/limits.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

interface Answer {
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  data?: unknown;
}

async function postBody(body: string, accept = 'application/json') {
  const http = new FakeGraphHttp(() => ({ status: 200, body: { value: [] } }));
  const gateway = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
  const response = await gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body,
  });
  const text = await response.text();
  return { http, response, text, body: JSON.parse(text) as Answer };
}

const post = (query: string, variables?: unknown) => postBody(JSON.stringify({ query, variables }));

/** The refusal of one limit: that code only, 400, no Graph call, nothing but the limit's error. */
async function expectRefused(answer: Awaited<ReturnType<typeof post>>, code: string, status = 400) {
  expect(answer.response.status).toBe(status);
  expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  expect(answer.text).not.toMatch(/Validation aborted|Syntax Error|stack/i);
  expect(answer.http.sent).toHaveLength(0);
}

const nested = (open: string, close: string, levels: number, inner = '1') =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

describe('document limits', () => {
  it(`refuses a document nested deeper than ${MAX_DEPTH} levels`, async () => {
    // 12 levels: the connection's fragment, `edges` and `node` count three.
    const deep =
      '{ printTaskDefinitions { tasks { ... on PrintTaskConnection { edges { node { printJob { ' +
      'tasks { printJob { tasks { printJob { tasks { id } } } } } } } } } } } }';
    await expectRefused(await post(deep), LIMIT_CODES.depth);
  });

  it(`refuses a document with more than ${MAX_ALIASES} aliases`, async () => {
    const aliases = Array.from(
      { length: MAX_ALIASES + 1 },
      (_, n) => `a${n}: printTaskDefinitions { id }`,
    ).join(' ');
    await expectRefused(await post(`{ ${aliases} }`), LIMIT_CODES.aliases);
  });

  it(`refuses a document of more than ${MAX_TOKENS} tokens`, async () => {
    await expectRefused(await post(`{ ${'__typename '.repeat(MAX_TOKENS)} }`), LIMIT_CODES.tokens);
  });

  it(`refuses a document with more than ${MAX_DIRECTIVES} directives`, async () => {
    const fields = Array.from(
      { length: MAX_DIRECTIVES + 1 },
      (_, n) => `t${n}: __typename @include(if: true)`,
    ).join(' ');
    await expectRefused(await post(`{ ${fields} }`), LIMIT_CODES.directives);
  });

  it('refuses a document that is too costly, though within depth, aliases and tokens', async () => {
    // 100 aliases seven levels deep.
    const aliases = Array.from(
      { length: MAX_ALIASES },
      (_, n) =>
        `a${n}: printTaskDefinitions { tasks { ... on PrintTaskConnection { edges { node { ` +
        'printJob { id printerId status { state details description } ' +
        'tasks { id parentUrl status { state description } } } } } } } }',
    ).join(' ');
    await expectRefused(await post(`{ ${aliases} }`), LIMIT_CODES.cost);
  });

  it.each([
    ['a 2,000-level object literal', `printer(id: ${nested('{a:', '}', 2_000)})`],
    ['a 2,000-level list literal', `printer(id: ${nested('[', ']', 2_000)})`],
    ['brackets just past the limit', `printer(id: ${nested('[', ']', MAX_NESTING)})`],
  ])('refuses %s before parsing it', async (_label, field) => {
    await expectRefused(await post(`{ ${field} { __typename } }`), LIMIT_CODES.nesting);
  });

  it('refuses deeply nested variables', async () => {
    const json = nested('{"a":', '}', 5_000);
    const body = `{"query":"query($id: ID!) { printer(id: $id) { __typename } }","variables":{"id":${json}}}`;
    await expectRefused(await postBody(body), LIMIT_CODES.nesting);
  });

  it('refuses deeply nested lists in variables', async () => {
    const body = `{"query":"query($id: ID!) { printer(id: $id) { __typename } }","variables":{"id":${nested('[', ']', 5_000)}}}`;
    await expectRefused(await postBody(body), LIMIT_CODES.nesting);
  });

  it('does not count brackets inside strings and comments', async () => {
    const brackets = '{['.repeat(1_000);
    const { response, body } = await post(
      `{ # ${brackets}\n a: __typename @include(if: true) b: __typename @deprecated(reason: "${brackets}") }`,
    );
    // Parsed and validated: the directive is misplaced, which is a plain validation error.
    expect(response.status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets the full introspection query through', async () => {
    const { response, body } = await post(getIntrospectionQuery({ descriptions: true }));
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('answers a limit 400 under application/graphql-response+json too', async () => {
    const { response } = await postBody(
      JSON.stringify({
        query: `{ t: __typename ${'@include(if: true) '.repeat(MAX_DIRECTIVES + 1)}}`,
      }),
      'application/graphql-response+json',
    );
    expect(response.status).toBe(400);
  });

  it(`refuses more than ${MAX_OPERATIONS_PER_REQUEST} operations in one batched request`, async () => {
    const operations = Array.from({ length: MAX_OPERATIONS_PER_REQUEST + 1 }, () => ({
      query: '{ printTaskDefinitions { id } }',
    }));
    await expectRefused(await postBody(JSON.stringify(operations)), LIMIT_CODES.operations, 413);
  });

  it('refuses a request body over one megabyte', async () => {
    await expectRefused(
      await post(`{ printTaskDefinitions { id } } #${'x'.repeat(1_100_000)}`),
      LIMIT_CODES.bodySize,
      413,
    );
  });
});
