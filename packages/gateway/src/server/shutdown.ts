/**
 * The graceful shutdown, in order (docs/operations.md describes it for operators):
 *
 * 0. background work stops (Graph subscription renewal, reconciliation) and open GraphQL
 *    subscriptions end, so their long-lived streams do not hold the drain up;
 * 1. readiness turns false and the HTTP server drains: every answer from now on says
 *    `Connection: close`, new requests get 503 `SHUTTING_DOWN` without reaching the app, and
 *    WebSocket connections are closed 1001 `SHUTTING_DOWN`.
 *    The listener stays open meanwhile, so a client that reconnects gets that explicit answer
 *    rather than a refused connection while load balancers catch up with readiness;
 * 2. Graph drains: whatever has not left yet (queued behind the in-flight cap, waiting out a
 *    throttle window or a retry backoff) is refused as `shutting-down`, so a write known not to be
 *    applied is answered as such, and nothing new is sent;
 * 3. idle keep-alive connections are closed;
 * 4. once every request that was in progress has been answered, the listener closes, the
 *    connections get a moment to close themselves, the rest are closed (none of them has a
 *    request in progress), then the metrics listener and the Graph connection (the embedded
 *    emulator): exit code 0;
 * 5. if the grace period ends first, what is still unanswered is logged as abandoned: exit 1.
 */

import type { Upstream } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { Readiness } from './readiness.js';
import type { GatewayHttpServer } from './server.js';

export interface ShutdownDependencies {
  http: GatewayHttpServer;
  upstream: Upstream;
  readiness: Readiness;
  /** Closes what Graph is (the embedded emulator), after the last answer. */
  closeGraph(): Promise<void>;
  /** Stops timers and ends live subscriptions (src/graph-notifications/live-runtime.ts). */
  stopBackground?(): Promise<void>;
  /** Closes the metrics listener, after the last answer: a scrape can watch the drain. */
  closeMetrics?(): Promise<void>;
  /** How long in-flight requests may take to finish; see `SHUTDOWN_GRACE_MS`. */
  graceMs: number;
  logger: Logger;
}

/**
 * How long connections may take to close themselves once no request is in progress: answers
 * say `Connection: close`, so Node ends each socket after its last byte. Destroying them at once
 * could reset a connection whose answer the client has not read yet.
 */
const CONNECTION_CLOSE_WAIT_MS = 1_000;

async function closeConnections({ server }: GatewayHttpServer): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise<void>((resolve) => server.close(() => resolve())),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CONNECTION_CLOSE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  // Whatever is left holds no request of ours: a client's idle socket, a refusal being written.
  server.closeAllConnections();
}

/** Drains and closes everything; resolves with the exit code. Never rejects. */
export async function shutDown({
  http,
  upstream,
  readiness,
  closeGraph,
  stopBackground,
  closeMetrics = async () => {},
  graceMs,
  logger,
}: ShutdownDependencies): Promise<number> {
  // Not awaited here: a pass in progress may wait on Graph, and draining must not wait for it.
  const stopped = Promise.resolve(stopBackground?.()).catch((error: unknown) =>
    logger.error({ error: String(error) }, 'Stopping background work failed'),
  );
  readiness.markDraining();
  http.beginDrain();
  upstream.drain();
  http.server.closeIdleConnections();

  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  const outcome = await Promise.race([http.whenIdle().then(() => 'drained' as const), expired]);
  clearTimeout(timer);

  let exitCode = 0;
  if (outcome === 'expired') {
    logger.error(
      {
        code: 'SHUTDOWN_GRACE_EXPIRED',
        graceMs,
        unansweredRequests: http.activeRequests,
        graphRequestsInFlight: upstream.inFlight,
      },
      'Shutdown grace period ended: abandoning unfinished work',
    );
    exitCode = 1;
  }
  await stopped;
  await closeConnections(http);
  await closeMetrics();
  try {
    await closeGraph();
  } catch (error) {
    logger.error({ error: String(error) }, 'Closing the Graph connection failed');
    exitCode = 1;
  }
  if (exitCode === 0) logger.info('Shut down cleanly: every request was answered');
  return exitCode;
}
