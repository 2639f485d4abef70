/**
 * Environment → typed, validated configuration, read once. Nothing else reads `process.env`.
 * Every variable is documented in the README's table; keep the two in step.
 */

import { z } from 'zod';
import {
  DEFAULT_OWNERSHIP_MEMORY,
  type OwnershipMemoryOptions,
} from './access/ownership-memory.js';
import { GRAPH_AUDIENCES } from './auth/entra-token.js';
import { parseServiceKeys, type ServiceKey } from './auth/service-keys.js';
import { DEFAULT_MAX_CALLS_PER_REQUEST } from './graph/call-budget.js';
import type { GraphCredentials } from './graph/credentials/graph-credentials.js';
import type { TokenCheckOptions } from './graph/credentials/token-check.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './graph/http/bounded-body.js';
import {
  DEFAULT_MAX_RETRY_AFTER_MS,
  MAX_RETRY_AFTER_CAP_SECONDS,
} from './graph/http/retry-after-cap.js';
import { DEFAULT_RETRY_OPTIONS } from './graph/http/retry-policy.js';
import type { GraphServiceOptions } from './graph/service.js';
import { DEFAULT_HTTP_SERVER_SETTINGS, type HttpServerSettings } from './http/settings.js';
import {
  DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER,
  DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
  MAX_IDEMPOTENCY_KEYS_PER_CALLER,
} from './idempotency/settings.js';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from './logging/levels.js';
import { DEFAULT_MAX_OPERATION_NAMES } from './metrics/graphql-metrics.js';
import { DEFAULT_NOTIFICATION_DEDUP_TTL_MS } from './notifications/notification-processor.js';
import { DEFAULT_RECONCILE_INTERVAL_MS } from './notifications/reconciliation.js';
import { DEFAULT_SUBSCRIBER_LIMITS } from './notifications/subscriber-limits.js';
import {
  DEFAULT_SUBSCRIPTION_MINUTES,
  MIN_SUBSCRIPTION_MINUTES,
} from './notifications/subscription-lifetime.js';
import {
  DEFAULT_GRAPH_CALL_LIMITS,
  DEFAULT_RATE_LIMIT_POLICY,
  parseBucketLimit,
  parseGraphCallLimit,
  parseMaxInProgress,
  type RateLimitPolicy,
} from './rate-limit/policy.js';
import { REDIS_DEFAULTS, type RedisSettings } from './shared-state/redis/settings.js';

export type GraphTarget =
  /** Start the embedded Universal Print emulator and point the gateway at it. */
  | { kind: 'emulator'; emulatorPort: number }
  | { kind: 'graph'; baseUrl: string; credentials: GraphCredentials; authorityHost?: string };

/** What the gateway accepts at its HTTP edge (src/edge/); the names are createApp's options. */
export interface EdgePolicy {
  /** Exact origins a browser may call from cross-site; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Schema introspection: on in development, off in production unless GATEWAY_INTROSPECTION=true. */
  introspection: boolean;
}

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
  trustedDocuments: { path: string; only: boolean } | null;
  /** The background check of the Graph token behind /ready (src/graph/credentials/token-check.ts). */
  readiness: TokenCheckOptions;
  /** State shared with the other replicas (docs/replicas.md); null: this process alone. */
  redis: RedisSettings | null;
  /** How long a write's `idempotencyKey` is remembered. */
  idempotencyWindowSeconds: number;
  /** How many of them one caller holds at most. */
  idempotencyMaxKeysPerCaller: number;
  /** Whose jobs Graph said they are, kept for writes' ownership checks (src/access/). */
  ownershipMemory: OwnershipMemoryOptions;
  /**
   * Whether `_service { sdl }` carries `@authenticated` / `@requiresScopes`: off for routers that
   * refuse them (docs/federation.md). The subgraph's own checks do not depend on it.
   */
  sdlAuthorizationDirectives: boolean;
  production: boolean;
  /** The lowest level written (src/logging/). */
  logLevel: LogLevel;
}

