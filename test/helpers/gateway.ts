/**
 * Builds the real app around a Graph transport and runs typed documents through `yoga.fetch`,
 * so tests open no gateway port.
 */

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { type ExecutionResult, print } from 'graphql';
import type { Logger } from 'pino';
import { type App, type AppDependencies, createApp } from '../../packages/gateway/src/app.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { GatewayMetrics } from '../../packages/gateway/src/metrics/gateway-metrics.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import {
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphServiceOptions,
} from '../../packages/graph-client/src/service.js';

export const TEST_TOKEN = 'test-token';

export interface TestGatewayOptions {
  baseUrl: string;
  token?: string;
  httpHandler?: Middleware;
  timeoutMs?: number;
  maxResponseBytes?: number;
  logger?: Logger;
  /** Retry, deadline, batching and throttle settings; the production defaults otherwise. */
  service?: Partial<GraphServiceOptions>;
  /** The app's HTTP-edge settings (CORS, introspection, caller keys); createApp's defaults otherwise. */
  edge?: Pick<AppDependencies, 'corsOrigins' | 'introspection' | 'authentication'>;
}

export interface TestGateway {
  app: App;
  service: ObservedGraphService;
  /** What the app's metrics listener would serve (src/metrics/). */
  metrics: GatewayMetrics;
  execute<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...variables: Variables extends Record<string, never> ? [] : [Variables]
  ): Promise<ExecutionResult<Result>>;
}

export function createTestGateway(options: TestGatewayOptions): TestGateway {
  const transport = createObservedGraphTransport({
    baseUrl: options.baseUrl,
    auth: staticToken(options.token ?? TEST_TOKEN),
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.httpHandler ? { httpHandler: options.httpHandler } : {}),
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
  });
  const service = new ObservedGraphService(
    transport,
    { ...DEFAULT_GRAPH_SERVICE_OPTIONS, ...options.service },
    options.logger ?? silentLogger,
  );
  const metrics = new GatewayMetrics(service.metrics);
  const app = createApp({
    graph: service,
    metrics,
    logger: options.logger ?? silentLogger,
    graphiql: false,
    ...options.edge,
  });
  return {
    app,
    service,
    metrics,
    async execute(document, ...[variables]) {
      const response = await app.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
  };
}
