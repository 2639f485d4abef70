/**
 * The one place the Graph SDK client is built, with an explicit middleware chain:
 * bearer token (for the configured origin only) → client-request-id → the watching links the
 * caller passes (the gateway's tracing; they only read) → HTTP on a pool of keep-alive
 * connections, which also bounds each attempt in time and size.
 * Tests replace the last link to see the exact requests the SDK sends; a `fetch`-style
 * per-attempt timeout then goes before their link.
 */
import {
  type AuthenticationProvider,
  Client,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { DEFAULT_MAX_RESPONSE_BYTES } from './bounded-body.js';
import { BearerTokenHandler, ClientRequestIdHandler, TimeoutHandler } from './middleware.js';
import { PooledHttpLink } from './pooled-http-link.js';
import { type GraphTransport, SdkGraphTransport } from './transport.js';
import { DEFAULT_UPSTREAM_OPTIONS } from './upstream.js';

export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /** Graph root without version, e.g. `https://graph.microsoft.com` or the emulator's origin. */
  baseUrl: string;
  auth: AuthenticationProvider;
  timeoutMs: number;
  /** The link that performs HTTP; the pooled one unless a test supplies its own. */
  httpHandler?: Middleware;
  /** The most the gateway reads of one answer from Graph. @default 8 MiB */
  maxResponseBytes?: number;
  /** Keep-alive connections to Graph: the upstream's in-flight cap. @default its default, 16 */
  maxConnections?: number;
  /**
   * Links that watch each HTTP request (the gateway's tracing, src/telemetry/graph-http-link.ts),
   * after the `client-request-id` is set and before HTTP. They must only read and pass on.
   * @default none
   */
  watchingLinks?: readonly Middleware[];
}

export function createGraphClient(options: GraphClientOptions): Client {
  const chain: Middleware[] = [
    new BearerTokenHandler(options.auth, new URL(options.baseUrl).origin),
    new ClientRequestIdHandler(),
    ...(options.watchingLinks ?? []),
    ...(options.httpHandler
      ? [new TimeoutHandler(options.timeoutMs), options.httpHandler]
      : [
          new PooledHttpLink({
            origin: options.baseUrl,
            timeoutMs: options.timeoutMs,
            maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
            connections: options.maxConnections ?? DEFAULT_UPSTREAM_OPTIONS.maxInFlight,
          }),
        ]),
  ];
  chain.reduce((link, next) => {
    link.setNext?.(next);
    return next;
  });
  return Client.initWithMiddleware({
    middleware: chain[0] as Middleware,
    baseUrl: `${options.baseUrl}/`,
    defaultVersion: GRAPH_VERSION,
  });
}

export function createGraphTransport(options: GraphClientOptions): GraphTransport {
  return new SdkGraphTransport(
    createGraphClient(options),
    versionRootOf(options.baseUrl),
    options.maxResponseBytes,
  );
}

/** `https://graph.microsoft.com` → `https://graph.microsoft.com/v1.0`, as the SDK joins them. */
export function versionRootOf(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${GRAPH_VERSION}`;
}
