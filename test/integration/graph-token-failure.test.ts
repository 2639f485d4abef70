/**
 * The gateway's own Graph credential fails (an expired secret, Entra unreachable): a caller gets
 * a typed upstream error that says nothing was sent, not a masked internal error, and Graph is
 * never called. Entra's detail stays out of the answer.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../packages/gateway/src/app.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { DEFAULT_GRAPH_SERVICE_OPTIONS } from '../../packages/graph-client/src/service.js';

const env = useEmulator();

const ENTRA_DETAIL = 'AADSTS7000215: Invalid client secret provided';

function gatewayWithFailingCredential() {
  const transport = createObservedGraphTransport({
    baseUrl: env.emulator.url,
    auth: { getAccessToken: () => Promise.reject(new Error(ENTRA_DETAIL)) },
    timeoutMs: 5_000,
  });
  const graph = new ObservedGraphService(transport, DEFAULT_GRAPH_SERVICE_OPTIONS);
  return createApp({ graph, logger: silentLogger });
}

async function run(app: ReturnType<typeof createApp>, query: string) {
  const response = await app.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

describe('a Graph credential that fails', () => {
  it('answers reads and writes with a typed error, sends nothing, and hides Entra’s detail', async () => {
    const app = gatewayWithFailingCredential();
    const read = await run(
      app,
      `{ printJob(printerId: "${DEMO.printers.floor1}", id: "${DEMO.jobs.floor1WaitingAdele}") {
          __typename ... on UpstreamUnavailableError { code outcomeUnknown } } }`,
    );
    const write = await run(
      app,
      `mutation { abortPrintJob(input: { printerId: "${DEMO.printers.floor1}", printJobId: "${DEMO.jobs.floor1WaitingAdele}" }) {
          __typename ... on UpstreamUnavailableError { code outcomeUnknown } } }`,
    );
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text).data.printJob).toEqual({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_UNAVAILABLE',
      outcomeUnknown: false,
    });
    // Nothing was sent, so the write is known not to be applied.
    expect(JSON.parse(write.text).data.abortPrintJob).toEqual({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_UNAVAILABLE',
      outcomeUnknown: false,
    });
    expect(read.text + write.text).not.toContain('AADSTS');
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});
