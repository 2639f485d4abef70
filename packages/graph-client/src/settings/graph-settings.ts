/**
 * The Graph client's settings: the parsed environment (graph-env.ts) turned into the options the
 * client is built with. The gateway's config.ts calls these and hands the results down.
 */
import type { TokenCheckOptions } from '../credentials/token-check.js';
import { DEFAULT_RETRY_OPTIONS } from '../http/retry-policy.js';
import type { GraphServiceOptions } from '../service.js';
import { type GraphEndpoint, graphEndpoint } from './endpoint.js';
import type { GraphEnv, TokenCheckEnv } from './graph-env.js';

export interface GraphSettings {
  /** Which Graph and with which credentials; null: none set (see graphEndpoint). */
  endpoint: GraphEndpoint | null;
  /** Per-attempt timeout of one upstream HTTP request. */
  timeoutMs: number;
  /** The most the client reads of one answer from Graph. */
  maxResponseBytes: number;
  /** How calls to Graph are batched, retried and throttled. */
  service: GraphServiceOptions;
}

/** @throws GraphSettingsError when the variables contradict each other or name no usable Graph */
export function graphSettings(vars: GraphEnv): GraphSettings {
  return {
    endpoint: graphEndpoint(vars),
    timeoutMs: vars.GRAPH_TIMEOUT_MS,
    maxResponseBytes: vars.GRAPH_MAX_RESPONSE_BYTES,
    service: {
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
  };
}

export function tokenCheckSettings(vars: TokenCheckEnv): TokenCheckOptions {
  return {
    intervalMs: vars.READINESS_TOKEN_CHECK_INTERVAL_MS,
    retryMaxMs: vars.READINESS_TOKEN_RETRY_MAX_MS,
  };
}
