/**
 * The gateway's own Graph credential fails (an expired secret, Entra unreachable): a caller gets
 * a typed upstream error that says nothing was sent, not a masked internal error, and Graph is
 * never called. Entra's detail stays out of the answer.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { describe, expect, it } from 'vitest';
import type { App } from '../../packages/gateway/src/app.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const env = useEmulator();

const ENTRA_DETAIL = 'AADSTS7000215: Invalid client secret provided';

function gatewayWithFailingCredential(): App {
  return createTestGateway({
    baseUrl: env.emulator.url,
    credential: { getAccessToken: () => Promise.reject(new Error(ENTRA_DETAIL)) },
  }).app;
}

async function run(app: App, query: string) {
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
