/**
 * Why one HTTP attempt to Graph got no answer, as the `GraphTransportError` callers see, whichever
 * link sent it (the pooled one, or `fetch` behind TimeoutHandler in tests): keeping apart the one
 * case where the request certainly never reached Graph (refused).
 */
import { GraphTransportError } from '../call.js';

export function attemptFailure(
  error: unknown,
  /** The attempt's time limit or the request's deadline ended it. */
  timedOut: boolean,
  timeoutMs: number,
): GraphTransportError {
  if (error instanceof GraphTransportError) return error;
  if (timedOut) {
    return new GraphTransportError(
      'timeout',
      `Microsoft Graph did not answer within ${timeoutMs} ms`,
    );
  }
  // undici puts the socket's code on its error; fetch wraps that error as its `cause`.
  const failure = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (failure?.code === 'ECONNREFUSED' || failure?.cause?.code === 'ECONNREFUSED') {
    return new GraphTransportError('refused', 'Microsoft Graph refused the connection');
  }
  // The local error's text (addresses, host names, library internals) is not for clients; the
  // message of a transport error reaches them.
  return new GraphTransportError('network', 'The connection to Microsoft Graph failed');
}
