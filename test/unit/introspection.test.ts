/**
 * Introspection can be turned off (production's default, config.ts) without touching what a
 * router needs: `_service { sdl }` and `__typename` keep answering.
 */
import { describe, expect, it } from 'vitest';
import { createTestGateway } from '../helpers/test-gateway.js';

async function ask(introspection: boolean, query: string) {
  const { app } = createTestGateway({ baseUrl: 'http://127.0.0.1:9', app: { introspection } });
  const response = await app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: { __typename?: string; _service?: { sdl: string }; __schema?: unknown };
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    },
  };
}

describe('introspection', () => {
  it.each([
    '{ __schema { queryType { name } } }',
    '{ __type(name: "PrintJob") { fields { name } } }',
  ])('is refused when off: %s', async (query) => {
    const { status, body } = await ask(false, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('leaves _service { sdl } and __typename working when off', async () => {
    const { body } = await ask(false, '{ __typename _service { sdl } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.__typename).toBe('Query');
    expect(body.data?._service).toMatchObject({ sdl: expect.stringContaining('type PrintJob') });
  });

  it('answers when on', async () => {
    const { body } = await ask(true, '{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
