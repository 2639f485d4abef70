/**
 * Buckets shared by the replicas while the shared store is reachable, this process's own
 * otherwise: a Redis outage must neither stop limiting callers nor log a warning per request.
 * While Redis is away each replica limits on its own, so a caller may get up to N times its
 * rate across N replicas (docs/replicas.md).
 */
import type { TokenBucketStore } from './bucket-store.js';

export class SharedOrLocalBucketStore implements TokenBucketStore {
  constructor(
    private readonly shared: TokenBucketStore,
    private readonly local: TokenBucketStore,
    /** Whether the shared store is reachable now (RedisConnection.isHealthy). */
    private readonly sharedIsUp: () => boolean,
  ) {}

  async take(...args: Parameters<TokenBucketStore['take']>): ReturnType<TokenBucketStore['take']> {
    if (!this.sharedIsUp()) return this.local.take(...args);
    try {
      return await this.shared.take(...args);
    } catch {
      // It went away between the check and the command: the connection logs that once.
      return this.local.take(...args);
    }
  }
}
