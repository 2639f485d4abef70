/**
 * Everything the app needs of Graph, built once per process: the shared upstream (throttle
 * window, in-flight cap, observers) and a fresh session for each GraphQL request.
 */
import type { Logger } from 'pino';
import { DEFAULT_MAX_CALLS_PER_REQUEST } from './call-budget.js';
import type { GraphCallMeter } from './call-meter.js';
import type { PersonTokenSource } from './credentials/person-tokens.js';
import { DEFAULT_RETRY_OPTIONS } from './http/retry-policy.js';
import type { GraphTransport } from './http/transport.js';
import { DEFAULT_UPSTREAM_OPTIONS, Upstream, type UpstreamOptions } from './http/upstream.js';
import type { UpstreamObserver } from './http/upstream-observer.js';
import { GraphSession, type SessionOptions } from './session.js';

export interface GraphServiceOptions extends UpstreamOptions, SessionOptions {}

export const DEFAULT_GRAPH_SERVICE_OPTIONS: GraphServiceOptions = {
  ...DEFAULT_UPSTREAM_OPTIONS,
  retry: DEFAULT_RETRY_OPTIONS,
  batching: true,
  deadlineMs: 30_000,
  maxCallsPerRequest: DEFAULT_MAX_CALLS_PER_REQUEST,
};

export class GraphService {
  readonly upstream: Upstream;

  constructor(
    transport: GraphTransport,
    private readonly options: GraphServiceOptions = DEFAULT_GRAPH_SERVICE_OPTIONS,
    /** Where the upstream reports what operators should know (a capped Retry-After). */
    logger?: Logger,
    /**
     * People's Graph tokens (on-behalf-of, cached): what `session().asPerson()` calls carry.
     * Omitted (a fixed GRAPH_ACCESS_TOKEN, tests of app calls): a person's calls fail typed.
     */
    readonly personTokens?: PersonTokenSource,
  ) {
    this.upstream = new Upstream(transport, options, logger);
  }

  /** The longest one GraphQL request spends on Graph. */
  get deadlineMs(): number {
    return this.options.deadlineMs;
  }

  /**
   * Attaches `observer` to every exchange, retry and refusal of this service's upstream: how
   * the gateway's metrics and spans see Graph traffic (src/observed-graph.ts).
   */
  observe(observer: UpstreamObserver): void {
    this.upstream.observe(observer);
  }

  /** A GraphQL request's session; `meter` charges its caller for the calls it sends. */
  session(meter?: GraphCallMeter): GraphSession {
    return GraphSession.open(this.upstream, this.options, meter, this.personTokens);
  }
}
