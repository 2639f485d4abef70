/**
 * What printing needs beyond a write's context: the calling person's own Graph session (printing
 * is delegated-only in Graph: the app's token cannot print) and what shares can do.
 */
import type { GraphSession } from '@universal-print-gateway/graph-client';
import type { WriteContext } from '../writes.js';
import type { ShareMemory } from './share-memory.js';

export interface PrintingContext extends WriteContext {
  /**
   * This request's Graph session as the calling person (their on-behalf-of token). Throws
   * `ForbiddenError` for anyone but a signed-in person, before any call to Entra or Graph.
   * `over`: a view of the request's session to act from (a reservation).
   */
  readonly personGraph: (over?: GraphSession) => GraphSession;
  readonly shares: ShareMemory;
}
