/**
 * The metrics listener (`METRICS_PORT`): `GET /metrics` in Prometheus' text format, without
 * credentials, and nothing else. Kept apart from the gateway's port so that a scraper needs no
 * caller key and the metrics can be reachable on an internal interface only. It reads nothing
 * but the registry, accepts no body and keeps the same timeouts as the main server, with a
 * small connection cap: scrapers are few.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { isValidHostHeader } from '../server/host-header.js';
import { sendJsonError } from '../server/json-response.js';
import { type HttpServerSettings, TIMEOUT_CHECK_INTERVAL_MS } from '../server/settings.js';

export const METRICS_PATH = '/metrics';
/** Scrapers at once: Prometheus replicas and an operator's curl. */
export const METRICS_MAX_CONNECTIONS = 16;
/** A scrape's request head is a few hundred bytes. */
export const METRICS_MAX_HEADER_BYTES = 8_192;

export interface MetricsServer {
  readonly server: Server;
  /** Stops listening and closes every connection: metrics have nothing to drain. */
  close(): Promise<void>;
}

export function createMetricsServer(
  registry: Registry,
  settings: HttpServerSettings,
): MetricsServer {
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    // A body is never read: discard it so that the connection can be reused or closed cleanly.
    request.resume();
    if (!isValidHostHeader(request.headers.host)) {
      sendJsonError(response, 400, 'BAD_REQUEST_HOST', 'The Host header is not a valid host');
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path !== METRICS_PATH) {
      sendJsonError(response, 404, 'NOT_FOUND', `This listener serves ${METRICS_PATH} only`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJsonError(response, 405, 'METHOD_NOT_ALLOWED', `${METRICS_PATH} answers GET only`);
      return;
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      () => sendJsonError(response, 500, 'METRICS_FAILED', 'Collecting the metrics failed'),
    );
  };
  const server = createServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      maxHeaderSize: METRICS_MAX_HEADER_BYTES,
    },
    handle,
  );
  server.maxConnections = Math.min(settings.maxConnections, METRICS_MAX_CONNECTIONS);
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
