/**
 * The process's one connection to Graph, shared by every GraphQL request: each exchange (one
 * direct call, or one `$batch` envelope) first waits out an open throttle window and takes an
 * in-flight slot, is counted, and any `Retry-After` in its answers closes the window for all.
 * On shutdown `drain()` stops anything new from reaching Graph. What it does is told to the
 * observers attached with `observe()` (upstream-observer.ts): the gateway's metrics and spans.
 */
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import { type GraphCall, type GraphReply, GraphTransportError } from '../call.js';
import { type Deadline, sleepUntil } from '../deadline.js';
import { capRetryAfter, DEFAULT_MAX_RETRY_AFTER_MS } from './retry-after-cap.js';
import { retryAfterMs } from './retry-policy.js';
import { routeTemplate } from './route-template.js';
import { InFlightLimit, ThrottleGate } from './throttle.js';
import type { GraphTransport } from './transport.js';
import {
  type ExchangeAttempt,
  FIRST_ATTEMPT,
  type UpstreamObserver,
  UpstreamObservers,
} from './upstream-observer.js';

export interface UpstreamOptions {
  /** Upstream HTTP requests in flight at once, process-wide. @default 16 */
  maxInFlight: number;
  /** Let one call's `Retry-After` hold back every new call of the process. @default true */
  sharedThrottle: boolean;
  /** Longer `Retry-After`s are lowered to this (retry-after-cap.ts). @default 60 000 ms */
  maxRetryAfterMs: number;
}

export const DEFAULT_UPSTREAM_OPTIONS: UpstreamOptions = {
  maxInFlight: 16,
  sharedThrottle: true,
  maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
};

type Outcome = GraphReply | GraphTransportError;

const OUT_OF_TIME = 'The request ran out of time waiting for a free connection to Microsoft Graph';
const SHUTTING_DOWN = 'The gateway is shutting down; the request was not sent to Microsoft Graph';

/**
 * The request never left (its deadline passed in the queue, or the process is shutting down),
 * so even a write is known not to be applied.
 */
function notSent(calls: readonly GraphCall[], kind: 'not-sent' | 'shutting-down'): Outcome[] {
  const failure = new GraphTransportError(kind, kind === 'not-sent' ? OUT_OF_TIME : SHUTTING_DOWN);
  return calls.map(() => failure);
}

/** A signal that aborts when either does; `dispose` lets go of both. */
function eitherAborts(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      a.removeEventListener('abort', abort);
      b.removeEventListener('abort', abort);
    },
  };
}

export class Upstream {
  /** Told of every exchange, wait, retry and refusal; the batcher and sessions tell it too. */
  readonly observers = new UpstreamObservers();
  /** Public so that replicas can share the window and split the cap (src/shared-state/). */
  readonly gate: ThrottleGate;
  readonly limit: InFlightLimit;
  /** Aborted by `drain()`: every wait ends at once and nothing new is sent. */
  private readonly draining = new AbortController();

  private readonly maxRetryAfterMs: number;

  constructor(
    private readonly transport: GraphTransport,
    options: UpstreamOptions = DEFAULT_UPSTREAM_OPTIONS,
    /** Told of every `Retry-After` that was capped; none in tests that do not look. */
    private readonly logger?: Logger,
  ) {
    this.maxRetryAfterMs = options.maxRetryAfterMs;
    this.gate = new ThrottleGate(options.sharedThrottle, options.maxRetryAfterMs);
    this.limit = new InFlightLimit(options.maxInFlight);
    // Every waiting exchange listens until it is done; hundreds at once are not a leak.
    setMaxListeners(0, this.draining.signal);
  }

  /** Attaches `observer` to everything this upstream (and its batchers and sessions) does. */
  observe(observer: UpstreamObserver): void {
    this.observers.add(observer);
  }

  /**
   * The process is shutting down: exchanges still waiting (for a throttle window, an in-flight
   * slot or a retry backoff) and every later one end as `shutting-down`, so a write that had not
   * left is known not to be applied. Exchanges already sent are left to finish.
   */
  drain(): void {
    this.draining.abort();
  }

  /** Where Graph lives for this gateway: the root `@odata.nextLink`s must lie under. */
  get versionRoot(): string {
    return this.transport.versionRoot;
  }

  get isDraining(): boolean {
    return this.draining.signal.aborted;
  }

  /** Exchanges sent to Graph and not answered yet. */
  get inFlight(): number {
    return this.limit.inFlight;
  }

