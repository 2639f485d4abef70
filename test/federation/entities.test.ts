/**
 * `_service` and `_entities` straight at the subgraph, as a router calls them, with the emulator
 * as Graph over real sockets.
 */
import { readFileSync } from 'node:fs';
import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { MAX_REPRESENTATIONS } from '../../packages/gateway/src/schema/federation/entities-field.js';
import { useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

interface EntitiesResult {
  data?: { _entities: Array<Record<string, unknown> | null> } | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: { code?: string } }>;
}

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on PrintJob { id printerId status { state } }
      ... on Printer { id displayName }
      ... on PrintTask { id taskDefinitionId taskStatus: status { state } }
      ... on PrintTaskDefinition { id displayName }
    }
  }
`;

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await env.gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as EntitiesResult };
}

const entities = async (representations: unknown[]) =>
  (await post(ENTITIES, { representations })).body;

const job = (id: string, printerId: string = DEMO.printers.floor1) => ({
  __typename: 'PrintJob',
  printerId,
  id,
});

/** Which `_entities` indexes failed, with which code. */
const errorCodes = (result: EntitiesResult) =>
  Object.fromEntries(
    (result.errors ?? []).map((error) => [error.path?.[1], error.extensions?.code ?? 'none']),
  );

describe('_service', () => {
  it('serves exactly the SDL committed in schema.graphql', async () => {
    const { body } = await post('{ _service { sdl } }');
    const sdl = (body.data as unknown as { _service: { sdl: string } })._service.sdl;
    expect(`${sdl}\n`).toBe(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  });
});

describe('_entities', () => {
  it('resolves each of the four entity types from its key', async () => {
    const result = await entities([
      job(DEMO.jobs.floor1WaitingAdele),
      { __typename: 'Printer', id: DEMO.printers.floor2 },
      {
        __typename: 'PrintTask',
        taskDefinitionId: DEMO.taskDefinitionId,
        id: DEMO.tasks.floor1WaitingMegan,
      },
      { __typename: 'PrintTaskDefinition', id: DEMO.taskDefinitionId },
    ]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        __typename: 'PrintJob',
        id: '5182',
        printerId: DEMO.printers.floor1,
        status: { state: 'PAUSED' },
      },
      { __typename: 'Printer', id: DEMO.printers.floor2, displayName: 'Secure Release - Floor 2' },
      {
        __typename: 'PrintTask',
        id: DEMO.tasks.floor1WaitingMegan,
        taskDefinitionId: DEMO.taskDefinitionId,
        taskStatus: { state: 'PROCESSING' },
      },
      {
        __typename: 'PrintTaskDefinition',
        id: DEMO.taskDefinitionId,
        displayName: expect.any(String),
      },
    ]);
  });

  it('sends 50 PrintJob references to Graph as 3 $batch calls', async () => {
    const ids = Array.from(
      { length: 50 },
      () => env.emulator.submitJob({ printerId: DEMO.printers.floor2 }).id,
    );
    env.emulator.requests.clear();

    const result = await entities(ids.map((id) => job(id, DEMO.printers.floor2)));

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((entity) => entity?.['id'])).toEqual(ids);
    expect(env.upstream()).toEqual({ envelopes: 3, items: 50, direct: 0 });
  });

  it('returns null and NOT_FOUND for a job Graph does not know, and resolves the others', async () => {
    const result = await entities([
      job(DEMO.jobs.floor1WaitingAdele),
      job('9999'),
      job(DEMO.jobs.floor1WaitingMegan),
    ]);

    expect(result.data?._entities.map((entity) => entity?.['id'] ?? null)).toEqual([
      '5182',
      null,
      '5183',
    ]);
    expect(errorCodes(result)).toEqual({ 1: 'NOT_FOUND' });
  });

  it('answers every malformed representation with its own INVALID_INPUT, without calling Graph for it', async () => {
    const malformed = [
      job('../5183'),
      job('5183/abort'),
      job('5183?$expand=x'),
      job('%2e%2e'),
      job('..'),
      job(''),
      job('x'.repeat(129)),
      job('5183', `${DEMO.printers.floor1}#`),
      { __typename: 'PrintJob', id: '5183' },
      { __typename: 'PrintJob', printerId: DEMO.printers.floor1, id: 5183 },
      { __typename: 'PrintJob', printerId: DEMO.printers.floor1, id: { $ne: null } },
      { __typename: 'Printer', id: ['a'] },
      { __typename: 'PrintTask', id: DEMO.tasks.floor1WaitingAdele },
      { __typename: 'PrintJobStatus', state: 'paused' },
      { __typename: 'Query' },
      { __typename: 'Error', code: 'X' },
      { __typename: '__proto__' },
      { printerId: DEMO.printers.floor1, id: '5183' },
      'PrintJob:5183',
      42,
      [job('5183')],
    ];
    env.emulator.requests.clear();

    const result = await entities([job(DEMO.jobs.floor1WaitingAdele), ...malformed]);

    expect(result.data?._entities[0]).toMatchObject({ __typename: 'PrintJob', id: '5182' });
    expect(result.data?._entities.slice(1)).toEqual(malformed.map(() => null));
    expect(errorCodes(result)).toEqual(
      Object.fromEntries(malformed.map((_, index) => [index + 1, 'INVALID_INPUT'])),
    );
    expect(env.emulator.requests.entries().map((entry) => entry.path)).toEqual([
      `/print/printers/${DEMO.printers.floor1}/jobs/5182`,
    ]);

    const after = await entities([job(DEMO.jobs.floor1WaitingMegan)]);
    expect(after.data?._entities).toEqual([expect.objectContaining({ id: '5183' })]);
  });

  it(`refuses more than ${MAX_REPRESENTATIONS} representations in one request without calling Graph`, async () => {
    env.emulator.requests.clear();

    const result = await entities(
      Array.from({ length: MAX_REPRESENTATIONS + 1 }, () => job(DEMO.jobs.floor1WaitingAdele)),
    );

    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['INVALID_INPUT']);
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});
