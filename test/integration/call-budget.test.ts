/**
 * Each HTTP request has a budget of Graph calls, all its operations together: what exceeds it is
 * refused with CallBudgetExceededError before anything is sent. Counted where Graph sees them,
 * in the emulator's request log.
 */

import { DEMO, EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CALLS_PER_REQUEST } from '../../packages/graph-client/src/call-budget.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const env = useEmulator();

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ path?: (string | number)[]; extensions?: { code?: string } }>;
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

/** Posts one operation, or several as one batched GraphQL-over-HTTP request. */
async function post(maxCallsPerRequest: number, operation: Operation): Promise<GraphQLResponse>;
async function post(maxCallsPerRequest: number, batch: Operation[]): Promise<GraphQLResponse[]>;
async function post(maxCallsPerRequest: number, body: Operation | Operation[]) {
  const gateway = createTestGateway({
    baseUrl: env.emulator.url,
    token: EMULATOR_TOKENS.gatewayApp,
    service: { maxCallsPerRequest },
  });
  const response = await gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Graph calls the emulator answered: `$batch` items and direct requests, not envelopes. */
const graphCalls = () =>
  env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-envelope');

const BUDGET_ERROR = `... on CallBudgetExceededError {
  code maxCallsPerRequest requestedCalls remainingCalls
}`;

const readJob = (alias: string, printJobId: string) =>
  `${alias}: printJob(printerId: "${DEMO.printers.floor1}", id: "${printJobId}") {
    __typename ... on PrintJob { id } ${BUDGET_ERROR}
  }`;

const jobPath = (printJobId: string) =>
  `/print/printers/${DEMO.printers.floor1}/jobs/${printJobId}`;

const typenames = (data: Record<string, unknown> | null | undefined) =>
  Object.values(data ?? {}).map((value) => (value as { __typename: string }).__typename);

describe('a request budget of Graph calls', () => {
  it('refuses the reads beyond it with CallBudgetExceededError, sending nothing for them', async () => {
    const result = await post(3, {
      query: `{ ${['5182', '5183', '5184', '5185', '5186'].map((id, n) => readJob(`j${n}`, id)).join(' ')} }`,
    });

    expect(result.errors).toBeUndefined();
    expect(typenames(result.data)).toEqual([
      'PrintJob',
      'PrintJob',
      'PrintJob',
      'CallBudgetExceededError',
      'CallBudgetExceededError',
    ]);
    expect(result.data?.['j3']).toEqual({
      __typename: 'CallBudgetExceededError',
      code: 'CALL_BUDGET_EXCEEDED',
      maxCallsPerRequest: 3,
      requestedCalls: 1,
      remainingCalls: 0,
    });
    expect(graphCalls().map((call) => call.path)).toEqual(['5182', '5183', '5184'].map(jobPath));
  });

  it('does not charge twice for an identical GET the request already made', async () => {
    const result = await post(2, {
      query: `{ ${readJob('a', '5182')} ${readJob('again', '5182')} ${readJob('b', '5183')} }`,
    });

    expect(typenames(result.data)).toEqual(['PrintJob', 'PrintJob', 'PrintJob']);
    expect(graphCalls().map((call) => call.path)).toEqual(['5182', '5183'].map(jobPath));
  });

  it('is one budget for all the operations of a batched HTTP request', async () => {
    const results = await post(3, [
      { query: `{ ${readJob('a', '5182')} ${readJob('b', '5183')} }` },
      { query: `{ ${readJob('c', '5184')} ${readJob('d', '5185')} }` },
    ]);

    const outcomes = results.flatMap((result) => typenames(result.data));
    expect(outcomes.filter((name) => name === 'PrintJob')).toHaveLength(3);
    expect(outcomes.filter((name) => name === 'CallBudgetExceededError')).toHaveLength(1);
    expect(graphCalls()).toHaveLength(3);
  });

  it('refuses a bulk mutation whose whole list does not fit, sending none of its items', async () => {
    const abort = (alias: string, printJobIds: string[]) =>
      `${alias}: abortPrintJobs(inputs: [${printJobIds
        .map((id) => `{ printerId: "${DEMO.printers.floor1}", printJobId: "${id}" }`)
        .join(', ')}]) {
        __typename
        ... on AbortPrintJobsSuccess { results { __typename } }
        ${BUDGET_ERROR}
      }`;

    const result = await post(5, {
      query: `mutation { ${abort('first', ['a1', 'a2', 'a3'])} ${abort('second', ['b1', 'b2', 'b3'])} }`,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.['first']).toMatchObject({ __typename: 'AbortPrintJobsSuccess' });
    expect(result.data?.['second']).toEqual({
      __typename: 'CallBudgetExceededError',
      code: 'CALL_BUDGET_EXCEEDED',
      maxCallsPerRequest: 5,
      requestedCalls: 3,
      remainingCalls: 2,
    });
    expect(graphCalls().map((call) => call.path)).toEqual(
      ['a1', 'a2', 'a3'].map((id) => `${jobPath(id)}/abort`),
    );
  });

  it('refuses a single write beyond it in that field’s union, sending nothing for it', async () => {
    const abort = (alias: string, printJobId: string) =>
      `${alias}: abortPrintJob(input: { printerId: "${DEMO.printers.floor1}", printJobId: "${printJobId}" }) {
        __typename ${BUDGET_ERROR}
      }`;

    const result = await post(1, {
      query: `mutation { ${abort('first', DEMO.jobs.floor1WaitingAdele)} ${abort('second', DEMO.jobs.floor1WaitingMegan)} }`,
    });

    expect(result.data).toEqual({
      first: { __typename: 'AbortPrintJobSuccess' },
      second: {
        __typename: 'CallBudgetExceededError',
        code: 'CALL_BUDGET_EXCEEDED',
        maxCallsPerRequest: 1,
        requestedCalls: 1,
        remainingCalls: 0,
      },
    });
    expect(graphCalls().map((call) => call.path)).toEqual([
      `${jobPath(DEMO.jobs.floor1WaitingAdele)}/abort`,
    ]);
  });

  it('surfaces as a top-level error with its code on a field outside a result union', async () => {
    const result = await post(1, {
      query: `{ printJob(printerId: "${DEMO.printers.floor1}", id: "5182") {
        __typename ... on PrintJob { id printer { id } }
      } }`,
    });

    expect(result.data).toEqual({
      printJob: { __typename: 'PrintJob', id: '5182', printer: null },
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['printJob', 'printer'],
        extensions: { code: 'CALL_BUDGET_EXCEEDED' },
      }),
    ]);
    expect(graphCalls().map((call) => call.path)).toEqual([jobPath('5182')]);
  });
});

