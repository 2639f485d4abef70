/**
 * What the gateway sends to Microsoft Graph and how Graph answers, as Prometheus metrics in a
 * registry of their own (one per `Upstream`, so that several gateways in one test process never
 * share a series). An observer of the graph client, attached at the composition root
 * (src/observed-graph.ts). `snapshot()` keeps plain totals for the tests and the benchmark,
 * which read them synchronously.
 */

import {
  type GraphCall,
  type GraphReply,
  GraphTransportError,
  routeTemplate,
  type UpstreamObserver,
} from '@universal-print-gateway/graph-client';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface UpstreamCounts {
  /** HTTP requests sent to Graph: direct calls plus `$batch` envelopes. */
  httpRequests: number;
  directCalls: number;
  envelopes: number;
  /** Requests carried inside envelopes. */
  batchItems: number;
  /** Calls sent again after a retryable answer (each resend counts once). */
  retries: number;
  /** Times a call waited for a throttle window to close. */
  throttleWaits: number;
  throttleWaitMs: number;
  /** Envelopes by number of items, index = size (0 unused). */
  envelopeSizes: number[];
}

/** Read at scrape time from the live upstream. */
export interface UpstreamGauges {
  inFlight(): number;
  throttleWindowMs(): number;
}

const SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Graph allows 20 requests per `$batch` envelope. */
const ENVELOPE_SIZE_BUCKETS = [2, 4, 8, 12, 16, 20];
/** `GRAPH_MAX_CALLS_PER_REQUEST` is 500 by default and at most 10,000. */
const CALLS_PER_REQUEST_BUCKETS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000];

const zero = (): UpstreamCounts => ({
  httpRequests: 0,
  directCalls: 0,
  envelopes: 0,
  batchItems: 0,
  retries: 0,
  throttleWaits: 0,
  throttleWaitMs: 0,
  envelopeSizes: Array.from({ length: 21 }, () => 0),
});

/** A status label: Graph's HTTP status, or why no answer came (`timeout`, `network`, …). */
function statusOf(outcome: GraphReply | GraphTransportError): string {
  return outcome instanceof GraphTransportError ? outcome.kind : String(outcome.status);
}

export class UpstreamMetrics implements UpstreamObserver {
  readonly registry = new Registry();
  private counts = zero();

  private readonly requests = new Counter({
    name: 'graph_http_requests_total',
    help: 'HTTP requests sent to Microsoft Graph: direct calls and $batch envelopes.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly calls = new Counter({
    name: 'graph_calls_total',
    help: 'Graph calls answered (each attempt, direct or inside $batch), by method, route template and status (HTTP status, or timeout/network/refused/not-sent/shutting-down/oversized/no-token/foreign-origin).',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly exchangeDuration = new Histogram({
    name: 'graph_http_request_duration_seconds',
    help: 'Time from sending one HTTP request to Graph to having its whole answer.',
    labelNames: ['kind'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly envelopeSize = new Histogram({
    name: 'graph_batch_envelope_size',
    help: 'Requests carried by each $batch envelope sent to Graph.',
    buckets: ENVELOPE_SIZE_BUCKETS,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'graph_retries_total',
    help: 'Graph calls sent again after a retryable answer (429, or 503/504/no answer for reads).',
    registers: [this.registry],
  });
  private readonly throttleWaits = new Counter({
    name: 'graph_throttle_waits_total',
    help: 'Times an exchange waited for the throttle window a Retry-After opened.',
    registers: [this.registry],
  });
  private readonly throttleWaitSeconds = new Counter({
    name: 'graph_throttle_wait_seconds_total',
    help: 'Time exchanges spent waiting for throttle windows.',
    registers: [this.registry],
  });
  private readonly callsPerRequest = new Histogram({
    name: 'graph_calls_per_request',
    help: 'Graph calls one HTTP request paid from its budget (GRAPH_MAX_CALLS_PER_REQUEST).',
    buckets: CALLS_PER_REQUEST_BUCKETS,
    registers: [this.registry],
  });
  private readonly budgetRefusals = new Counter({
    name: 'graph_call_budget_refusals_total',
    help: 'Graph calls (or bulk fields) refused unsent because the request had used up its budget.',
    registers: [this.registry],
  });

  private readonly callerLimitRefusals = new Counter({
    name: 'graph_caller_limit_refusals_total',
    help: 'Graph calls refused unsent because their caller had used up its Graph-call limit (GATEWAY_GRAPH_CALL_LIMIT_*).',
    registers: [this.registry],
  });

  private readonly retryAfterCaps = new Counter({
    name: 'graph_retry_after_capped_total',
    help: 'Graph answers whose Retry-After was longer than GRAPH_MAX_RETRY_AFTER_SECONDS and was lowered to it.',
    registers: [this.registry],
  });

  constructor(gauges?: UpstreamGauges) {
    if (!gauges) return;
    new Gauge({
      name: 'graph_requests_in_flight',
      help: 'HTTP requests sent to Graph and not answered yet (at most GRAPH_MAX_IN_FLIGHT).',
      registers: [this.registry],
      collect() {
        this.set(gauges.inFlight());
      },
    });
    new Gauge({
      name: 'graph_throttle_window_remaining_seconds',
      help: 'Time until new Graph calls may go out again after a Retry-After; 0 when open.',
      registers: [this.registry],
      collect() {
        this.set(gauges.throttleWindowMs() / 1000);
      },
    });
  }

  direct(): void {
    this.counts.httpRequests += 1;
    this.counts.directCalls += 1;
    this.requests.inc({ kind: 'direct' });
  }

  envelope(size: number): void {
    this.counts.httpRequests += 1;
    this.counts.envelopes += 1;
    this.counts.batchItems += size;
    this.counts.envelopeSizes[size] = (this.counts.envelopeSizes[size] ?? 0) + 1;
    this.requests.inc({ kind: 'batch' });
    this.envelopeSize.observe(size);
  }

  /** One exchange came back: each call's outcome, and how long the exchange took. */
  answered(
    calls: readonly GraphCall[],
    outcomes: ReadonlyArray<GraphReply | GraphTransportError>,
    seconds: number,
  ): void {
    this.exchangeDuration.observe({ kind: calls.length === 1 ? 'direct' : 'batch' }, seconds);
    calls.forEach((call, index) => {
      const outcome = outcomes[index];
      if (!outcome) return;
      this.calls.inc({
        method: call.method,
        route: routeTemplate(call.url),
        status: statusOf(outcome),
      });
    });
  }

  retried(calls: number): void {
    this.counts.retries += calls;
    this.retries.inc(calls);
  }

  waitedForThrottle(ms: number): void {
    this.counts.throttleWaits += 1;
    this.counts.throttleWaitMs += ms;
    this.throttleWaits.inc();
    this.throttleWaitSeconds.inc(ms / 1000);
  }

  /** A request is done with Graph: what it used of its budget. */
  requestUsed(calls: number): void {
    this.callsPerRequest.observe(calls);
  }

  budgetRefused(): void {
    this.budgetRefusals.inc();
  }

  /** `calls` calls were refused unsent: their caller was over its Graph-call limit. */
  callerLimitRefused(calls: number): void {
    this.callerLimitRefusals.inc(calls);
  }

  /** Graph asked for a longer wait than the cap; the cap was waited instead. */
  retryAfterCapped(): void {
    this.retryAfterCaps.inc();
  }

  snapshot(): UpstreamCounts {
    return { ...this.counts, envelopeSizes: [...this.counts.envelopeSizes] };
  }

  reset(): void {
    this.counts = zero();
    this.registry.resetMetrics();
  }
}
