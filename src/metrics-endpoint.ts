/**
 * GET /metrics: the upstream counters in Prometheus' text format, for scraping. Behind the same
 * caller authentication as GraphQL.
 */
import type { Plugin } from 'graphql-yoga';
import type { UpstreamMetrics } from './graph/metrics.js';

export function useMetricsEndpoint(metrics: UpstreamMetrics): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      endResponse(
        new fetchAPI.Response(prometheusText(metrics), {
          headers: { 'content-type': 'text/plain; version=0.0.4' },
        }),
      );
    },
  };
}

function prometheusText(metrics: UpstreamMetrics): string {
  const counts = metrics.snapshot();
  const counter = (name: string, help: string, value: number) =>
    `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`;
  const sizes = counts.envelopeSizes
    .map((count, size) => ({ count, size }))
    .filter(({ size }) => size > 0)
    .map(({ count, size }) => `graph_batch_envelopes_by_size_total{size="${size}"} ${count}`)
    .join('\n');
  return [
    counter(
      'graph_http_requests_total',
      'HTTP requests sent to Microsoft Graph.',
      counts.httpRequests,
    ),
    counter(
      'graph_direct_calls_total',
      'Calls sent on their own, not in $batch.',
      counts.directCalls,
    ),
    counter('graph_batch_envelopes_total', '$batch envelopes sent.', counts.envelopes),
    counter(
      'graph_batch_items_total',
      'Requests carried inside $batch envelopes.',
      counts.batchItems,
    ),
    counter('graph_retries_total', 'Calls sent again after a retryable answer.', counts.retries),
    counter(
      'graph_throttle_waits_total',
      'Times calls waited for a throttle window.',
      counts.throttleWaits,
    ),
    counter(
      'graph_throttle_wait_seconds_total',
      'Time spent waiting for throttle windows.',
      counts.throttleWaitMs / 1000,
    ),
    `# HELP graph_batch_envelopes_by_size_total $batch envelopes by number of items.\n# TYPE graph_batch_envelopes_by_size_total counter\n${sizes}\n`,
  ].join('');
}
