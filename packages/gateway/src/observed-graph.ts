/**
 * The Graph client as the gateway runs it: the Graph client package (which imports nothing of
 * the gateway) with the gateway's metrics and spans, attached to the hooks the client exposes.
 * run-gateway.ts, app.ts's defaults and the test helpers build Graph access through here, so
 * every gateway counts and traces Graph traffic the same way.
 */

import {
  createGraphTransport,
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphClientOptions,
  GraphService,
  type GraphServiceOptions,
  type GraphTransport,
  type PersonTokenSource,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import { UpstreamMetrics } from './metrics/upstream-metrics.js';
import { TracingLink } from './telemetry/graph-http-link.js';
import { graphSpans } from './telemetry/graph-spans.js';

/** The SDK client's transport with the tracing link in its chain: ids and status on the span. */
export function createObservedGraphTransport(options: GraphClientOptions): GraphTransport {
  return createGraphTransport({
    ...options,
    watchingLinks: [...(options.watchingLinks ?? []), new TracingLink()],
  });
}

/** A `GraphService` whose exchanges are counted (`metrics`) and traced (one span each). */
export class ObservedGraphService extends GraphService {
  /** This service's Graph traffic as Prometheus metrics, in a registry of its own. */
  readonly metrics: UpstreamMetrics;

  constructor(
    transport: GraphTransport,
    options: GraphServiceOptions = DEFAULT_GRAPH_SERVICE_OPTIONS,
    logger?: Logger,
    personTokens?: PersonTokenSource,
  ) {
    super(transport, options, logger, personTokens);
    this.metrics = new UpstreamMetrics({
      inFlight: () => this.upstream.inFlight,
      throttleWindowMs: () => this.upstream.gate.remainingMs(),
    });
    // Spans first: the outermost wrapper, so the counters run inside the exchange's span.
    this.observe(graphSpans);
    this.observe(this.metrics);
  }
}
