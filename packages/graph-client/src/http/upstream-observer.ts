/**
 * The Graph client's hooks: what it tells whoever watches its traffic to Graph. The gateway's
 * metrics (packages/gateway/src/metrics/upstream-metrics.ts) and spans (its
 * telemetry/graph-spans.ts) implement `UpstreamObserver` and are attached in its
 * observed-graph.ts; the client itself knows neither, so it imports nothing of the gateway.
 */
import type { GraphCall, GraphReply, GraphTransportError } from '../call.js';

export type ExchangeOutcome = GraphReply | GraphTransportError;

/** Which try of its calls an exchange is: a retry round of the batcher is a new exchange. */
export interface ExchangeAttempt {
  /** 1 for the first exchange of these calls; every call in a later one is a retry. */
  attempt: number;
  /** How long the batcher waited (Retry-After or backoff) before this retry. */
  retryWaitMs: number;
}

export const FIRST_ATTEMPT: ExchangeAttempt = { attempt: 1, retryWaitMs: 0 };

/** Every hook is optional: an observer implements what it cares about. They must not throw. */
export interface UpstreamObserver {
  /**
   * Wraps one exchange (a direct call or a `$batch` envelope), waits included: `run` is the
   * exchange, to be called exactly once and its outcomes returned as they are. Where a tracer
   * opens the exchange's span, so the SDK links see it as the active one.
   */
  aroundExchange?(
    calls: readonly GraphCall[],
    attempt: ExchangeAttempt,
    run: () => Promise<ExchangeOutcome[]>,
  ): Promise<ExchangeOutcome[]>;
  /** An exchange waits `ms` for the throttle window a `Retry-After` opened. */
  waitedForThrottle?(ms: number): void;
  /** One call is sent on its own (not in an envelope). */
  direct?(): void;
  /** A `$batch` envelope of `size` calls is sent. */
  envelope?(size: number): void;
  /** One exchange came back: each call's outcome, and how long the exchange took. */
  answered?(
    calls: readonly GraphCall[],
    outcomes: readonly ExchangeOutcome[],
    seconds: number,
  ): void;
  /** `calls` calls go out again after a retryable answer. */
  retried?(calls: number): void;
  /** A call was refused unsent: its request had used up its budget of calls. */
  budgetRefused?(): void;
  /** `calls` calls were refused unsent: their caller was over its Graph-call limit. */
  callerLimitRefused?(calls: number): void;
  /** Graph asked for a longer wait than the cap; the cap is waited instead. */
  retryAfterCapped?(): void;
}

/** The observers attached to one upstream, told in the order they were attached. */
export class UpstreamObservers {
  private readonly observers: UpstreamObserver[] = [];

  add(observer: UpstreamObserver): void {
    this.observers.push(observer);
  }

  /** The first observer attached is the outermost wrapper. */
  aroundExchange(
    calls: readonly GraphCall[],
    attempt: ExchangeAttempt,
    run: () => Promise<ExchangeOutcome[]>,
  ): Promise<ExchangeOutcome[]> {
    return this.observers.reduceRight<() => Promise<ExchangeOutcome[]>>((inner, observer) => {
      const around = observer.aroundExchange?.bind(observer);
      return around ? () => around(calls, attempt, inner) : inner;
    }, run)();
  }

  /** Tells every observer that implements `hook`, in the order they were attached. */
  tell<Hook extends Exclude<keyof UpstreamObserver, 'aroundExchange'>>(
    hook: Hook,
    ...args: Parameters<Required<UpstreamObserver>[Hook]>
  ): void {
    for (const observer of this.observers) {
      (observer[hook] as ((...told: typeof args) => void) | undefined)?.apply(observer, args);
    }
  }
}
