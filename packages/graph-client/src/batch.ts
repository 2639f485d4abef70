/**
 * The per-request batcher. Every Graph call a GraphQL request makes in the same tick is collected
 * by one DataLoader and sent as `$batch` envelopes of at most 20 requests (a lone call goes
 * directly, saving the envelope's overhead). Identical GETs within a request are sent once.
 *
 * Graph answers an envelope 200 even when items inside it fail or are throttled, so retries
 * look inside: items answered 429 (or, for reads, 503/504 or no answer) go out again in a later
 * envelope after the longest `Retry-After` among them, or a jittered backoff; their siblings
 * are never resent. Attempts are bounded per call (throttled calls get more, as Graph asks to
 * be retried) and the request's deadline holds throughout.
 */
import DataLoader from 'dataloader';
import { type GraphCall, type GraphReply, GraphTransportError, isWrite } from './call.js';
import type { GraphCallMeter } from './call-meter.js';
import type { Deadline } from './deadline.js';
import {
  attemptLimit,
  backoffMs,
  isRetryable,
  type RetryOptions,
  retryAfterMs,
} from './http/retry-policy.js';
import { MAX_BATCH_SIZE } from './http/transport.js';
import type { Upstream } from './http/upstream.js';

/**
 * The person's Graph token, asked before each exchange (cached: person-tokens.ts); rejects with
 * a typed error when Entra refuses, and then nothing is sent.
 */
export type BearerSource = (signal: AbortSignal) => Promise<string>;

export interface BatcherOptions {
  retry: RetryOptions;
  /** Off sends every call directly: the benchmark's baseline. @default true */
  batching: boolean;
}

type Outcome = GraphReply | GraphTransportError;

const readKey = (call: GraphCall): string => call.readKey ?? `GET ${call.url}`;

export class GraphBatcher {
  private writeSequence = 0;
  /** The loader's own cache, held here so that `isCached` can look into it. */
  private readonly cache = new Map<string, Promise<GraphReply>>();
  private readonly loader: DataLoader<GraphCall, GraphReply, string>;

  constructor(
    private readonly upstream: Upstream,
    private readonly deadline: Deadline,
    private readonly options: BatcherOptions,
    /** What the request's caller pays for the calls it sends; none for the gateway's own. */
    private readonly meter?: GraphCallMeter,
    /** A person's batcher: every envelope it sends carries this person's token, and only it. */
    private readonly bearer?: BearerSource,
  ) {
    this.loader = new DataLoader((calls) => this.dispatch(calls), {
      maxBatchSize: options.batching ? MAX_BATCH_SIZE : 1,
      cacheMap: this.cache,
      // A write is never deduplicated: two identical PATCHes are two intentions.
      cacheKeyFn: (call) =>
        isWrite(call) ? `${call.method} ${call.url} #${++this.writeSequence}` : readKey(call),
    });
  }

  /** True when `send(call)` would be answered from this request's cache, sending nothing. */
  isCached(call: GraphCall): boolean {
    return !isWrite(call) && this.cache.has(readKey(call));
  }

  /**
   * Resolves with whatever Graph finally answered, whatever the status; rejects only when no
   * answer came (`GraphTransportError`).
   */
  async send(call: GraphCall): Promise<GraphReply> {
    if (!isWrite(call)) return this.loader.load(call);
    try {
      return await this.loader.load(call);
    } finally {
      // Reads cached before a write may describe the state it just changed.
      this.loader.clearAll();
    }
  }

  /** A `GraphTransportError` among the results rejects that call's `load()`, and only it. */
  private async dispatch(calls: readonly GraphCall[]): Promise<Array<GraphReply | Error>> {
    const refusal = await this.meter?.charge(calls.length);
    if (refusal) {
      this.upstream.observers.tell('callerLimitRefused', calls.length);
      return calls.map(() => refusal);
    }
    let bearer: string | undefined;
    if (this.bearer) {
      try {
        bearer = await this.bearer(this.deadline.signal);
      } catch (error) {
        // The deadline ended the wait for Entra: nothing was sent, as for a wait in the queue.
        const failure = this.deadline.signal.aborted
          ? new GraphTransportError(
              'not-sent',
              'The request ran out of time waiting for Microsoft Entra ID',
            )
          : error instanceof Error
            ? error
            : new Error(String(error));
        return calls.map(() => failure);
      }
    }
    const outcomes: Outcome[] = [];
    const attempts = calls.map(() => 0);
    let pending = calls.map((_, index) => index);
    let retryWaitMs = 0;
    for (let round = 1; pending.length > 0; round++) {
      const answers = await this.upstream.exchange(
        pending.map((index) => calls[index] as GraphCall),
        this.deadline,
        { attempt: round, retryWaitMs },
        bearer,
      );
      pending.forEach((index, k) => {
        outcomes[index] = answers[k] as Outcome;
        attempts[index] = (attempts[index] ?? 0) + 1;
      });
      const again = pending.filter((index) => {
        const outcome = outcomes[index] as Outcome;
        return (
          isRetryable(outcome, calls[index] as GraphCall) &&
          (attempts[index] ?? 0) < attemptLimit(outcome, this.options.retry)
        );
      });
      if (again.length === 0) break;
      const waitMs = this.waitBeforeRetry(
        again.map((index) => outcomes[index] as Outcome),
        round,
      );
      if (!this.deadline.allowsWait(waitMs)) break;
      // Ends early on shutdown; the next exchange then answers `shutting-down` without sending.
      await this.upstream.pause(waitMs, this.deadline);
      this.upstream.observers.tell('retried', again.length);
      pending = again;
      retryWaitMs = waitMs;
    }
    return outcomes;
  }

  /** The longest `Retry-After` among the failures, or a jittered backoff when none sent one. */
  private waitBeforeRetry(failures: readonly Outcome[], attempt: number): number {
    const asked = failures.map(retryAfterMs).filter((ms): ms is number => ms !== null);
    return asked.length > 0 ? Math.max(...asked) : backoffMs(attempt, this.options.retry);
  }
}
