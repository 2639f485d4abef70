/** Builds the GraphQL-over-HTTP app. Never listens: main.ts and the tests do that. */

import { createYoga, type GraphiQLOptions, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createAuditLog } from './audit/audit-log.js';
import {
  type AuthenticationOptions,
  type CallerAuthentication,
  createCallerAuthentication,
} from './auth/authenticate.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { OwnershipMemory } from './domain/ownership-memory.js';
import type { PrinterMemory } from './domain/printing/printer-memory.js';
import type { ShareMemory } from './domain/printing/share-memory.js';
import { useBatchLimit } from './edge/batch-limit.js';
import { useCorsAllowlist } from './edge/cors-allowlist.js';
import { useErrorScrubbing } from './edge/error-scrubbing.js';
import { useIncrementalDelivery } from './edge/incremental-delivery.js';
import { useNoIntrospection } from './edge/introspection.js';
import { useJsonBodiesOnly } from './edge/json-bodies-only.js';
import { MAX_OPERATIONS_PER_REQUEST, MAX_REQUEST_BODY_BYTES } from './edge/limits.js';
import { preParseViolation, usePreParseLimits } from './edge/pre-parse-limits.js';
import { useRequestBodyLimit } from './edge/request-body-limit.js';
import { useSubscriptionsStreamedOnly } from './edge/subscriptions-streamed-only.js';
import {
  type TrustedDocumentManifest,
  trustedDocumentFor,
  useTrustedDocuments,
} from './edge/trusted-documents.js';
import { useValidationLimits } from './edge/validation-limits.js';
import type { NotificationWebhook } from './graph-notifications/webhook.js';
import { useNotificationWebhook } from './graph-notifications/webhook-plugin.js';
import type { GraphiQLPage } from './graphiql-page.js';
import { IdempotencyGuard } from './idempotency/guard.js';
import { MemoryIdempotencyStore } from './idempotency/memory-store.js';
import {
  DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER,
  DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
} from './idempotency/settings.js';
import type { IdempotencyStore } from './idempotency/store.js';
import { JobAnnouncer } from './live-events/job-announcer.js';
import { LiveEvents } from './live-events/live-events.js';
import { useAccessLogFields } from './logging/access-plugin.js';
import { createLogger } from './logging/logger.js';
import { createErrorMasker } from './mask-error.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { useGraphQLMetrics } from './metrics/graphql-metrics.js';
import { operationNamesIn } from './metrics/operation-names.js';
import type { ObservedGraphService } from './observed-graph.js';
import type { TokenBucketStore } from './rate-limit/bucket-store.js';
import { graphCallMeters } from './rate-limit/graph-call-meter.js';
import { InMemoryBucketStore } from './rate-limit/in-memory-bucket-store.js';
import type { RateLimitPolicy } from './rate-limit/policy.js';
import { chargeOperations, useCallerRateLimits } from './rate-limit/use-caller-rate-limits.js';
import { schema } from './schema/index.js';
import type { EnvelopedOperation, WebSocketOperations } from './server/websocket-subscriptions.js';
import { useOperationSpans } from './telemetry/operation-spans.js';

