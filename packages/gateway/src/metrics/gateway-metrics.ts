/**
 * Everything one gateway exposes to Prometheus: the process (shared), its upstream to Graph
 * and its GraphQL operations, in one registry that the metrics listener serves. A registry per
 * app, not prom-client's global one, so that several apps in one test process never collide.
 */
import { Registry } from 'prom-client';
import {
  DEFAULT_MAX_OPERATION_NAMES,
  GraphQLMetrics,
  type GraphQLMetricsOptions,
} from './graphql-metrics.js';
import { processMetricsRegistry } from './process-metrics.js';
import type { UpstreamMetrics } from './upstream-metrics.js';

export class GatewayMetrics {
  /** What a scrape returns. */
  readonly registry: Registry;
  readonly graphql: GraphQLMetrics;

  constructor(
    readonly upstream: UpstreamMetrics,
    options: GraphQLMetricsOptions = { maxOperationNames: DEFAULT_MAX_OPERATION_NAMES },
  ) {
    const own = new Registry();
    this.graphql = new GraphQLMetrics(own, options);
    this.registry = Registry.merge([processMetricsRegistry(), upstream.registry, own]);
  }
}