describe(`the default budget of ${DEFAULT_MAX_CALLS_PER_REQUEST}`, () => {
  const OPERATIONS = 10;
  const ALIASES = 10;
  const BULK_ITEMS = 100;

  it('holds 10 operations × 10 aliases × abortPrintJobs of 100 items to 500 Graph calls', async () => {
    const aliases = Array.from(
      { length: ALIASES },
      (_, n) => `a${n}: abortPrintJobs(inputs: $inputs) {
        __typename ... on AbortPrintJobsSuccess { results { __typename } } ${BUDGET_ERROR}
      }`,
    );
    const inputs = Array.from({ length: BULK_ITEMS }, (_, n) => ({
      printerId: DEMO.printers.floor1,
      printJobId: `gone-${n}`,
    }));
    const operation = {
      query: `mutation Abort($inputs: [AbortPrintJobInput!]!) { ${aliases.join(' ')} }`,
      variables: { inputs },
    };

    const results = await post(
      DEFAULT_MAX_CALLS_PER_REQUEST,
      Array.from({ length: OPERATIONS }, () => operation),
    );

    const outcomes = results.flatMap((result) => typenames(result.data));
    expect(outcomes).toHaveLength(OPERATIONS * ALIASES);
    expect(outcomes.filter((name) => name === 'AbortPrintJobsSuccess')).toHaveLength(5);
    expect(outcomes.filter((name) => name === 'CallBudgetExceededError')).toHaveLength(95);
    expect(graphCalls()).toHaveLength(DEFAULT_MAX_CALLS_PER_REQUEST);
  });

  it('holds 10 operations × _entities of 500 references to 500 Graph calls, one error per refused entity', async () => {
    const query = `query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { __typename }
    }`;
    const batch = Array.from({ length: OPERATIONS }, (_, op) => ({
      query,
      variables: {
        representations: Array.from({ length: 500 }, (_, n) => ({
          __typename: 'PrintJob',
          printerId: DEMO.printers.floor1,
          id: `op${op}-${n}`,
        })),
      },
    }));

    const results = await post(DEFAULT_MAX_CALLS_PER_REQUEST, batch);

    const codes = results.flatMap((result) =>
      (result.errors ?? []).map((error) => error.extensions?.code),
    );
    // The references are unknown jobs: each one Graph was asked about is NOT_FOUND.
    expect(codes.filter((code) => code === 'NOT_FOUND')).toHaveLength(500);
    expect(codes.filter((code) => code === 'CALL_BUDGET_EXCEEDED')).toHaveLength(4_500);
    expect(graphCalls()).toHaveLength(DEFAULT_MAX_CALLS_PER_REQUEST);
  });
});
