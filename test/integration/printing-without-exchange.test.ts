/**
 * A gateway with no on-behalf-of exchange (one given only GRAPH_ACCESS_TOKEN, which has no client
 * credential to exchange with): a person's printing is UpstreamUnavailableError, and nothing is
 * sent to Graph.
 */
import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  personScopes: ['Print.Release', 'Print.Submit'],
});

describe('printing on a gateway that cannot exchange a person token', () => {
  it('answers UpstreamUnavailableError ("cannot act for people") and sends nothing', async () => {
    const result = await env.execute<Record<string, unknown>, unknown>(
      'adele',
      `mutation ($input: CreatePrintJobInput!) { createPrintJob(input: $input) {
        __typename ... on Error { code message }
      } }`,
      {
        input: {
          printerShareId: DEMO.shares.followMe,
          displayName: 'Quarterly report',
          document: { name: 'report.pdf', contentType: 'application/pdf', size: 1_000 },
        },
      },
    );
    expect(result.data?.['createPrintJob']).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      message: expect.stringContaining('cannot act for people'),
    });
    expect(env.emulator.requests.entries()).toEqual([]);
    expect(env.emulator.entra.hits().onBehalfOf).toEqual({});
  });
});
