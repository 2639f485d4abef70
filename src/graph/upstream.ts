/**
 * The process's one connection to Graph, shared by every GraphQL request: each exchange (one
 * direct call, or one `$batch` envelope) first waits out an open throttle window and takes an
 * in-flight slot, is counted, and any `Retry-After` in its answers closes the window for all.
 */
import { type GraphCall, type GraphReply, GraphTransportError } from './call.js';
import { type Deadline, sleep } from './deadline.js';
import { UpstreamMetrics } from './metrics.js';
import { retryAfterMs } from './retry-policy.js';
import { InFlightLimit, ThrottleGate } from './throttle.js';
import type { GraphTransport } from './transport.js';

export interface UpstreamOptions {
  /** Upstream HTTP requests in flight at once, process-wide. @default 16 */
  maxInFlight: number;
  /** Let one call's `Retry-After` hold back every new call of the process. @default true */
  sharedThrottle: boolean;
}

export const DEFAULT_UPSTREAM_OPTIONS: UpstreamOptions = { maxInFlight: 16, sharedThrottle: true };

type Outcome = GraphReply | GraphTransportError;

export class Upstream {
  readonly metrics = new UpstreamMetrics();
  private readonly gate: ThrottleGate;
  private readonly limit: InFlightLimit;

  constructor(
    private readonly transport: GraphTransport,
    options: UpstreamOptions = DEFAULT_UPSTREAM_OPTIONS,
  ) {
    this.gate = new ThrottleGate(options.sharedThrottle);
    this.limit = new InFlightLimit(options.maxInFlight);
  }

  /** One HTTP request for up to 20 calls; one outcome per call, in order. Never rejects. */
  async exchange(calls: readonly GraphCall[], deadline: Deadline): Promise<Outcome[]> {
    const closedMs = this.gate.remainingMs();
    if (closedMs > 0) {
      if (!deadline.allowsWait(closedMs)) return calls.map(() => throttledLocally(closedMs));
      this.metrics.waitedForThrottle(closedMs);
      await sleep(closedMs, deadline.signal);
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.limit.run(() => this.send(calls, deadline.signal), deadline.signal);
    } catch (error) {
      if (!deadline.signal.aborted) throw error;
      const notSent = new GraphTransportError(
        'not-sent',
        'The request ran out of time waiting for a free connection to Microsoft Graph',
      );
      return calls.map(() => notSent);
    }
    for (const outcome of outcomes) {
      const waitMs = retryAfterMs(outcome);
      if (waitMs !== null) this.gate.close(waitMs / 1000);
    }
    return outcomes;
  }

  private async send(calls: readonly GraphCall[], signal: AbortSignal): Promise<Outcome[]> {
    try {
      if (calls.length === 1) {
        this.metrics.direct();
        return [await this.transport.send(calls[0] as GraphCall, signal)];
      }
      this.metrics.envelope(calls.length);
      return await this.transport.sendBatch(calls, signal);
    } catch (error) {
      if (error instanceof GraphTransportError) return calls.map(() => error);
      throw error;
    }
  }
}

/**
 * Graph throttled this process moments ago and the window outlasts the request's deadline:
 * answer as Graph would, without sending anything.
 */
function throttledLocally(waitMs: number): GraphReply {
  return {
    status: 429,
    headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) },
    body: {
      error: { code: 'TooManyRequests', message: 'Throttled by Microsoft Graph moments ago' },
    },
  };
}
