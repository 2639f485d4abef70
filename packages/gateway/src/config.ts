/**
 * Environment → typed, validated configuration, read once. Nothing else reads `process.env`.
 * Every variable is documented in the README's table; keep the two in step.
 */

import {
  DEFAULT_MAX_CALLS_PER_REQUEST,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_OPTIONS,
  type GraphCredentials,
  type GraphServiceOptions,
  MAX_RETRY_AFTER_CAP_SECONDS,
  type TokenCheckOptions,
} from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import { CALLER_AUTH_ENV, type CallerAuth, callerAuth } from './auth/settings.js';
import {
  DEFAULT_OWNERSHIP_MEMORY,
  type OwnershipMemoryOptions,
} from './domain/ownership-memory.js';
import { DEFAULT_SHARE_MEMORY, type ShareMemoryOptions } from './domain/printing/share-memory.js';
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
import { ConfigError, isLoopback, nonEmpty, port } from './settings/env.js';
import { TRACING_ENV, type TracingSettings, tracingSettings } from './telemetry/settings.js';

export type GraphTarget =
  /** Start the embedded Universal Print emulator and point the gateway at it. */
  | { kind: 'emulator'; emulatorPort: number }
  | { kind: 'graph'; baseUrl: string; credentials: GraphCredentials; authorityHost?: string };

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
  GRAPH_BASE_URL: nonEmpty,
  GRAPH_ACCESS_TOKEN: nonEmpty,
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GRAPH_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(268_435_456)
    .default(DEFAULT_MAX_RESPONSE_BYTES),
  GRAPH_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  GRAPH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  GRAPH_MAX_THROTTLED_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
  GRAPH_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(16),
  GRAPH_MAX_CALLS_PER_REQUEST: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_MAX_CALLS_PER_REQUEST),
  GRAPH_SHARED_THROTTLE: z.enum(['true', 'false']).default('true'),
  GRAPH_MAX_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RETRY_AFTER_CAP_SECONDS)
    .default(DEFAULT_MAX_RETRY_AFTER_MS / 1000),
  GRAPH_BATCHING: z.enum(['true', 'false']).default('true'),
  AZURE_TENANT_ID: nonEmpty,
  AZURE_CLIENT_ID: nonEmpty,
  AZURE_CLIENT_SECRET: nonEmpty,
  AZURE_CLIENT_CERTIFICATE_PATH: nonEmpty,
  AZURE_AUTHORITY_HOST: nonEmpty,
  ...CALLER_AUTH_ENV,
  // The HTTP edge (src/edge/).
  ...EDGE_ENV,
  GATEWAY_SDL_AUTHORIZATION_DIRECTIVES: z.enum(['true', 'false']).default('true'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).optional(),
  READINESS_TOKEN_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(60_000),
  READINESS_TOKEN_RETRY_MAX_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  ...HTTP_SERVER_ENV,
  ...LIVE_EVENTS_ENV,
  ...METRICS_ENV,
  ...RATE_LIMIT_ENV,
  ...TRACING_ENV,
  // Shared state across replicas (src/shared-state/, docs/replicas.md).
  ...REDIS_ENV,
  ...IDEMPOTENCY_ENV,
  OWNERSHIP_MEMORY_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_OWNERSHIP_MEMORY.maxEntries),
  // 0 keeps nothing: every createPrintJob reads its share first.
  PRINTER_SHARE_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600)
    .default(DEFAULT_SHARE_MEMORY.ttlMs / 1000),
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
  const graph = graphTarget(vars, production);
  return {
    host: vars.HOST,
    port: vars.PORT,
    graph,
    callerAuth: callerAuth(vars, graph.kind === 'emulator'),
    graphTimeoutMs: vars.GRAPH_TIMEOUT_MS,
    graphMaxResponseBytes: vars.GRAPH_MAX_RESPONSE_BYTES,
    http: httpServerSettings(vars),
    shutdownGraceMs: shutdownGraceMs(vars),
    liveEvents: liveEventSettings(vars),
    metrics: metricsSettings(vars, vars.HOST),
    rateLimits: rateLimitPolicy(vars),
    tracing: tracingSettings(vars),
    trustedDocuments: trustedDocuments(vars),
    readiness: {
      intervalMs: vars.READINESS_TOKEN_CHECK_INTERVAL_MS,
      retryMaxMs: vars.READINESS_TOKEN_RETRY_MAX_MS,
    },
    redis: redisSettings(vars),
    idempotencyWindowSeconds: vars.IDEMPOTENCY_WINDOW_SECONDS,
    idempotencyMaxKeysPerCaller: vars.IDEMPOTENCY_MAX_KEYS_PER_CALLER,
    ownershipMemory: { ...DEFAULT_OWNERSHIP_MEMORY, maxEntries: vars.OWNERSHIP_MEMORY_ENTRIES },
    shareMemory: { ...DEFAULT_SHARE_MEMORY, ttlMs: vars.PRINTER_SHARE_CACHE_SECONDS * 1000 },
    graphService: {
      deadlineMs: vars.GRAPH_DEADLINE_MS,
      maxCallsPerRequest: vars.GRAPH_MAX_CALLS_PER_REQUEST,
      retry: {
        ...DEFAULT_RETRY_OPTIONS,
        maxAttempts: vars.GRAPH_MAX_ATTEMPTS,
        maxThrottledAttempts: vars.GRAPH_MAX_THROTTLED_ATTEMPTS,
      },
      maxInFlight: vars.GRAPH_MAX_IN_FLIGHT,
      sharedThrottle: vars.GRAPH_SHARED_THROTTLE === 'true',
      maxRetryAfterMs: vars.GRAPH_MAX_RETRY_AFTER_SECONDS * 1000,
      batching: vars.GRAPH_BATCHING === 'true',
    },
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

function graphTarget(vars: Env, production: boolean): GraphTarget {
  const credentials = graphCredentials(vars);
  if (!credentials) {
    if (vars.GRAPH_BASE_URL) {
      throw new ConfigError(
        'GRAPH_BASE_URL is set but no credentials are: set GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID, ' +
          'AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
      );
    }
    if (production) {
      throw new ConfigError(
        'NODE_ENV=production needs Microsoft Graph credentials; the embedded emulator is for development',
      );
    }
    return { kind: 'emulator', emulatorPort: vars.EMULATOR_PORT };
  }
  return {
    kind: 'graph',
    baseUrl: graphBaseUrl(vars.GRAPH_BASE_URL ?? 'https://graph.microsoft.com'),
    credentials,
    ...(vars.AZURE_AUTHORITY_HOST ? { authorityHost: vars.AZURE_AUTHORITY_HOST } : {}),
  };
}

function graphCredentials(vars: Env): GraphCredentials | null {
  if (vars.GRAPH_ACCESS_TOKEN) return { kind: 'static-token', token: vars.GRAPH_ACCESS_TOKEN };
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = vars;
  const secret = vars.AZURE_CLIENT_SECRET;
  const certificatePath = vars.AZURE_CLIENT_CERTIFICATE_PATH;
  if (!tenantId && !clientId && !secret && !certificatePath) return null;
  if (!tenantId || !clientId || (!secret && !certificatePath)) {
    throw new ConfigError(
      'Incomplete Azure credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID and one of ' +
        'AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are all needed',
    );
  }
  return secret
    ? { kind: 'client-secret', tenantId, clientId, clientSecret: secret }
    : {
        kind: 'client-certificate',
        tenantId,
        clientId,
        certificatePath: certificatePath as string,
      };
}

/**
 * The Graph root without version. Plain `http` is allowed only on loopback (the emulator, a
 * test server): anywhere else it would send the bearer token in clear text.
 */
export function graphBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`GRAPH_BASE_URL is not a URL: ${raw}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('GRAPH_BASE_URL must not carry credentials, a query or a fragment');
  }
  if (/\/(v1\.0|beta)\/?$/.test(url.pathname)) {
    throw new ConfigError(
      'GRAPH_BASE_URL is the Graph root without version, e.g. https://graph.microsoft.com',
    );
  }
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(
      `GRAPH_BASE_URL must use https (plain http only on loopback, for the emulator): ${raw}`,
    );
  }
  return url.href.replace(/\/+$/, '');
}
