/**
 * The graceful shutdown, in order (docs/operations.md describes it for operators):
 *
 * 1. readiness turns false and the HTTP server drains: every answer from now on says
 *    `Connection: close`, new requests on open connections get 503 `SHUTTING_DOWN`;
 * 2. Graph drains: whatever has not left yet (queued behind the in-flight cap, waiting out a
 *    throttle window or a retry backoff) is refused as `not-sent`, so a write known not to be
 *    applied is answered as such, and nothing new is sent;
 * 3. the listener closes and idle keep-alive connections with it;
 * 4. once every connection has ended (each request that reached Graph has been answered), the
 *    Graph connection (the embedded emulator) closes: exit code 0;
 * 5. if the grace period ends first, what is still open is logged as abandoned: exit code 1.
 */
import type { Upstream } from '../graph/upstream.js';
import type { Logger } from '../logger.js';
import type { Readiness } from './readiness.js';
import type { GatewayHttpServer } from './server.js';

export interface ShutdownDependencies {
  http: GatewayHttpServer;
  upstream: Upstream;
  readiness: Readiness;
  /** Closes what Graph is (the embedded emulator), after the last answer. */
  closeGraph(): Promise<void>;
  /** How long in-flight requests may take to finish; see `SHUTDOWN_GRACE_MS`. */
  graceMs: number;
  logger: Logger;
}

/** Drains and closes everything; resolves with the exit code. Never rejects. */
export async function shutDown({
  http,
  upstream,
  readiness,
  closeGraph,
  graceMs,
  logger,
}: ShutdownDependencies): Promise<number> {
  readiness.markDraining();
  http.beginDrain();
  upstream.drain();
  const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
  http.server.closeIdleConnections();

  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), expired]);
  clearTimeout(timer);

  let exitCode = 0;
  if (outcome === 'expired') {
    logger.error('Shutdown grace period ended: abandoning unfinished work', {
      code: 'SHUTDOWN_GRACE_EXPIRED',
      graceMs,
      unansweredRequests: http.activeRequests,
      graphRequestsInFlight: upstream.inFlight,
    });
    http.server.closeAllConnections();
    exitCode = 1;
  }
  try {
    await closeGraph();
  } catch (error) {
    logger.error('Closing the Graph connection failed', { error: String(error) });
    exitCode = 1;
  }
  if (exitCode === 0) logger.info('Shut down cleanly: every request was answered');
  return exitCode;
}
