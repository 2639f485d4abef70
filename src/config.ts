/**
 * Environment → typed, validated configuration, read once. Nothing else reads `process.env`.
 * Every variable is documented in the README's table; keep the two in step.
 */
import { z } from 'zod';
import { DEFAULT_RETRY_OPTIONS } from './graph/retry-policy.js';
import type { GraphServiceOptions } from './graph/service.js';
import { DEFAULT_HTTP_SERVER_SETTINGS, type HttpServerSettings } from './http/settings.js';

export type GraphCredentials =
  | { kind: 'static-token'; token: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string };

export type GraphTarget =
  /** Start the embedded Universal Print emulator and point the gateway at it. */
  | { kind: 'emulator'; emulatorPort: number }
  | { kind: 'graph'; baseUrl: string; credentials: GraphCredentials; authorityHost?: string };

/** Who may call the gateway: see caller-auth.ts. */
export type CallerAuth = { kind: 'api-keys'; keys: string[] } | { kind: 'anonymous' };

export interface Config {
  host: string;
  port: number;
  callerAuth: CallerAuth;
  graph: GraphTarget;
  /** Per-attempt timeout of one upstream HTTP request. */
  graphTimeoutMs: number;
  /** How calls to Graph are batched, retried and throttled. */
  graphService: GraphServiceOptions;
  /** Limits of the HTTP server: timeouts and the connection cap. */
  http: HttpServerSettings;
  /** How long a shutdown waits for requests in flight before it abandons them. */
  shutdownGraceMs: number;
  production: boolean;
}

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
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(4000),
  EMULATOR_PORT: port(4010),
  GRAPH_BASE_URL: nonEmpty,
  GRAPH_ACCESS_TOKEN: nonEmpty,
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GRAPH_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  GRAPH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  GRAPH_MAX_THROTTLED_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
  GRAPH_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(16),
  GRAPH_SHARED_THROTTLE: z.enum(['true', 'false']).default('true'),
  GRAPH_BATCHING: z.enum(['true', 'false']).default('true'),
  AZURE_TENANT_ID: nonEmpty,
  AZURE_CLIENT_ID: nonEmpty,
  AZURE_CLIENT_SECRET: nonEmpty,
  AZURE_CLIENT_CERTIFICATE_PATH: nonEmpty,
  AZURE_AUTHORITY_HOST: nonEmpty,
  GATEWAY_API_KEYS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(16, 'each key needs at least 16 characters'))),
  GATEWAY_ALLOW_ANONYMOUS: z.enum(['true', 'false']).default('false'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).optional(),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(500)
    .max(300_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.requestTimeoutMs),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).optional(),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.keepAliveTimeoutMs),
  HTTP_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(DEFAULT_HTTP_SERVER_SETTINGS.maxConnections),
});

type Env = z.infer<typeof env>;

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
  return {
    host: vars.HOST,
    port: vars.PORT,
    graph: graphTarget(vars, production),
    callerAuth: callerAuth(vars, production),
    graphTimeoutMs: vars.GRAPH_TIMEOUT_MS,
    http: httpServerSettings(vars),
    shutdownGraceMs: shutdownGraceMs(vars),
    graphService: {
      deadlineMs: vars.GRAPH_DEADLINE_MS,
      retry: {
        ...DEFAULT_RETRY_OPTIONS,
        maxAttempts: vars.GRAPH_MAX_ATTEMPTS,
        maxThrottledAttempts: vars.GRAPH_MAX_THROTTLED_ATTEMPTS,
      },
      maxInFlight: vars.GRAPH_MAX_IN_FLIGHT,
      sharedThrottle: vars.GRAPH_SHARED_THROTTLE === 'true',
      batching: vars.GRAPH_BATCHING === 'true',
    },
    production,
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

function callerAuth(vars: Env, production: boolean): CallerAuth {
  if (vars.GATEWAY_API_KEYS.length > 0) return { kind: 'api-keys', keys: vars.GATEWAY_API_KEYS };
  if (production && vars.GATEWAY_ALLOW_ANONYMOUS !== 'true') {
    throw new ConfigError(
      'NODE_ENV=production needs GATEWAY_API_KEYS (the gateway acts with its own Graph ' +
        'credentials, so it must decide who calls it), or GATEWAY_ALLOW_ANONYMOUS=true when ' +
        'something in front of it already does',
    );
  }
  return { kind: 'anonymous' };
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
