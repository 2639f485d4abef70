/**
 * One GraphQL request's view of Microsoft Graph: calls go through that request's batcher under
 * that request's deadline, and anything but a 2xx comes back as the domain error `errors.ts`
 * maps it to.
 */
import { type BatcherOptions, GraphBatcher } from './batch.js';
import { type GraphCall, type GraphReply, GraphTransportError } from './call.js';
import { Deadline } from './deadline.js';
import { toGatewayError } from './errors.js';
import type { Upstream } from './upstream.js';

export interface SessionOptions extends BatcherOptions {
  /** Time one GraphQL request may spend on Graph, retries and waits included. @default 30 s */
  deadlineMs: number;
}

export class GraphSession {
  private readonly batcher: GraphBatcher;

  constructor(upstream: Upstream, options: SessionOptions) {
    this.batcher = new GraphBatcher(upstream, new Deadline(options.deadlineMs), options);
  }

  /** Resolves with the response body (`null` for 204), or rejects with a mapped error. */
  async call<T>(call: GraphCall): Promise<T> {
    let reply: GraphReply;
    try {
      reply = await this.batcher.send(call);
    } catch (error) {
      if (error instanceof GraphTransportError) throw toGatewayError(error, call);
      throw error;
    }
    if (reply.status >= 200 && reply.status < 300) return reply.body as T;
    throw toGatewayError(reply, call);
  }
}
