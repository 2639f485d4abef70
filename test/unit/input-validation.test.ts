/**
 * Malformed and hostile input: every case returns InvalidInputError with the issue's path, and
 * nothing at all is sent to Microsoft Graph.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../packages/gateway/src/errors.js';
import {
  AbortPrintJobDocument,
  PrintJobDocument,
  UpdatePrintTaskDocument,
} from '../__generated__/graphql.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const BAD_IDS: Array<[string, string]> = [
  ['empty', ''],
  ['a path separator', 'a/b'],
  ['a parent segment', '..'],
  ['a dot segment', '.'],
  ['a query', 'a?x=1'],
  ['a fragment', 'a#b'],
  ['a percent escape', '%2e%2e'],
  ['whitespace', 'a b'],
  ['a newline', 'a\nb'],
  ['a control character', 'a\u0000b'],
  ['an OData key expression', "jobs('1')"],
  ['too many characters', 'x'.repeat(129)],
];

function setup() {
  const http = new FakeGraphHttp(() => ({ status: 500 }));
  return {
    http,
    gateway: createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http }),
  };
}

const validTask = {
  taskDefinitionId: 'def-1',
  taskId: 't-1',
  status: { state: 'COMPLETED' as const },
};

describe('input validation', () => {
  it.each(BAD_IDS)('rejects a taskId with %s and calls nothing', async (_label, taskId) => {
    const { http, gateway } = setup();
    const result = await gateway.execute(UpdatePrintTaskDocument, {
      input: { ...validTask, taskId },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.updatePrintTask).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'INVALID_INPUT',
      requestId: null,
      issues: [{ path: ['input', 'taskId'] }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it.each(BAD_IDS)('rejects a printerId with %s in abortPrintJob', async (_label, printerId) => {
    const { http, gateway } = setup();
    const result = await gateway.execute(AbortPrintJobDocument, {
      input: { printerId, printJobId: '5182' },
    });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'printerId'] }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it.each(BAD_IDS)('rejects a job id with %s in the printJob query', async (_label, id) => {
    const { http, gateway } = setup();
    const result = await gateway.execute(PrintJobDocument, { printerId: 'p-1', id });

    expect(result.data?.printJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['id'] }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it.each(['PENDING', 'UNKNOWN_FUTURE_VALUE'] as const)(
    'rejects reporting a task as %s',
    async (state) => {
      const { http, gateway } = setup();
      const result = await gateway.execute(UpdatePrintTaskDocument, {
        input: { ...validTask, status: { state } },
      });

      expect(result.data?.updatePrintTask).toMatchObject({
        __typename: 'InvalidInputError',
        issues: [{ path: ['input', 'status', 'state'] }],
      });
      expect(http.sent).toHaveLength(0);
    },
  );

  it.each([
    ['a description over 1000 characters', { description: 'x'.repeat(1001) }, 'description'],
    ['a control character in the description', { description: 'a\u0007b' }, 'description'],
  ])('rejects %s', async (_label, extra, field) => {
    const { http, gateway } = setup();
    const result = await gateway.execute(UpdatePrintTaskDocument, {
      input: { ...validTask, status: { state: 'COMPLETED', ...extra } },
    });

    expect(result.data?.updatePrintTask).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'status', field] }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it('rejects an abort reason over 500 characters', async () => {
    const { http, gateway } = setup();
    const result = await gateway.execute(AbortPrintJobDocument, {
      input: { printerId: 'p-1', printJobId: '1', reason: 'x'.repeat(501) },
    });

    expect(result.data?.abortPrintJob).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [{ path: ['input', 'reason'] }],
    });
    expect(http.sent).toHaveLength(0);
  });

  it('names the field at fault in the message, not only in issues', async () => {
    const { http, gateway } = setup();
    const result = await gateway.execute(UpdatePrintTaskDocument, {
      input: { ...validTask, taskId: 'a/b' },
    });

    expect(result.data?.updatePrintTask).toMatchObject({
      __typename: 'InvalidInputError',
      message: expect.stringMatching(/^Invalid input at input\.taskId: \S/),
    });
    expect(http.sent).toHaveLength(0);
  });

  it('answers a document that is not GraphQL with a 400 and no Graph call', async () => {
    const { http, gateway } = setup();
    const response = await gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "mutation { updatePrintTask(',
    });

    expect(response.status).toBe(400);
    expect(http.sent).toHaveLength(0);
  });

  it('answers a wrongly typed variable with a 400 and no Graph call', async () => {
    const { http, gateway } = setup();
    const response = await gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { printer(id: $id) { __typename } }',
        variables: { id: { nested: true } },
      }),
    });

    expect(response.status).toBe(400);
    expect(http.sent).toHaveLength(0);
  });
});

describe('InvalidInputError.message', () => {
  it('writes list items as indexes and lists at most five paths', () => {
    const issues = Array.from({ length: 7 }, (_, index) => ({
      path: ['inputs', String(index), 'taskId'],
      message: 'must be an id',
    }));
    expect(new InvalidInputError(issues.slice(0, 1)).message).toBe(
      'Invalid input at inputs[0].taskId: must be an id',
    );
    expect(new InvalidInputError(issues).message).toBe(
      'Invalid input: 7 problems (at inputs[0].taskId, inputs[1].taskId, inputs[2].taskId, ' +
        'inputs[3].taskId, inputs[4].taskId and 2 more)',
    );
  });

  it('says only what is wrong when the input as a whole is', () => {
    expect(new InvalidInputError([{ path: [], message: 'at most 100 items' }]).message).toBe(
      'Invalid input: at most 100 items',
    );
  });
});
