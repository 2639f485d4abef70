/**
 * The one place the Graph SDK client is built, with an explicit middleware chain:
 * bearer token (for the configured origin only) → client-request-id → tracing (reads only) →
 * per-attempt timeout → HTTP. Tests replace the last link to see the exact requests the SDK sends.
 */
import {
  type AuthenticationProvider,
  Client,
  HTTPMessageHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TracingLink } from '../telemetry/graph-http-link.js';
import { BearerTokenHandler, ClientRequestIdHandler, TimeoutHandler } from './middleware.js';
import { type GraphTransport, SdkGraphTransport } from './transport.js';

export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /** Graph root without version, e.g. `https://graph.microsoft.com` or the emulator's origin. */
  baseUrl: string;
  auth: AuthenticationProvider;
  timeoutMs: number;
  /** The link that performs HTTP; the SDK's fetch-based handler unless a test supplies one. */
  httpHandler?: Middleware;
  /** The most the gateway reads of one answer from Graph. @default 8 MiB */
  maxResponseBytes?: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const chain: Middleware[] = [
    new BearerTokenHandler(options.auth, new URL(options.baseUrl).origin),
    new ClientRequestIdHandler(),
    new TracingLink(),
    new TimeoutHandler(options.timeoutMs),
    options.httpHandler ?? new HTTPMessageHandler(),
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
