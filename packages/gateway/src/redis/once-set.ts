/** The OnceSet of every replica: the first SET NX wins, the key expires after `ttlMs`. */
import type { OnceSet } from '../shared-state/contracts.js';
import type { RedisConnection } from './connection.js';

export class RedisOnceSet implements OnceSet {
  constructor(
    private readonly redis: RedisConnection,
    /** Keeps one use's keys apart from another's (`webhook:`, …). */
    private readonly namespace: string,
  ) {}

  /** Rejects when Redis cannot be reached: the caller decides whether to go on without it. */
  async firstSighting(key: string, ttlMs: number): Promise<boolean> {
    const answer = await this.redis.client.set(
      this.redis.key(`once:${this.namespace}${key}`),
      '1',
      'PX',
      Math.max(1, Math.ceil(ttlMs)),
      'NX',
    );
    return answer === 'OK';
  }
}
