/**
 * The Graph client createGraphClient() builds (pooled HTTP link, packages/graph-client/src/http/pooled-http-link.ts)
 * used the SDK's usual way, not only with the RAW answers the gateway asks for: the SDK parses
 * JSON, empty answers and errors from the answer the pooled link hands back.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { DEMO, EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { describe, expect, it } from 'vitest';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { createGraphClient } from '../../packages/graph-client/src/http/client.js';

const env = useEmulator();

const client = () =>
  createGraphClient({
    baseUrl: env.emulator.url,
    auth: staticToken(EMULATOR_TOKENS.gatewayApp),
    timeoutMs: 5_000,
  });

describe('a client from createGraphClient, used the SDK way', () => {
  it('reads JSON, writes, and gets a GraphError with the status for a 404', async () => {
    const graph = client();
    const printer = (await graph.api(`/print/printers/${DEMO.printers.floor1}`).get()) as {
      id: string;
    };
    expect(printer.id).toBe(DEMO.printers.floor1);

    const aborted = await graph
      .api(`/print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}/abort`)
      .post({});
    expect(aborted ?? null).toBeNull();

    const missing = graph.api('/print/printers/00000000-0000-0000-0000-000000000000').get();
    await expect(missing).rejects.toBeInstanceOf(GraphError);
    await expect(missing).rejects.toMatchObject({ statusCode: 404 });
  });
});
