/**
 * Operation names as a metric label cannot be squatted: the trusted documents' names and the
 * gateway's own (GraphiQL's `ReleaseScreen`) keep their series after any flood of invented
 * names, which share what room is left of METRICS_MAX_OPERATION_NAMES.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../packages/gateway/src/edge/trusted-documents.js';
import { OTHER } from '../../packages/gateway/src/metrics/bounded-label.js';
import { parseSamples } from '../helpers/prometheus-text.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const MAX_NAMES = 5;
/** A trusted document; `__typename` alone, so nothing is sent to Graph. */
const WAITING_JOBS = 'query WaitingJobs { __typename }';

function gateway() {
  const { app, metrics } = createTestGateway({
    // Nothing listens there: no operation here calls Graph.
    baseUrl: 'http://127.0.0.1:9',
    token: 't',
    timeoutMs: 1,
    maxOperationNames: MAX_NAMES,
    app: {
      trustedDocuments: {
        manifest: new Map([[`sha256:${sha256(WAITING_JOBS)}`, WAITING_JOBS]]),
        only: false,
      },
    },
  });
  const post = async (body: unknown) => {
    const response = await app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };
  const operations = async () => {
    const samples = parseSamples(await metrics.registry.metrics()).filter(
      (sample) => sample.name === 'graphql_operation_duration_seconds_count',
    );
    return new Map(samples.map((sample) => [sample.labels['operation'], sample.value]));
  };
  return { post, operations };
}

describe('operation name series', () => {
  it('keep the trusted and the gateway’s own names after a flood of invented ones', async () => {
    const { post, operations } = gateway();
    // 60 invented names, first: every one that fits takes its room.
    for (let start = 0; start < 60; start += 10) {
      await post(
        Array.from({ length: 10 }, (_, n) => ({ query: `query Junk${start + n} { __typename }` })),
      );
    }
    await post({ query: 'query ReleaseScreen { __typename }' });
    await post({ documentId: `sha256:${sha256(WAITING_JOBS)}` });

    const counts = await operations();
    expect(counts.get('ReleaseScreen')).toBe(1);
    expect(counts.get('WaitingJobs')).toBe(1);
    // Invented names share what the two trusted ones leave of the cap.
    const junk = [...counts.keys()].filter((name) => name?.startsWith('Junk'));
    expect(junk).toHaveLength(MAX_NAMES - 2);
    expect(counts.get(OTHER)).toBe(60 - (MAX_NAMES - 2));
  });
});
