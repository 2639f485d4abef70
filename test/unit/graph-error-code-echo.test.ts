/**
 * Graph's error `code` is upstream text that reaches client-visible messages: only a plain
 * identifier is shown, anything else is replaced (packages/graph-client/src/errors.ts).
 */
import { describe, expect, it } from 'vitest';
import { UNRECOGNIZED_GRAPH_CODE } from '../../packages/graph-client/src/errors.js';
import { PrinterDocument } from '../__generated__/graphql.js';
import { FakeGraphHttp, graphError } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const HOSTILE_CODES = [
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl',
  '/var/lib/graph/secrets/app.pem',
  '<script>alert(1)</script>',
  'a'.repeat(65),
];

async function printerMessage(status: number, code: string) {
  const http = new FakeGraphHttp(() => graphError(status, code));
  const gateway = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });
  const result = await gateway.execute(PrinterDocument, { id: 'p1' });
  expect(http.sent).toHaveLength(1);
  return JSON.stringify(result);
}

describe("Graph's error code in what clients see", () => {
  it.each([400, 403, 409])('shows a plain identifier answered with %i', async (status) => {
    expect(await printerMessage(status, 'accessDenied_2')).toContain('(accessDenied_2)');
  });

  it.each(
    [400, 403, 409].flatMap((status) => HOSTILE_CODES.map((code) => [status, code] as const)),
  )('replaces a code that is not a plain identifier (%i, %s)', async (status, code) => {
    const seen = await printerMessage(status, code);
    expect(seen).not.toContain(code);
    expect(seen).toContain(`(${UNRECOGNIZED_GRAPH_CODE})`);
  });
});