export interface LiveEventSettings {
  /**
   * Where Graph delivers notifications (`GATEWAY_NOTIFICATION_URL`); null: no webhook and no
   * Graph subscriptions (on the embedded emulator, main.ts derives it from the listening port).
   */
  notificationUrl: string | null;
  /** Whether this process creates and renews Graph subscriptions (the webhook is served anyway). */
  manageSubscriptions: boolean;
  /** The clientState every subscription is created with; null: generated at start. */
  clientState: string | null;
  subscriptionLifetimeMs: number;
  renewAtFraction: number;
  subscriptionCheckMs: number;
  /** 0: no reconciliation. */
  reconcileIntervalMs: number;
  dedupTtlMs: number;
  subscribersPerCaller: number;
  subscribersMax: number;
}

/** Prometheus metrics (src/metrics/, docs/operations.md#metrics). */
export interface MetricsSettings {
  /** The metrics listener, without credentials; `null` when `METRICS_PORT=off`. */
  listen: { host: string; port: number } | null;
  /** Operation names with series of their own; later names are `other`. */
  maxOperationNames: number;
}

/** The port OpenTelemetry's Prometheus exporter uses by convention, and the manifests name. */
export const DEFAULT_METRICS_PORT = 9464;

/** What config.ts decides about tracing; the SDK reads the other standard OTEL_* itself. */
export interface TracingSettings {
  /** Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or the base + `/v1/traces`. */
  tracesEndpoint: string;
  protocol: 'http/protobuf' | 'http/json';
  serviceName: string;
}

export const DEFAULT_SERVICE_NAME = 'universal-print-gateway';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * The shortest grace period accepted beyond one upstream attempt's timeout, and the default one:
 * a request that reached Graph just before shutdown needs its whole attempt, then a moment to
 * write the answer.
 */
