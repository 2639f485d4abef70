/**
 * Issue 10's acceptance in one test: a gateway process with an OTLP receiver and a metrics
 * scrape configured releases one job, and that release shows up as a trace (with its Graph
 * call), as metrics (the operation and the PATCH to Graph), and as log lines (access and audit)
 * carrying the trace's id, so one support ticket can be followed through all three.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';
import { startOtlpReceiver } from '../helpers/otlp-receiver.js';
import { parseSamples, sumOf } from '../helpers/prometheus-text.js';

afterEach(killGatewayProcesses);

const API_KEY = 'release-station-key-0123';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const TASK_ROUTE = '/print/taskDefinitions/{id}/tasks/{id}';

const RELEASE = `
  mutation ReleaseAtDevice($input: UpdatePrintTaskInput!) {
    updatePrintTask(input: $input) {
      __typename
      ... on UpdatePrintTaskSuccess { printTask { id status { state } } }
      ... on Error { code message }
    }
  }
`;

describe('one released job, followed through traces, metrics and logs', { timeout: 60_000 }, () => {
  it('shares one trace id and shows the Graph call everywhere', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const gateway = startGatewayProcess({
        EMULATOR_PORT: '0',
        GATEWAY_GRAPH_SUBSCRIPTIONS: 'false',
        GATEWAY_RECONCILE_INTERVAL_MS: '0',
        GATEWAY_API_KEYS: `release-station:Print.Release.All:${API_KEY}`,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      });
      const url = await gateway.listening;
      const metricsUrl = await gateway.metrics;

      const answer = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${API_KEY}`,
          traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`,
          'x-request-id': 'ticket-4711',
        },
        body: JSON.stringify({
          query: RELEASE,
          variables: {
            input: {
              taskDefinitionId: DEMO.taskDefinitionId,
              taskId: DEMO.tasks.floor1WaitingAdele,
              status: { state: 'COMPLETED' },
            },
          },
        }),
      });
      const body = (await answer.json()) as { data: { updatePrintTask: { __typename: string } } };
      expect(body.data.updatePrintTask.__typename).toBe('UpdatePrintTaskSuccess');

      // Metrics: scraped while the process runs.
      const samples = parseSamples(await (await fetch(metricsUrl)).text());
      expect(
        sumOf(samples, 'graphql_operation_duration_seconds_count', {
          operation: 'ReleaseAtDevice',
          result: 'UpdatePrintTaskSuccess',
        }),
      ).toBe(1);
      expect(
        sumOf(samples, 'graph_calls_total', { method: 'PATCH', route: TASK_ROUTE, status: '200' }),
      ).toBe(1);

      // Traces: flushed at shutdown.
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      const patch = receiver.spans.find(
        (span) =>
          span.attributes['http.request.method'] === 'PATCH' &&
          span.attributes['graph.route'] === TASK_ROUTE,
      );
      expect(patch, JSON.stringify(receiver.spans.map((span) => span.name))).toBeDefined();
      expect(patch?.traceId).toBe(TRACE_ID);
      expect(patch?.attributes['http.response.status_code']).toBe(200);
      expect(patch?.attributes['graph.client_request_id']).toEqual(expect.any(String));

      // Logs: the access line and the audit line of this request carry the same ids.
      const ofRequest = gateway.lines.filter((line) => line['requestId'] === 'ticket-4711');
      const access = ofRequest.find((line) => line['status'] === 200 && 'durationMs' in line);
      const audit = ofRequest.find((line) => line['audit'] === true);
      expect(access).toMatchObject({ traceId: TRACE_ID, outcome: 'ok' });
      expect(audit).toMatchObject({ traceId: TRACE_ID, operation: 'updatePrintTask' });
    } finally {
      await receiver.close();
    }
  });
});
