/** Builds the GraphQL-over-HTTP app. Never listens: main.ts and the tests do that. */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContextFactory, type GatewayContext } from './context.js';
import type { GraphTransport } from './graph/transport.js';
import { jsonLogger, type Logger } from './logger.js';
import { createErrorMasker } from './mask-error.js';
import { schema } from './schema/index.js';

export interface AppDependencies {
  /** How Graph is reached: the SDK client in production, the same over the emulator in tests. */
  graph: GraphTransport;
  logger?: Logger;
  /** GraphiQL in the browser at /graphql; on by default, a development tool. */
  graphiql?: boolean;
}

export type App = YogaServerInstance<Record<string, never>, GatewayContext>;

export function createApp({ graph, logger = jsonLogger, graphiql = true }: AppDependencies): App {
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    context: createContextFactory(graph),
    graphiql,
    landingPage: false,
    maskedErrors: { maskError: createErrorMasker(logger) },
    // Yoga's own logging of masked errors would repeat what the masker logged.
    logging: false,
  });
}