export const SHUTDOWN_GRACE_MIN_MARGIN_MS = 1_000;
export const SHUTDOWN_GRACE_DEFAULT_MARGIN_MS = 5_000;

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const nonEmpty = z.string().trim().min(1).optional();

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
  GATEWAY_API_KEYS: z.string().optional(),
  GATEWAY_ALLOW_ANONYMOUS: z.enum(['true', 'false']).optional(),
  GATEWAY_AUTH_TENANT_IDS: nonEmpty,
  GATEWAY_AUTH_AUDIENCE: nonEmpty,
  // The HTTP edge (src/edge/).
  GATEWAY_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().refine(isOrigin, 'each entry must be an origin: scheme://host[:port]')),
    ),
  GATEWAY_INTROSPECTION: z.enum(['true', 'false']).optional(),
  GATEWAY_SDL_AUTHORIZATION_DIRECTIVES: z.enum(['true', 'false']).default('true'),
  GATEWAY_TRUSTED_DOCUMENTS: nonEmpty,
  GATEWAY_TRUSTED_DOCUMENTS_ONLY: z.enum(['true', 'false']).default('false'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).optional(),
  READINESS_TOKEN_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(60_000),
  READINESS_TOKEN_RETRY_MAX_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(500)
    .max(300_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.requestTimeoutMs),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).optional(),
  // Live job events (src/notifications/, docs/subscriptions.md).
  GATEWAY_NOTIFICATION_URL: nonEmpty,
  GATEWAY_GRAPH_SUBSCRIPTIONS: z.enum(['true', 'false']).default('true'),
  GATEWAY_NOTIFICATION_CLIENT_STATE: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(128, "must be at most 128 characters (Graph's limit)")
    .optional(),
  // At most Graph's 4,230 less a margin for a clock ahead of Graph's (subscription-lifetime.ts).
  GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES: z.coerce
    .number()
    .int()
    .min(MIN_SUBSCRIPTION_MINUTES)
    .max(DEFAULT_SUBSCRIPTION_MINUTES)
    .default(DEFAULT_SUBSCRIPTION_MINUTES),
  GATEWAY_SUBSCRIPTION_RENEW_AT: z.coerce.number().min(0.1).max(0.95).default(0.75),
  GATEWAY_SUBSCRIPTION_CHECK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  GATEWAY_RECONCILE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 5_000 && ms <= 3_600_000), '0 (off) or 5000–3600000')
    .default(DEFAULT_RECONCILE_INTERVAL_MS),
  GATEWAY_NOTIFICATION_DEDUP_TTL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(86_400_000)
    .default(DEFAULT_NOTIFICATION_DEDUP_TTL_MS),
  GATEWAY_SUBSCRIPTIONS_PER_CALLER: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(DEFAULT_SUBSCRIBER_LIMITS.perCaller),
  GATEWAY_SUBSCRIPTIONS_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(DEFAULT_SUBSCRIBER_LIMITS.total),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.keepAliveTimeoutMs),
  METRICS_PORT: z
    .string()
    .trim()
    .default(String(DEFAULT_METRICS_PORT))
    .refine(
      (value) => value === 'off' || (/^\d{1,5}$/.test(value) && Number(value) <= 65_535),
      'must be a port number (0-65535) or off',
    )
    .transform((value) => (value === 'off' ? ('off' as const) : Number(value))),
  METRICS_HOST: nonEmpty,
  METRICS_MAX_OPERATION_NAMES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000)
    .default(DEFAULT_MAX_OPERATION_NAMES),
  // Per-caller limits (src/rate-limit/policy.ts parses them): `rate/burst` or `off`.
  GATEWAY_RATE_LIMIT_PERSON: nonEmpty,
  GATEWAY_RATE_LIMIT_APP: nonEmpty,
  GATEWAY_RATE_LIMIT_KEY: nonEmpty,
  GATEWAY_RATE_LIMIT_ANONYMOUS: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_PERSON: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_APP: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_KEY: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS: nonEmpty,
  GATEWAY_MAX_IN_PROGRESS_PER_CALLER: nonEmpty,
  HTTP_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.maxConnections),
  // OpenTelemetry's standard variables, those that decide whether and where spans go.
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: nonEmpty,
  OTEL_EXPORTER_OTLP_ENDPOINT: nonEmpty,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: nonEmpty,
  OTEL_EXPORTER_OTLP_PROTOCOL: nonEmpty,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: nonEmpty,
  OTEL_SERVICE_NAME: nonEmpty,
  // Shared state across replicas (src/shared-state/, docs/replicas.md).
  REDIS_URL: nonEmpty.refine(
    (url) => url === undefined || /^rediss?:\/\/[^\s]+$/.test(url),
    'must be a redis:// or rediss:// URL',
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 : _ . -')
    .default(REDIS_DEFAULTS.keyPrefix),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(10_000)
    .default(REDIS_DEFAULTS.commandTimeoutMs),
  IDEMPOTENCY_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_IDEMPOTENCY_WINDOW_SECONDS),
  IDEMPOTENCY_MAX_KEYS_PER_CALLER: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_IDEMPOTENCY_KEYS_PER_CALLER)
    .default(DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER),
  OWNERSHIP_MEMORY_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_OWNERSHIP_MEMORY.maxEntries),
});

/**
 * Browsers send `Origin` exactly as the URL's origin serializes: lower case, no default port,
 * no path, no trailing slash. Anything else would never match, so it is refused at start-up.
 */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

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
    callerAuth: callerAuth(vars, graph),
    graphTimeoutMs: vars.GRAPH_TIMEOUT_MS,
    graphMaxResponseBytes: vars.GRAPH_MAX_RESPONSE_BYTES,
    http: httpServerSettings(vars),
    shutdownGraceMs: shutdownGraceMs(vars),
    liveEvents: liveEventSettings(vars),
    metrics: {
      listen:
        vars.METRICS_PORT === 'off'
          ? null
          : { host: vars.METRICS_HOST ?? vars.HOST, port: vars.METRICS_PORT },
      maxOperationNames: vars.METRICS_MAX_OPERATION_NAMES,
    },
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
    edge: {
      corsOrigins: vars.GATEWAY_CORS_ORIGINS,
      introspection: (vars.GATEWAY_INTROSPECTION ?? String(!production)) === 'true',
    },
    sdlAuthorizationDirectives: vars.GATEWAY_SDL_AUTHORIZATION_DIRECTIVES === 'true',
    production,
    logLevel: vars.LOG_LEVEL,
  };
}

