/** Upstream request counts, as the emulator saw them over real sockets. */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { ReleaseScreenDocument } from '../__generated__/graphql.js';
import { useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway();

async function query(source: string) {
  const response = await env.gateway.app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source }),
  });
  return (await response.json()) as {
    data?: Record<string, { __typename: string }>;
    errors?: unknown;
  };
}

describe('batching over the wire', () => {
  it('sends 25 job lookups of one operation as exactly 2 $batch calls', async () => {
    const ids = Array.from(
      { length: 25 },
      () => env.emulator.submitJob({ printerId: DEMO.printers.floor1 }).id,
    );
    env.emulator.requests.clear();

    const result = await query(
      `{ ${ids.map((id, n) => `j${n}: printJob(printerId: "${DEMO.printers.floor1}", id: "${id}") { __typename }`).join(' ')} }`,
    );

    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).map((job) => job.__typename)).toEqual(
      ids.map(() => 'PrintJob'),
    );
    expect(env.upstream()).toEqual({ envelopes: 2, items: 25, direct: 0 });
  });

  it('reads each printer of a release screen once, however many jobs share it', async () => {
    const result = await env.gateway.execute(ReleaseScreenDocument);

    expect(result.errors).toBeUndefined();
    const printerReads = env.emulator.requests
      .entries()
      .filter((entry) => /^\/print\/printers\/[^/]+$/.test(entry.path));
    const printers = new Set(printerReads.map((entry) => entry.path));
    expect(printerReads).toHaveLength(printers.size);
    const envelopeSizes = env.emulator.requests
      .entries()
      .filter((entry) => entry.via === 'batch-envelope')
      .map((entry) => (entry.body as { requests: unknown[] }).requests.length);
    expect(Math.max(...envelopeSizes)).toBeLessThanOrEqual(20);
  });
});
