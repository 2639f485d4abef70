/**
 * What replicas may share, as interfaces: each has an in-process implementation (one gateway
 * process needs nothing but itself) and a Redis one (src/redis/, when REDIS_URL is
 * set). Callers depend on these interfaces only.
 */

/** Remembers keys for a while: the first sighting wins, repeats within `ttlMs` are refused. */
export interface OnceSet {
  /** True the first time `key` is seen within `ttlMs` (by any replica), false for a repeat. */
  firstSighting(key: string, ttlMs: number): Promise<boolean>;
}

/** A named lease that at most one replica holds at a time (e.g. managing Graph subscriptions). */
export interface Leadership {
  /**
   * Acquires the lease `name` for `ttlMs`, or extends it if this replica already holds it.
   * True while this replica is the holder; false if another replica holds it.
   */
  holdOrAcquire(name: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up (on shutdown), if this replica holds it. */
  release(name: string): Promise<void>;
  /**
   * Calls `listener` each time leases become acquirable after they could not be (Redis came up,
   * at start-up or after an outage), so that a duty that found no lease tries again then rather
   * than at its next tick. Not called for what is acquirable already.
   */
  onAcquirable(listener: () => void): void;
}
