/**
 * Environment → typed, validated configuration, read once. Nothing else reads `process.env`.
 * Each module owns its piece (names, bounds, defaults, the checks between its variables) in a
 * settings file beside its code, the Graph client's in its own package; this file only joins the
 * pieces into one schema, parses the environment once and hands each module its part, plus the
 * few variables that are the process's own. Every variable is documented in the README's table;
 * keep the two in step.
 */

import {
  GRAPH_ENV,
  type GraphEndpoint,
  type GraphServiceOptions,
  GraphSettingsError,
  graphSettings,
  TOKEN_CHECK_ENV,
  type TokenCheckOptions,
  tokenCheckSettings,
} from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import {
  DELEGATION_ENV,
  type DelegationSettings,
  delegationSettings,
} from './auth/delegation-settings.js';
import { CALLER_AUTH_ENV, type CallerAuth, callerAuth } from './auth/settings.js';
import type { OwnershipMemoryOptions } from './domain/ownership-memory.js';
import type { PrinterMemoryOptions } from './domain/printing/printer-memory.js';
import {
  PRINTER_MEMORY_ENV,
  printerMemorySettings,
} from './domain/printing/printer-memory-settings.js';
import type { ShareMemoryOptions } from './domain/printing/share-memory.js';
import { SHARE_MEMORY_ENV, shareMemorySettings } from './domain/printing/share-memory-settings.js';
import { OWNERSHIP_MEMORY_ENV, ownershipMemorySettings } from './domain/settings.js';
import {
  EDGE_ENV,
  type EdgePolicy,
  edgePolicy,
  type TrustedDocumentsSettings,
  trustedDocuments,
} from './edge/settings.js';
import {
  LIVE_EVENTS_ENV,
  type LiveEventSettings,
  liveEventSettings,
} from './graph-notifications/settings.js';
import { IDEMPOTENCY_ENV } from './idempotency/settings.js';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from './logging/levels.js';
import { METRICS_ENV, type MetricsSettings, metricsSettings } from './metrics/settings.js';
import type { RateLimitPolicy } from './rate-limit/policy.js';
import { RATE_LIMIT_ENV, rateLimitPolicy } from './rate-limit/settings.js';
import { REDIS_ENV, type RedisSettings, redisSettings } from './redis/settings.js';
import { HTTP_SERVER_ENV, type HttpServerSettings, httpServerSettings } from './server/settings.js';
import { ConfigError, port } from './settings/env.js';
import { TRACING_ENV, type TracingSettings, tracingSettings } from './telemetry/settings.js';

export type GraphTarget =
  /** Start the embedded Universal Print emulator and point the gateway at it. */
  | { kind: 'emulator'; emulatorPort: number }
  /** The Graph the client's settings name (packages/graph-client/src/settings/endpoint.ts). */
  | ({ kind: 'graph' } & GraphEndpoint);

export interface Config {
  host: string;
  port: number;
  callerAuth: CallerAuth;
  graph: GraphTarget;
  /** Per-attempt timeout of one upstream HTTP request. */
  graphTimeoutMs: number;
  /** The most the gateway reads of one answer from Graph. */
  graphMaxResponseBytes: number;
  /** How calls to Graph are batched, retried and throttled. */
  graphService: GraphServiceOptions;
  /** Graph calls as the signed-in person: the on-behalf-of exchange's scopes and cache. */
  graphDelegation: DelegationSettings;
  edge: EdgePolicy;
  /** Limits of the HTTP server: timeouts and the connection cap. */
  http: HttpServerSettings;
  /** How long a shutdown waits for requests in flight before it abandons them. */
  shutdownGraceMs: number;
  /** Live job events: subscriptions, Graph change notifications, reconciliation. */
  liveEvents: LiveEventSettings;
  metrics: MetricsSettings;
  /** Per-caller token buckets and the in-progress cap (src/rate-limit/). */
  rateLimits: RateLimitPolicy;
  /** OpenTelemetry tracing; null (off, the SDK not even loaded) when no OTLP endpoint is set. */
  tracing: TracingSettings | null;
  /** `GATEWAY_TRUSTED_DOCUMENTS`: the manifest file to serve by hash, and whether only it runs. */
  trustedDocuments: TrustedDocumentsSettings | null;
  /** The background check of the Graph token behind /ready (packages/graph-client/src/credentials/token-check.ts). */
  readiness: TokenCheckOptions;
  /** State shared with the other replicas (docs/replicas.md); null: this process alone. */
  redis: RedisSettings | null;
  /** How long a write's `idempotencyKey` is remembered. */
  idempotencyWindowSeconds: number;
  /** How many of them one caller holds at most. */
  idempotencyMaxKeysPerCaller: number;
  /** Whose jobs Graph said they are, kept for writes' ownership checks (src/domain/). */
  ownershipMemory: OwnershipMemoryOptions;
  /** What printer shares can do, kept for `createPrintJob`'s checks (src/domain/printing/). */
  shareMemory: ShareMemoryOptions;
  /** What printers can do, kept for `Printer.capabilities` and the redirects' checks. */
  printerMemory: PrinterMemoryOptions;
  /**
   * Whether `_service { sdl }` carries `@authenticated` / `@requiresScopes`: off for routers that
   * refuse them (docs/federation.md). The subgraph's own checks do not depend on it.
   */
  sdlAuthorizationDirectives: boolean;
  production: boolean;
  /** The lowest level written (src/logging/). */
  logLevel: LogLevel;
}

