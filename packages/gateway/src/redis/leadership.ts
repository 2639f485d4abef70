/**
 * Leases held by at most one replica: SET NX PX with this replica's random token. Extending and
 * releasing check the token in one script, so a replica whose lease expired and was taken by
 * another can never extend or delete the new holder's lease.
 */
import { randomUUID } from 'node:crypto';
import type { Leadership } from '../shared-state/contracts.js';
import type { RedisConnection } from './connection.js';

/** KEYS[1] lease; ARGV[1] token, ARGV[2] ttl in ms. 1 while this token holds the lease. */
const HOLD_OR_ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export class RedisLeadership implements Leadership {
  /** Who this replica is, to Redis: fresh for every process, so a restart is a new holder. */
  readonly token = randomUUID();

  constructor(private readonly redis: RedisConnection) {}

  /**
   * False while Redis cannot be reached (before the first connect too): no replica can prove it
   * holds the lease then, so none acts as the holder, and the duty waits for Redis. The
   * connection logs the outage once; nothing here logs per call.
   */
  async holdOrAcquire(name: string, ttlMs: number): Promise<boolean> {
    if (!this.redis.redisHealthy) return false;
    try {
      const held = await this.redis.client.eval(
        HOLD_OR_ACQUIRE,
        1,
        this.leaseKey(name),
        this.token,
        String(Math.max(1, Math.ceil(ttlMs))),
      );
      return held === 1;
    } catch {
      return false;
    }
  }

  /** Never rejects: a lease Redis cannot be told about expires on its own after its TTL. */
  async release(name: string): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, this.leaseKey(name), this.token).catch(() => {});
  }

  /** On each Redis (re)connect after now: before it, `holdOrAcquire` answered false. */
  onAcquirable(listener: () => void): void {
    this.redis.onReady(listener, { nowIfReady: false });
  }

  private leaseKey(name: string): string {
    return this.redis.key(`lease:${name}`);
  }
}
