/**
 * The HTTP server's limits, set deliberately rather than left to Node's defaults (a 300 s request
 * timeout and no connection cap let slow clients hold sockets until file descriptors run out).
 * Read from the environment by this module's piece, which config.ts composes; documented in the
 * README's configuration table.
 */
import { z } from 'zod';
import { ConfigError, type EnvOf } from '../settings/env.js';

export interface HttpServerSettings {
  /** Time to receive a whole request, headers and body; past it Node answers 408 and closes. */
  requestTimeoutMs: number;
  /** Time to receive the request headers; at most `requestTimeoutMs`. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; connections beyond it are closed as soon as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_HTTP_SERVER_SETTINGS: HttpServerSettings = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_024,
};

/**
 * How often Node looks for requests past their timeouts. Node's default, 30 s, would let a slow
 * client keep its socket for up to 30 s beyond the request timeout.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * Largest request head Node accepts (431 beyond it). Node's default, pinned so that a Node
 * upgrade or a `--max-http-header-size` flag does not change it: a bearer key and a GraphQL
 * request's headers need a fraction of it.
 */
export const MAX_HEADER_BYTES = 16_384;

export const HTTP_SERVER_ENV = {
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
};

type HttpServerEnv = EnvOf<typeof HTTP_SERVER_ENV>;

export function httpServerSettings(vars: HttpServerEnv): HttpServerSettings {
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