function httpServerSettings(vars: Env): HttpServerSettings {
  const requestTimeoutMs = vars.HTTP_REQUEST_TIMEOUT_MS;
  const headersTimeoutMs =
    vars.HTTP_HEADERS_TIMEOUT_MS ??
    Math.min(DEFAULT_HTTP_SERVER_SETTINGS.headersTimeoutMs, requestTimeoutMs);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS ` +
        `(${requestTimeoutMs}): the headers are part of the request`,
    );
  }
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: vars.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: vars.HTTP_MAX_CONNECTIONS,
  };
}

function liveEventSettings(vars: Env): LiveEventSettings {
  const notificationUrl = vars.GATEWAY_NOTIFICATION_URL
    ? publicNotificationUrl(vars.GATEWAY_NOTIFICATION_URL)
    : null;
  const clientState = vars.GATEWAY_NOTIFICATION_CLIENT_STATE ?? null;
  if (notificationUrl && clientState === null) {
    // Replicas behind one URL must share it, and it must survive restarts: Graph keeps sending
    // the one a subscription was created with.
    throw new ConfigError(
      'GATEWAY_NOTIFICATION_URL needs GATEWAY_NOTIFICATION_CLIENT_STATE (16–128 characters), ' +
        'the same on every replica: it is how notifications prove they come from our subscriptions',
    );
  }
  return {
    notificationUrl,
    manageSubscriptions: vars.GATEWAY_GRAPH_SUBSCRIPTIONS === 'true',
    clientState,
    subscriptionLifetimeMs: vars.GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES * 60_000,
    renewAtFraction: vars.GATEWAY_SUBSCRIPTION_RENEW_AT,
    subscriptionCheckMs: vars.GATEWAY_SUBSCRIPTION_CHECK_MS,
    reconcileIntervalMs: vars.GATEWAY_RECONCILE_INTERVAL_MS,
    dedupTtlMs: vars.GATEWAY_NOTIFICATION_DEDUP_TTL_MS,
    subscribersPerCaller: vars.GATEWAY_SUBSCRIPTIONS_PER_CALLER,
    subscribersMax: vars.GATEWAY_SUBSCRIPTIONS_MAX,
  };
}

/** Graph posts only to https; plain http is accepted on loopback (the emulator). */
function publicNotificationUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`GATEWAY_NOTIFICATION_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      `GATEWAY_NOTIFICATION_URL must use https (plain http only on loopback): ${raw}`,
    );
  }
  if (!url.pathname.endsWith('/graph/notifications') || url.search || url.hash || url.username) {
    throw new ConfigError(
      "GATEWAY_NOTIFICATION_URL is the public URL of this gateway's /graph/notifications, " +
        `with no query or credentials: ${raw}`,
    );
  }
  return url.href;
}

/** Each variable falls back to its caller kind's default; `off` turns that limit off. */
function rateLimitPolicy(vars: Env): RateLimitPolicy {
  const parsed = <T>(name: keyof Env, parse: (raw: string) => T, fallback: T): T => {
    const raw = vars[name];
    if (typeof raw !== 'string') return fallback;
    try {
      return parse(raw);
    } catch (error) {
      throw new ConfigError(`${name}: ${(error as Error).message}`);
    }
  };
  const rates = DEFAULT_RATE_LIMIT_POLICY.rates;
  const calls = DEFAULT_GRAPH_CALL_LIMITS;
  return {
    rates: {
      person: parsed('GATEWAY_RATE_LIMIT_PERSON', parseBucketLimit, rates.person),
      app: parsed('GATEWAY_RATE_LIMIT_APP', parseBucketLimit, rates.app),
      'service-key': parsed('GATEWAY_RATE_LIMIT_KEY', parseBucketLimit, rates['service-key']),
      anonymous: parsed('GATEWAY_RATE_LIMIT_ANONYMOUS', parseBucketLimit, rates.anonymous),
    },
    graphCalls: {
      person: parsed('GATEWAY_GRAPH_CALL_LIMIT_PERSON', parseGraphCallLimit, calls.person),
      app: parsed('GATEWAY_GRAPH_CALL_LIMIT_APP', parseGraphCallLimit, calls.app),
      'service-key': parsed(
        'GATEWAY_GRAPH_CALL_LIMIT_KEY',
        parseGraphCallLimit,
        calls['service-key'],
      ),
      anonymous: parsed('GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS', parseGraphCallLimit, calls.anonymous),
    },
    maxInProgressPerCaller: parsed(
      'GATEWAY_MAX_IN_PROGRESS_PER_CALLER',
      parseMaxInProgress,
      DEFAULT_RATE_LIMIT_POLICY.maxInProgressPerCaller,
    ),
  };
}

