/**
 * Whose token a Graph call carries. The gateway's own (app-only, client credentials) is what the
 * release half of pull printing uses; a person's is a Graph token Entra issued for that person
 * through the on-behalf-of exchange, for Universal Print's delegated-only operations (printing
 * to a share, cancelling one's own job, listing shares).
 */

/** A signed-in person, with the access token they sent the gateway (audience: its API). */
export interface PersonIdentity {
  readonly kind: 'person';
  /** Stable id of the person (`tid/oid`): whose calls are whose, in envelopes and caches. */
  readonly personId: string;
  /** The person's incoming access token: exchanged, hashed for cache keys, never logged. */
  readonly assertion: string;
}

export type GraphIdentity = { readonly kind: 'app' } | PersonIdentity;

export const APP_IDENTITY: GraphIdentity = Object.freeze({ kind: 'app' });
