/**
 * The gateway's HTTP server: Node's `http.Server` with deliberate limits (settings.ts), and in
 * front of the GraphQL app what only the HTTP layer can decide: a malformed `Host`, /ready, and
 * refusing new work once shutdown has begun.
 */
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Logger } from 'pino';
import { withRequestLogging } from '../logging/access-log.js';
import { silentLogger } from '../logging/logger.js';
import { inRequestSpan } from '../telemetry/request-span.js';
import { isValidHostHeader } from './host-header.js';
import { sendJson, sendJsonError } from './json-response.js';
import { PROBE_PATHS, READINESS_PATH, type Readiness, readinessAnswer } from './readiness.js';
import {
  type HttpServerSettings,
  MAX_HEADER_BYTES,
  TIMEOUT_CHECK_INTERVAL_MS,
} from './settings.js';
import { WEBSOCKET_CLOSE, type WebSocketSubscriptions } from './websocket-subscriptions.js';
import { acceptWebSockets, type WebSocketEndpoint } from './websocket-upgrade.js';

export interface GatewayHttpServer {
  readonly server: Server;
  /** Requests received and not yet answered (probes and refusals not counted). */
  readonly activeRequests: number;
  /** Resolves once no request is left unanswered. */
  whenIdle(): Promise<void>;
  /**
   * Shutdown has begun: from now on every answer says `Connection: close` (answers already
   * being prepared included), new requests other than probes are refused with 503, and
   * WebSocket connections are closed 1001 (their subscriptions end).
   */
  beginDrain(): void;
  /** GraphQL over WebSocket, when the server was given an endpoint. */
  readonly webSockets: WebSocketSubscriptions | undefined;
}

export interface HttpServerDependencies {
  /** The GraphQL app (Yoga is a Node request listener). */
  app: RequestListener;
  readiness: Readiness;
  settings: HttpServerSettings;
  /** Where the access line of each request goes (src/logging/); none by default. */
  logger?: Logger;
  /** GraphQL over WebSocket on the GraphQL path (src/server/websocket-subscriptions.ts); none by default. */
  webSockets?: WebSocketEndpoint;
}

/**
 * Answers without the app. The body is read and discarded: closing a connection with unread
 * request bytes would reset it, and the client might lose the answer.
 */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  request.resume();
  sendJsonError(response, status, code, message);
}

export function createHttpServer({
  app,
  readiness,
  settings,
  logger = silentLogger,
  webSockets,
}: HttpServerDependencies): GatewayHttpServer {
  const active = new Set<ServerResponse>();
  let idleWaiters: Array<() => void> = [];
  let draining = false;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (!isValidHostHeader(request.headers.host)) {
      refuse(request, response, 400, 'BAD_REQUEST_HOST', 'The Host header is not a valid host');
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (draining && !PROBE_PATHS.has(path)) {
      refuse(
        request,
        response,
        503,
        'SHUTTING_DOWN',
        'This gateway instance is shutting down and takes no new requests: retry on another',
      );
      return;
    }
    if (draining) response.setHeader('connection', 'close');
    if (path === READINESS_PATH && request.method === 'GET') {
      const { status, body } = readinessAnswer(readiness);
      sendJson(response, status, body, { close: draining });
      return;
    }
    active.add(response);
    response.on('close', () => {
      active.delete(response);
      if (active.size > 0) return;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    });
    inRequestSpan(request, response, path, () => app(request, response));
  };

  const server = createServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    withRequestLogging(logger, handle, PROBE_PATHS),
  );
  server.maxConnections = settings.maxConnections;
  const sockets = webSockets
    ? acceptWebSockets(server, webSockets, () => draining, logger)
    : undefined;

  return {
    server,
    webSockets: sockets,
    get activeRequests() {
      return active.size;
    },
    whenIdle() {
      if (active.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    beginDrain() {
      draining = true;
      for (const response of active) {
        if (!response.headersSent) response.setHeader('connection', 'close');
      }
      sockets?.closeAll(WEBSOCKET_CLOSE.shuttingDown, 'SHUTTING_DOWN');
    },
  };
}