/**
 * Tracing is on when an OTLP endpoint is configured and neither OTEL_SDK_DISABLED=true nor
 * OTEL_TRACES_EXPORTER=none says otherwise. Only the OTLP/HTTP exporters are installed, so
 * `grpc` (or another exporter) is refused rather than silently not exporting.
 */
function tracingSettings(vars: Env): TracingSettings | null {
  const exporter = vars.OTEL_TRACES_EXPORTER?.toLowerCase() ?? 'otlp';
  if (exporter !== 'otlp' && exporter !== 'none') {
    throw new ConfigError(
      `OTEL_TRACES_EXPORTER must be otlp or none; "${vars.OTEL_TRACES_EXPORTER}" is not installed`,
    );
  }
  const disabled = vars.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || exporter === 'none';
  const signal = vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = vars.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (disabled || (!signal && !base)) return null;
  const tracesEndpoint = signal
    ? otlpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', signal)
    : // The spec: the base endpoint gets the signal's path appended.
      `${otlpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base as string).replace(/\/+$/, '')}/v1/traces`;
  const [protocolName, protocol] = vars.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', vars.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL]
    : ['OTEL_EXPORTER_OTLP_PROTOCOL', vars.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf'];
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new ConfigError(
      `${protocolName} must be http/protobuf or http/json (the OTLP/HTTP exporters this gateway ` +
        `ships); "${protocol}" is not supported`,
    );
  }
  return { tracesEndpoint, protocol, serviceName: vars.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME };
}

function otlpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http or https URL: ${raw}`);
  }
  return url.href;
}

function trustedDocuments(vars: Env): Config['trustedDocuments'] {
  const only = vars.GATEWAY_TRUSTED_DOCUMENTS_ONLY === 'true';
  if (!vars.GATEWAY_TRUSTED_DOCUMENTS) {
    if (only) {
      throw new ConfigError(
        'GATEWAY_TRUSTED_DOCUMENTS_ONLY=true needs GATEWAY_TRUSTED_DOCUMENTS, the manifest of ' +
          'the documents people may send (e.g. clients/release-app/__generated__/persisted-documents.json)',
      );
    }
    return null;
  }
  return { path: vars.GATEWAY_TRUSTED_DOCUMENTS, only };
}

/** Redis only when REDIS_URL is set: without it the process keeps its state to itself. */
function redisSettings(vars: Env): RedisSettings | null {
  if (!vars.REDIS_URL) return null;
  let url: URL;
  try {
    url = new URL(vars.REDIS_URL);
  } catch {
    throw new ConfigError('REDIS_URL is not a URL: expected redis://host:port or rediss://...');
  }
  if (url.search || url.hash) {
    throw new ConfigError('REDIS_URL must not carry a query or a fragment');
  }
  return {
    url: vars.REDIS_URL,
    keyPrefix: vars.REDIS_KEY_PREFIX,
    commandTimeoutMs: vars.REDIS_COMMAND_TIMEOUT_MS,
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

// ---------------------------------------------------------------------------------------------
// Who may call the gateway (src/auth/): service keys, Entra ID tokens, or anonymous callers.

/** Who may call the gateway. */
export interface CallerAuth {
  /** `GATEWAY_API_KEYS`, parsed (src/auth/service-keys.ts has the format). */
  serviceKeys: ServiceKey[];
  /**
   * Entra ID access tokens: validated against a real authority, against the embedded emulator's
   * Entra (whose URL exists only once it listens), or not accepted at all.
   */
  entra: ({ kind: 'authority' } & EntraSettings) | { kind: 'embedded-emulator' } | null;
  /** Requests without credentials are served as the anonymous caller. */
  allowAnonymous: boolean;
}

export interface EntraSettings {
  authorityHost: string;
  tenantIds: string[];
  audiences: string[];
}

const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function callerAuth(vars: Env, graph: GraphTarget): CallerAuth {
  let serviceKeys: ServiceKey[];
  try {
    serviceKeys = parseServiceKeys(vars.GATEWAY_API_KEYS);
  } catch (error) {
    throw new ConfigError(`GATEWAY_API_KEYS: ${(error as Error).message}`);
  }
  const entra: CallerAuth['entra'] =
    graph.kind === 'emulator' ? { kind: 'embedded-emulator' } : entraAuthority(vars);
  const nothingConfigured = serviceKeys.length === 0 && entra === null;
  // Only an explicit `true` lets callers in without credentials, in development too: a gateway
  // that is open by default stays open when it is deployed by mistake. On the embedded emulator
  // callers sign in with the emulator's Entra, and GraphiQL opens signed in (src/dev/).
  const allowAnonymous = vars.GATEWAY_ALLOW_ANONYMOUS === 'true';
  if (nothingConfigured && !allowAnonymous) {
    throw new ConfigError(
      'The gateway acts with its own Graph credentials, so it must decide who calls it: set ' +
        'AZURE_TENANT_ID (or GATEWAY_AUTH_TENANT_IDS) to accept Entra ID tokens, or ' +
        'GATEWAY_API_KEYS, or GATEWAY_ALLOW_ANONYMOUS=true when something in front of it ' +
        'already authenticates callers',
    );
  }
  return { serviceKeys, entra, allowAnonymous };
}

/** Entra validation against a real authority; on by default when the gateway knows its tenant. */
function entraAuthority(vars: Env): CallerAuth['entra'] {
  const tenantIds = list(vars.GATEWAY_AUTH_TENANT_IDS ?? vars.AZURE_TENANT_ID);
  if (tenantIds.length === 0) return null;
  const notGuid = tenantIds.find((id) => !GUID.test(id));
  if (notGuid) {
    throw new ConfigError(
      `GATEWAY_AUTH_TENANT_IDS (default: AZURE_TENANT_ID) needs tenant GUIDs, the "tid" in ` +
        `tokens; "${notGuid}" is not one`,
    );
  }
  const clientId = vars.AZURE_CLIENT_ID;
  const audiences = vars.GATEWAY_AUTH_AUDIENCE
    ? list(vars.GATEWAY_AUTH_AUDIENCE)
    : clientId
      ? [clientId, `api://${clientId}`]
      : [];
  if (audiences.length === 0) {
    throw new ConfigError(
      'Entra ID tokens are accepted (a tenant is set) but for which API? Set ' +
        'GATEWAY_AUTH_AUDIENCE (or AZURE_CLIENT_ID)',
    );
  }
  const graphAudience = audiences.find((aud) => GRAPH_AUDIENCES.includes(aud.toLowerCase()));
  if (graphAudience) {
    throw new ConfigError(
      `GATEWAY_AUTH_AUDIENCE must be this gateway's API, never Microsoft Graph (${graphAudience})`,
    );
  }
  return {
    kind: 'authority',
    authorityHost: authorityHost(vars.AZURE_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST),
    tenantIds: tenantIds.map((id) => id.toLowerCase()),
    audiences,
  };
}

/** The Entra authority origin. Plain `http` only on loopback, as for GRAPH_BASE_URL. */
export function authorityHost(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`AZURE_AUTHORITY_HOST is not a URL: ${raw}`);
  }
  if (url.search || url.hash || url.username || url.password || url.pathname !== '/') {
    throw new ConfigError(
      'AZURE_AUTHORITY_HOST is an origin only, e.g. https://login.microsoftonline.us',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      `AZURE_AUTHORITY_HOST must use https (plain http only on loopback, for the emulator): ${raw}`,
    );
  }
  return url.origin;
}
