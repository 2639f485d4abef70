/**
 * One GraphQL request's view of Microsoft Graph: calls go through that request's batcher under
 * that request's deadline and budget of calls, and anything but a 2xx comes back as the domain
 * error `errors.ts` maps it to.
 *
 * A view says whose token its calls carry: the gateway's own, or (from `asPerson`) a person's
 * Graph token from the on-behalf-of exchange. Each person has a batcher of their own in the
 * request, so a `$batch` envelope never mixes two people's calls, nor a person's with the
 * gateway's; the budget, the deadline and the caller's meter are the request's, whoever's token.
 */
import { type BatcherOptions, type BearerSource, GraphBatcher } from './batch.js';
import { type GraphCall, type GraphReply, GraphTransportError } from './call.js';
import { type CallAllowance, RequestCallBudget } from './call-budget.js';
import type { GraphCallMeter } from './call-meter.js';
import type { PersonTokenSource } from './credentials/person-tokens.js';
import { Deadline } from './deadline.js';
import { toGatewayError } from './errors.js';
import type { Upstream } from './http/upstream.js';
import type { GraphIdentity, PersonIdentity } from './identity.js';
import { UpstreamUnavailableError } from './typed-errors.js';

export interface SessionOptions extends BatcherOptions {
  /** Time one GraphQL request may spend on Graph, retries and waits included. @default 30 s */
  deadlineMs: number;
  /** Graph calls one HTTP request may make, all its operations together. @default 500 */
  maxCallsPerRequest: number;
}

/** What every view of one request shares: how to make a batcher for another identity. */
class RequestGraph {
  private readonly people = new Map<string, { assertion: string; batcher: GraphBatcher }>();

  constructor(
    private readonly upstream: Upstream,
    private readonly deadline: Deadline,
    private readonly options: SessionOptions,
    private readonly meter: GraphCallMeter | undefined,
    private readonly personTokens: PersonTokenSource | undefined,
  ) {}

  /** Whether `asPerson` views can get people's Graph tokens (an on-behalf-of credential). */
  get actsForPeople(): boolean {
    return this.personTokens !== undefined;
  }

  batcher(bearer?: BearerSource): GraphBatcher {
    return new GraphBatcher(this.upstream, this.deadline, this.options, this.meter, bearer);
  }

  /** The person's batcher in this request: one per person, made on first use. */
  personBatcher(person: PersonIdentity): GraphBatcher {
    const known = this.people.get(person.personId);
    if (known) {
      // One HTTP request has one caller with one token; anything else is a wiring mistake.
      if (known.assertion !== person.assertion) {
        throw new Error('One request asked to act for the same person with two tokens');
      }
      return known.batcher;
    }
    const tokens = this.personTokens;
    const batcher = this.batcher(
      tokens ? (signal) => tokens.tokenFor(person, signal) : () => Promise.reject(noDelegation()),
    );
    this.people.set(person.personId, { assertion: person.assertion, batcher });
    return batcher;
  }
}

/** A gateway with only a fixed Graph token (GRAPH_ACCESS_TOKEN) has no credential to exchange. */
const noDelegation = () =>
  new UpstreamUnavailableError(
    'This gateway cannot act for people: it has no client credential for the on-behalf-of ' +
      'exchange (AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate)',
    null,
    'UPSTREAM_UNAVAILABLE',
    false,
  );

export class GraphSession {
  private constructor(
    /** The absolute root of Graph's URLs (packages/graph-client/src/resources/page-cursor.ts checks nextLinks against it). */
    readonly versionRoot: string,
    private readonly request: RequestGraph,
    private readonly batcher: GraphBatcher,
    private readonly budget: RequestCallBudget,
    /** What this view's calls are paid from: the request's budget, or a reservation in it. */
    private readonly allowance: CallAllowance,
  ) {}

  /**
   * `meter`: what the request's caller pays for the calls it sends; none for the gateway's own.
   * `personTokens`: where `asPerson` views get their Graph tokens; without it they fail typed.
   */
  static open(
    upstream: Upstream,
    options: SessionOptions,
    meter?: GraphCallMeter,
    personTokens?: PersonTokenSource,
  ): GraphSession {
    const budget = new RequestCallBudget(options.maxCallsPerRequest, () =>
      upstream.observers.tell('budgetRefused'),
    );
    const request = new RequestGraph(
      upstream,
      new Deadline(options.deadlineMs),
      options,
      meter,
      personTokens,
    );
    return new GraphSession(upstream.versionRoot, request, request.batcher(), budget, budget);
  }

  /**
   * Whether this gateway can act for people at all: false when it holds no client credential
   * for the on-behalf-of exchange, and every `asPerson` call would fail.
   */
  get actsForPeople(): boolean {
    return this.request.actsForPeople;
  }

  /** Graph calls this request has paid for so far, all its views together. */
  get callsUsed(): number {
    return this.budget.spent;
  }

  /**
   * A view whose calls carry `identity`'s token: the gateway's own for the app (this view), the
   * person's Graph token from the on-behalf-of exchange for a person. Same deadline, same
   * budget (and reservation), same meter; envelopes of the person's own.
   */
  asPerson(identity: GraphIdentity): GraphSession {
    if (identity.kind === 'app') return this;
    return new GraphSession(
      this.versionRoot,
      this.request,
      this.request.personBatcher(identity),
      this.budget,
      this.allowance,
    );
  }

  /**
   * Pays for `calls` calls now, all or none (`CallBudgetExceededError` otherwise), and returns a
   * view of this session whose calls spend them first. Same batcher, same deadline.
   */
  reserve(calls: number): GraphSession {
    return new GraphSession(
      this.versionRoot,
      this.request,
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