export interface AppDependencies {
  /**
   * How Graph is reached: the SDK client in production, the same over the emulator in tests;
   * counted and traced by the gateway (src/observed-graph.ts).
   */
  graph: ObservedGraphService;
  logger?: Logger;
  /**
   * GraphiQL in the browser at /graphql, a development tool: `npm start` passes one
   * (dev/graphiql.ts). Omitted or false: none, as in production.
   */
  graphiql?: GraphiQLPage | false;
  /** Who may call (src/auth/). Omitted: anonymous callers only, as the unit tests use it. */
  authentication?: AuthenticationOptions;
  /** Browser origins allowed to call cross-site (exact `scheme://host[:port]`); none by default. */
  corsOrigins?: readonly string[];
  /** Schema introspection; on by default, config.ts turns it off in production unless asked. */
  introspection?: boolean;
  /**
   * Live job events (subscriptions): omitted, in this process only (docs/subscriptions.md).
   * Replicas pass one built over a shared event target.
   */
  liveEvents?: LiveEvents;
  /** Announces confirmed writes and notified tasks; omitted, one over `graph` and `liveEvents`. */
  jobAnnouncer?: JobAnnouncer;
  /** Graph's change notifications, at POST /graph/notifications; omitted, not served. */
  webhook?: NotificationWebhook;
  /**
   * Where the app's metrics go (src/metrics/); main.ts serves its registry on METRICS_PORT.
   * Omitted: a registry of the app's own, with the default limits.
   */
  metrics?: GatewayMetrics;
  /**
   * Per-caller limits (src/rate-limit/): config.ts's policy in main.ts; omitted, as in the tests
   * and the benchmark, nothing is limited. The store (operations and Graph calls) defaults to
   * this process's memory.
   */
  rateLimits?: { policy: RateLimitPolicy; store?: TokenBucketStore };
  /** Documents served by hash (src/edge/trusted-documents.ts); none by default. */
  trustedDocuments?: { manifest: TrustedDocumentManifest; only: boolean };
  /**
   * Whose jobs Graph said they are (src/domain/ownership-memory.ts); main.ts shares it with the
   * live runtime's announcer, which feeds it from notifications.
   */
  ownership?: OwnershipMemory;
  /** What printer shares can do (src/domain/printing/share-memory.ts); `PRINTER_SHARE_CACHE_SECONDS`. */
  shares?: ShareMemory;
  /** What printers can do (src/domain/printing/printer-memory.ts); `PRINTER_CAPABILITIES_CACHE_SECONDS`. */
  printers?: PrinterMemory;
  /** Where writes' idempotency keys live: this process's memory unless Redis is shared. */
  idempotencyStore?: IdempotencyStore;
  /** @default 600 (DEFAULT_IDEMPOTENCY_WINDOW_SECONDS) */
  idempotencyWindowSeconds?: number;
  /**
   * Whether `_service { sdl }` carries `@authenticated` / `@requiresScopes`; false for routers
   * that refuse them (docs/federation.md). The subgraph's own checks are the same either way.
   * @default true
   */
  sdlAuthorizationDirectives?: boolean;
  /** @default 1000 (DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER) */
  idempotencyMaxKeysPerCaller?: number;
}

export { MAX_OPERATIONS_PER_REQUEST } from './edge/limits.js';

export type App = YogaServerInstance<Record<string, never>, GatewayContext> & {
  /** The app as GraphQL over WebSocket runs it; the HTTP server serves it on upgrades. */
  readonly webSocketOperations: WebSocketOperations;
};

/**
 * What yoga's HTTP pipeline does before its envelop plugins, done for a WebSocket operation with
 * the same code: the trusted document, then the limits checked before parsing (in that order,
 * as the plugins are: the limits measure the trusted document).
 */
function webSocketOperationsOf(
  yoga: YogaServerInstance<Record<string, never>, GatewayContext>,
  callers: CallerAuthentication,
  trustedDocuments: AppDependencies['trustedDocuments'],
  rateLimits: Parameters<typeof chargeOperations>[0] | undefined,
): WebSocketOperations {
  return {
    endpoint: yoga.graphqlEndpoint,
    authenticate: callers.authenticate,
    credentialExpiresAt: callers.credentialExpiresAt,
    // One operation, as a subscription sent over HTTP costs; no cap on requests in progress,
    // which a long-lived stream would hold for good.
    admit: async (caller) => {
      if (rateLimits) await chargeOperations(rateLimits, caller, 1);
    },
    documentFor(params, caller) {
      const query = trustedDocuments
        ? trustedDocumentFor(params, caller, trustedDocuments)
        : params.query;
      const violation = preParseViolation({ ...params, query });
      if (violation) throw violation;
      return query;
    },
    getEnveloped: (initial) => yoga.getEnveloped(initial) as unknown as EnvelopedOperation,
  };
}

/** What GraphiQL opens with: the release screen's query, the first step of the README's example. */
const RELEASE_SCREEN_QUERY = `# What is waiting for release? Run it, then see the README for the mutations.
query ReleaseScreen {
  printTaskDefinitions {
    id
    displayName
    tasks(first: 50) {
      ... on PrintTaskConnection {
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            taskDefinitionId
            status { state }
            printJob {
              id
              printerId
              createdBy { userPrincipalName }
              status { state details }
              document { displayName }
              printer { displayName }
            }
          }
        }
      }
      ... on Error { code message }
    }
  }
}
`;

/** The GraphiQL page; served from the package, not a CDN: works offline and under a strict CSP. */
const GRAPHIQL_PAGE: GraphiQLOptions = {
  title: 'Universal Print gateway',
  defaultQuery: RELEASE_SCREEN_QUERY,
};

