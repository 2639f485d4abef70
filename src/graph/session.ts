/**
 * One GraphQL request's view of Microsoft Graph: calls go through that request's batcher, and
 * anything but a 2xx comes back as the domain error `errors.ts` maps it to.
 */
import { GraphBatcher } from './batch.js';
import { type GraphCall, GraphTransportError } from './call.js';
import { toGatewayError } from './errors.js';
import type { GraphTransport } from './transport.js';

export class GraphSession {
  private readonly batcher: GraphBatcher;

  constructor(transport: GraphTransport) {
    this.batcher = new GraphBatcher(transport);
  }

  /** Resolves with the response body (`null` for 204), or rejects with a mapped error. */
  async call<T>(call: GraphCall): Promise<T> {
    let reply: Awaited<ReturnType<GraphBatcher['send']>>;
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
