/**
 * One GraphQL request's view of Microsoft Graph: calls go through that request's batcher under
 * that request's deadline and budget of calls, and anything but a 2xx comes back as the domain
 * error `errors.ts` maps it to.
 */
import { type BatcherOptions, GraphBatcher } from './batch.js';
import { type GraphCall, type GraphReply, GraphTransportError } from './call.js';
import { type CallAllowance, RequestCallBudget } from './call-budget.js';
import type { GraphCallMeter } from './call-meter.js';
import { Deadline } from './deadline.js';
import { toGatewayError } from './errors.js';
import type { Upstream } from './http/upstream.js';

export interface SessionOptions extends BatcherOptions {
  /** Time one GraphQL request may spend on Graph, retries and waits included. @default 30 s */
  deadlineMs: number;
  /** Graph calls one HTTP request may make, all its operations together. @default 500 */
  maxCallsPerRequest: number;
}

export class GraphSession {
  private constructor(
    /** The absolute root of Graph's URLs (packages/graph-client/src/resources/page-cursor.ts checks nextLinks against it). */
    readonly versionRoot: string,
    private readonly batcher: GraphBatcher,
    private readonly budget: RequestCallBudget,
    /** What this view's calls are paid from: the request's budget, or a reservation in it. */
    private readonly allowance: CallAllowance,
  ) {}

  /** `meter`: what the request's caller pays for the calls it sends; none for the gateway's own. */
  static open(upstream: Upstream, options: SessionOptions, meter?: GraphCallMeter): GraphSession {
    const budget = new RequestCallBudget(options.maxCallsPerRequest, () =>
      upstream.observers.tell('budgetRefused'),
    );
    const batcher = new GraphBatcher(upstream, new Deadline(options.deadlineMs), options, meter);
    return new GraphSession(upstream.versionRoot, batcher, budget, budget);
  }

  /** Graph calls this request has paid for so far, all its views together. */
  get callsUsed(): number {
    return this.budget.spent;
  }

  /**
   * Pays for `calls` calls now, all or none (`CallBudgetExceededError` otherwise), and returns a
   * view of this session whose calls spend them first. Same batcher, same deadline.
   */
  reserve(calls: number): GraphSession {
    return new GraphSession(
      this.versionRoot,
      this.batcher,
      this.budget,
      this.budget.reserve(calls),
    );
  }

  /**
   * Resolves with the response body (`null` for 204), or rejects with a mapped error; with
   * `CallBudgetExceededError`, before anything is sent, when the budget cannot pay for it.
   */
  async call<T>(call: GraphCall): Promise<T> {
    return (await this.answered<T>(call)).body;
  }

  /** `call`, plus Graph's `request-id` for the answer: what the audit log quotes for a write. */
  async answered<T>(call: GraphCall): Promise<{ body: T; requestId: string | null }> {
    return GraphSession.success<T>(await this.reply(call), call);
  }

  /**
   * Graph's answer, whatever its status, for a caller that decides on a refusal itself (e.g.
   * asks again for a shorter subscription); rejects only when no answer came. Then `success`.
   */
  async reply(call: GraphCall): Promise<GraphReply> {
    if (!this.batcher.isCached(call)) this.allowance.take(1);
    try {
      return await this.batcher.send(call);
    } catch (error) {
      if (error instanceof GraphTransportError) throw toGatewayError(error, call);
      throw error;
    }
  }

  /** The body of a 2xx reply; any other status rejects with its mapped error, as `call` does. */
  static success<T>(reply: GraphReply, call: GraphCall): { body: T; requestId: string | null } {
    if (reply.status >= 200 && reply.status < 300) {
      return { body: reply.body as T, requestId: reply.headers['request-id'] ?? null };
    }
    throw toGatewayError(reply, call);
  }
}