  /**
   * Waits `ms` before a retry; ends early at the deadline or when the upstream drains. On the
   * gate's clock: after a 429's `Retry-After`, the retry finds the window it opened closed, not
   * a millisecond of it left to wait out again (and count as another throttle wait).
   */
  async pause(ms: number, deadline: Deadline): Promise<void> {
    const until = Date.now() + ms;
    const waiting = eitherAborts(deadline.signal, this.draining.signal);
    try {
      await sleepUntil(until, waiting.signal);
    } finally {
      waiting.dispose();
    }
  }

  /**
   * One HTTP request for up to 20 calls; one outcome per call, in order. Never rejects.
   * `attempt` says which retry round of the batcher this is, for its trace span. `bearer`: the
   * person's Graph token all of `calls` carry; the gateway's own when omitted.
   */
  exchange(
    calls: readonly GraphCall[],
    deadline: Deadline,
    attempt: ExchangeAttempt = FIRST_ATTEMPT,
    bearer?: string,
  ): Promise<Outcome[]> {
    return this.observers.aroundExchange(calls, attempt, () =>
      this.waitAndSendUnlessDraining(calls, deadline, bearer),
    );
  }

  private async waitAndSendUnlessDraining(
    calls: readonly GraphCall[],
    deadline: Deadline,
    bearer: string | undefined,
  ): Promise<Outcome[]> {
    if (this.isDraining) return notSent(calls, 'shutting-down');
    // The usual case: the window is open and a slot is free, so nothing will wait and no signal
    // that ends waits is needed (taking the slot happens before anything yields).
    if (this.gate.remainingMs() === 0 && this.limit.hasFreeSlot) {
      return this.waitAndSend(calls, deadline, deadline.signal, bearer);
    }
    const waiting = eitherAborts(deadline.signal, this.draining.signal);
    try {
      return await this.waitAndSend(calls, deadline, waiting.signal, bearer);
    } finally {
      waiting.dispose();
    }
  }

  /** `waiting` ends the waits (throttle window, queue) but never an attempt in flight. */
  private async waitAndSend(
    calls: readonly GraphCall[],
    deadline: Deadline,
    waiting: AbortSignal,
    bearer: string | undefined,
  ): Promise<Outcome[]> {
    const closedMs = this.gate.remainingMs();
    if (closedMs > 0) {
      if (!deadline.allowsWait(closedMs)) return calls.map(() => throttledLocally(closedMs));
      this.observers.tell('waitedForThrottle', closedMs);
      await sleepUntil(Date.now() + closedMs, waiting);
    }
    let sent = false;
    let outcomes: Outcome[];
    try {
      outcomes = await this.limit.run(async () => {
        // The slot may have been granted in the very tick the drain began.
        if (this.isDraining) return notSent(calls, 'shutting-down');
        sent = true;
        return this.send(calls, deadline.signal, bearer);
      }, waiting);
    } catch (error) {
      if (sent) throw error;
      if (this.isDraining) return notSent(calls, 'shutting-down');
      if (deadline.signal.aborted) return notSent(calls, 'not-sent');
      throw error;
    }
    const capped = outcomes.map((outcome, index) => this.capped(outcome, calls[index]));
    for (const outcome of capped) {
      const waitMs = retryAfterMs(outcome);
      if (waitMs !== null) this.gate.close(waitMs / 1000);
    }
    return capped;
  }

  /** The outcome with a `Retry-After` over the cap lowered to it, logged and counted. */
  private capped(outcome: Outcome, call: GraphCall | undefined): Outcome {
    const { outcome: kept, askedMs } = capRetryAfter(outcome, this.maxRetryAfterMs);
    if (askedMs === null) return kept;
    this.observers.tell('retryAfterCapped');
    this.logger?.warn(
      {
        code: 'GRAPH_RETRY_AFTER_CAPPED',
        retryAfterSeconds: askedMs / 1000,
        cappedToSeconds: this.maxRetryAfterMs / 1000,
        ...(call ? { method: call.method, route: routeTemplate(call.url) } : {}),
      },
      "Graph's Retry-After was longer than GRAPH_MAX_RETRY_AFTER_SECONDS; waiting the cap instead",
    );
    return kept;
  }

  private async send(
    calls: readonly GraphCall[],
    signal: AbortSignal,
    bearer: string | undefined,
  ): Promise<Outcome[]> {
    const started = performance.now();
    const outcomes = await this.sendNow(calls, signal, bearer);
    this.observers.tell('answered', calls, outcomes, (performance.now() - started) / 1000);
    return outcomes;
  }

  private async sendNow(
    calls: readonly GraphCall[],
    signal: AbortSignal,
    bearer: string | undefined,
  ): Promise<Outcome[]> {
    try {
      if (calls.length === 1) {
        this.observers.tell('direct');
        return [await this.transport.send(calls[0] as GraphCall, signal, bearer)];
      }
      this.observers.tell('envelope', calls.length);
      return await this.transport.sendBatch(calls, signal, bearer);
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
