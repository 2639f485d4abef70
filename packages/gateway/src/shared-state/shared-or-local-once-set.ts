/**
 * Sightings shared by the replicas while the shared set is reachable, this process's own
 * otherwise. During an outage a notification delivered to two replicas may be announced twice;
 * that is better than losing one, and clients treat events as idempotent by job
 * (docs/subscriptions.md).
 */
import type { OnceSet } from './contracts.js';

export class SharedOrLocalOnceSet implements OnceSet {
  constructor(
    private readonly shared: OnceSet,
    private readonly local: OnceSet,
    /** Whether the shared set is reachable now (RedisConnection.redisHealthy). */
    private readonly sharedIsUp: () => boolean,
  ) {}

  async firstSighting(key: string, ttlMs: number): Promise<boolean> {
    if (!this.sharedIsUp()) return this.local.firstSighting(key, ttlMs);
    try {
      return await this.shared.firstSighting(key, ttlMs);
    } catch {
      return this.local.firstSighting(key, ttlMs);
    }
  }
}