export function createApp({
  graph,
  logger = createLogger(),
  graphiql = false,
  authentication = { allowAnonymous: true },
  corsOrigins = [],
  introspection = true,
  liveEvents = new LiveEvents(),
  ownership = new OwnershipMemory(),
  jobAnnouncer = new JobAnnouncer(graph, liveEvents, logger, { ownership }),
  webhook,
  metrics = new GatewayMetrics(graph.metrics),
  rateLimits,
  trustedDocuments,
  idempotencyStore = new MemoryIdempotencyStore(),
  idempotencyWindowSeconds = DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
  sdlAuthorizationDirectives = true,
  idempotencyMaxKeysPerCaller = DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER,
  shares,
  printers,
}: AppDependencies): App {
  const callers = createCallerAuthentication(authentication, { graphiql: graphiql !== false });
  const idempotency = new IdempotencyGuard(
    idempotencyStore,
    // A claim outlives any write: the whole request deadline, and a margin for the answer.
    {
      windowMs: idempotencyWindowSeconds * 1000,
      pendingMs: graph.deadlineMs + 5_000,
      maxKeysPerCaller: idempotencyMaxKeysPerCaller,
    },
    logger,
  );
  const maskError = createErrorMasker(logger);
  const buckets = rateLimits ? (rateLimits.store ?? new InMemoryBucketStore()) : undefined;
  // Names the operator vouches for keep their series whatever names callers invent.
  metrics.graphql.trustOperationNames(
    operationNamesIn([RELEASE_SCREEN_QUERY, ...(trustedDocuments?.manifest.values() ?? [])]),
  );
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    schema,
    plugins: [
      // First: it sees every request, those the plugins after it refuse included.
      useAccessLogFields(),
      // Before caller auth: a preflight carries no key.
      ...(corsOrigins.length > 0 ? [useCorsAllowlist(corsOrigins)] : []),
      // Graph sends no caller credentials: clientState proves a notification is ours.
      ...(webhook ? [useNotificationWebhook(webhook)] : []),
      callers.plugin,
      // After caller auth (whether a caller may send any document depends on who it is), and
      // before the document limits, which then measure the trusted document.
      ...(trustedDocuments
        ? [useTrustedDocuments({ ...trustedDocuments, callerOf: callers.callerOf })]
        : []),
      useGraphQLMetrics(metrics.graphql, metrics.upstream),
      useJsonBodiesOnly(),
      useBatchLimit(),
      // Before anything subscribes: a batched subscription is refused without taking a slot.
      useSubscriptionsStreamedOnly(),
      // After the batch limit, so an oversized batch is refused without spending tokens.
      ...(rateLimits
        ? [
            useCallerRateLimits({
              policy: rateLimits.policy,
              store: buckets ?? new InMemoryBucketStore(),
              callerOf: callers.callerOf,
              logger,
            }),
          ]
        : []),
      usePreParseLimits(),
      // @defer and @stream: validated and limited as any document, their errors masked.
      ...useIncrementalDelivery({ maskError }),
      useValidationLimits(),
      ...(introspection ? [] : [useNoIntrospection()]),
      useErrorScrubbing(),
      useOperationSpans(),
      // After every plugin that could register a request parser.
      useRequestBodyLimit(MAX_REQUEST_BODY_BYTES),
    ],
    // Yoga's own CORS answers every origin, with credentials; see edge/cors-allowlist.ts.
    cors: false,
    // No file uploads; multipart bodies are refused anyway (edge/json-bodies-only.ts).
    multipart: false,
    // GraphQL-over-HTTP batching: a release station sends its operations in one request, and
    // they share one Graph batcher (see context.ts).
    batching: { limit: MAX_OPERATIONS_PER_REQUEST },
    // useRequestBodyLimit above, which counts only bodies without a Content-Length.
    maxRequestBodySize: false,
    context: createContextFactory({
      service: graph,
      callerOf: callers.callerOf,
      credentialExpiresAt: callers.credentialExpiresAt,
      personAssertionOf: callers.personAssertion,
      audit: createAuditLog(logger),
      live: { liveEvents, jobAnnouncer },
      idempotency,
      ownership,
      ...(shares ? { shares } : {}),
      ...(printers ? { printers } : {}),
      logger,
      sdlAuthorizationDirectives,
      ...(rateLimits && buckets
        ? { graphCallMeter: graphCallMeters({ policy: rateLimits.policy, store: buckets, logger }) }
        : {}),
    }),
    graphiql:
      graphiql &&
      (graphiql.pageOptions
        ? (request: Request) => graphiql.pageOptions?.(request, GRAPHIQL_PAGE) ?? GRAPHIQL_PAGE
        : GRAPHIQL_PAGE),
    ...(graphiql
      ? { renderGraphiQL: (options?: GraphiQLOptions) => graphiql.render(options ?? GRAPHIQL_PAGE) }
      : {}),
    landingPage: false,
    maskedErrors: { maskError },
    // Yoga's own logging of masked errors would repeat what the masker logged.
    logging: false,
  });
  return Object.assign(yoga, {
    webSocketOperations: webSocketOperationsOf(
      yoga,
      callers,
      trustedDocuments,
      rateLimits && buckets ? { policy: rateLimits.policy, store: buckets, logger } : undefined,
    ),
  });
}
