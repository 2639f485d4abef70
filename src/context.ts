/** What every resolver gets: this request's session with Microsoft Graph. */
import { GraphSession } from './graph/session.js';
import type { GraphTransport } from './graph/transport.js';

export interface GatewayContext {
  /** Batches every Graph call this GraphQL request makes; never shared between requests. */
  readonly graph: GraphSession;
}

export function createContextFactory(transport: GraphTransport): () => GatewayContext {
  return () => ({ graph: new GraphSession(transport) });
}
