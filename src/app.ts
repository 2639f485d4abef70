/** Builds the GraphQL-over-HTTP app. Never listens: main.ts and the tests do that. */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type AuthenticationOptions, createCallerAuthentication } from './auth/authenticate.js';
import { createContextFactory, type GatewayContext } from './context.js';
import type { GraphService } from './graph/service.js';
import { jsonLogger, type Logger } from './logger.js';
import { createErrorMasker } from './mask-error.js';
import { useMetricsEndpoint } from './metrics-endpoint.js';
import { schema } from './schema/index.js';

export interface AppDependencies {
  /** How Graph is reached: the SDK client in production, the same over the emulator in tests. */
  graph: GraphService;
  logger?: Logger;
  /** GraphiQL in the browser at /graphql; on by default, a development tool. */
  graphiql?: boolean;
  /** Who may call (src/auth/). Omitted: anonymous callers only, as the unit tests use it. */
  authentication?: AuthenticationOptions;
}

/** Operations in one batched GraphQL-over-HTTP request. */
export const MAX_OPERATIONS_PER_REQUEST = 10;

/**
 * Bounds on what one document may ask for. Every field below a list can fan out into Graph
 * calls, so depth, aliases and size are capped well above what a release screen needs.
 */
const documentLimits = EnvelopArmorPlugin({
  maxDepth: { n: 8 },
  // A release screen may ask for as many jobs by alias as a bulk mutation may touch (100).
  maxAliases: { n: 100 },
  maxTokens: { n: 5_000 },
  maxDirectives: { n: 20 },
  costLimit: { maxCost: 5_000 },
});

export type App = YogaServerInstance<Record<string, never>, GatewayContext>;

/** What GraphiQL opens with: the release screen's query, the first step of the README's example. */
const RELEASE_SCREEN_QUERY = `# What is waiting for release? Run it, then see the README for the mutations.
query ReleaseScreen {
  printTaskDefinitions {
    id
    displayName
    tasks {
      id
      taskDefinitionId
      status { state }
      printJob {
        id
        printerId
        createdBy { userPrincipalName }
        status { state details }
        printer { displayName }
      }
    }
  }
}
`;

export function createApp({
  graph,
  logger = jsonLogger,
  graphiql = true,
  authentication = { allowAnonymous: true },
}: AppDependencies): App {
  const callers = createCallerAuthentication(authentication, { graphiql });
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    plugins: [callers.plugin, useMetricsEndpoint(graph.metrics), documentLimits],
    // GraphQL-over-HTTP batching: a release station sends its operations in one request, and
    // they share one Graph batcher (see context.ts).
    batching: { limit: MAX_OPERATIONS_PER_REQUEST },
    // Inputs are a few ids and short texts; a megabyte is already generous.
    maxRequestBodySize: 1_000_000,
    context: createContextFactory(graph, callers.callerOf),
    // Served from the package, not a CDN: works offline and under a strict CSP.
    graphiql: graphiql && { title: 'Universal Print gateway', defaultQuery: RELEASE_SCREEN_QUERY },
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { maskError: createErrorMasker(logger) },
    // Yoga's own logging of masked errors would repeat what the masker logged.
    logging: false,
  });
}