export { ConfigError };

/**
 * The shortest grace period accepted beyond one upstream attempt's timeout, and the default one:
 * a request that reached Graph just before shutdown needs its whole attempt, then a moment to
 * write the answer.
 */
export const SHUTDOWN_GRACE_MIN_MARGIN_MS = 1_000;
export const SHUTDOWN_GRACE_DEFAULT_MARGIN_MS = 5_000;

const env = z.object({
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default(DEFAULT_LOG_LEVEL),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(4000),
  EMULATOR_PORT: port(4010),
  // Microsoft Graph: where, with which credentials, how it is called (packages/graph-client).
  ...GRAPH_ENV,
  ...DELEGATION_ENV,
  ...CALLER_AUTH_ENV,
  // The HTTP edge (src/edge/).
  ...EDGE_ENV,
  GATEWAY_SDL_AUTHORIZATION_DIRECTIVES: z.enum(['true', 'false']).default('true'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).optional(),
  ...TOKEN_CHECK_ENV,
  ...HTTP_SERVER_ENV,
  ...LIVE_EVENTS_ENV,
  ...METRICS_ENV,
  ...RATE_LIMIT_ENV,
  ...TRACING_ENV,
  // Shared state across replicas (src/shared-state/, docs/replicas.md).
  ...REDIS_ENV,
  ...IDEMPOTENCY_ENV,
  ...OWNERSHIP_MEMORY_ENV,
  ...SHARE_MEMORY_ENV,
  ...PRINTER_MEMORY_ENV,
});

type Env = z.infer<typeof env>;

/** Every variable the gateway reads; the README's Configuration table documents each. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(env.shape);

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === 'production';
  const graphClient = fromGraphClient(() => graphSettings(vars));
  const graph = graphTarget(graphClient.endpoint, vars.EMULATOR_PORT, production);
  return {
    host: vars.HOST,
    port: vars.PORT,
    graph,
    callerAuth: callerAuth(vars, graph.kind === 'emulator'),
    graphTimeoutMs: graphClient.timeoutMs,
    graphMaxResponseBytes: graphClient.maxResponseBytes,
    http: httpServerSettings(vars),
    shutdownGraceMs: shutdownGraceMs(vars),
    liveEvents: liveEventSettings(vars),
    metrics: metricsSettings(vars, vars.HOST),
    rateLimits: rateLimitPolicy(vars),
    tracing: tracingSettings(vars),
    trustedDocuments: trustedDocuments(vars),
    readiness: tokenCheckSettings(vars),
    redis: redisSettings(vars),
    idempotencyWindowSeconds: vars.IDEMPOTENCY_WINDOW_SECONDS,
    idempotencyMaxKeysPerCaller: vars.IDEMPOTENCY_MAX_KEYS_PER_CALLER,
    ownershipMemory: ownershipMemorySettings(vars),
    shareMemory: shareMemorySettings(vars),
    printerMemory: printerMemorySettings(vars),
    graphService: graphClient.service,
    graphDelegation: delegationSettings(vars),
    edge: edgePolicy(vars, production),
    sdlAuthorizationDirectives: vars.GATEWAY_SDL_AUTHORIZATION_DIRECTIVES === 'true',
    production,
    logLevel: vars.LOG_LEVEL,
  };
}

/** Long enough for a request that reached Graph just before shutdown to be answered. */
function shutdownGraceMs(vars: Env): number {
  const minimum = vars.GRAPH_TIMEOUT_MS + SHUTDOWN_GRACE_MIN_MARGIN_MS;
  const grace = vars.SHUTDOWN_GRACE_MS ?? vars.GRAPH_TIMEOUT_MS + SHUTDOWN_GRACE_DEFAULT_MARGIN_MS;
  if (grace < minimum) {
    throw new ConfigError(
      `SHUTDOWN_GRACE_MS (${grace}) must be at least GRAPH_TIMEOUT_MS + ` +
        `${SHUTDOWN_GRACE_MIN_MARGIN_MS} (${minimum}): a request already sent to Graph gets one ` +
        'whole attempt to be answered before the process exits',
    );
  }
  return grace;
}

/**
 * The Graph the settings name, else, in development, the embedded emulator: a production gateway
 * without credentials would only ever answer errors.
 */
function graphTarget(
  endpoint: GraphEndpoint | null,
  emulatorPort: number,
  production: boolean,
): GraphTarget {
  if (endpoint) return { kind: 'graph', ...endpoint };
  if (production) {
    throw new ConfigError(
      'NODE_ENV=production needs Microsoft Graph credentials; the embedded emulator is for development',
    );
  }
  return { kind: 'emulator', emulatorPort };
}

/**
 * The Graph client has its own error, since it knows nothing of the gateway; to the process its
 * settings are the environment like any other's, so they stop it the same way, message unchanged.
 */
function fromGraphClient<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GraphSettingsError) {
      throw new ConfigError(error.message, { cause: error });
    }
    throw error;
  }
}
