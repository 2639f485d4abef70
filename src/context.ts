/** What every resolver gets: who is calling, and this HTTP request's session with Microsoft Graph. */
import type { Caller } from './auth/caller.js';
import type { GraphService } from './graph/service.js';
import type { GraphSession } from './graph/session.js';

export interface GatewayContext {
  /** Who is calling, as src/auth/authenticate.ts established it before any operation ran. */
  readonly caller: Caller;
  /** Batches every Graph call of this HTTP request; never shared between requests. */
  readonly graph: GraphSession;
}

/**
 * One session per HTTP request, not per operation: the operations of a batched
 * GraphQL-over-HTTP request share one batcher, so their Graph calls share envelopes.
 */
export function createContextFactory(
  service: GraphService,
  callerOf: (request: Request) => Caller,
): (initial: { request: Request }) => GatewayContext {
  const sessions = new WeakMap<Request, GraphSession>();
  return ({ request }) => {
    let graph = sessions.get(request);
    if (!graph) {
      graph = service.session();
      sessions.set(request, graph);
    }
    return { caller: callerOf(request), graph };
  };
}
