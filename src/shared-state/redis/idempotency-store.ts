/**
 * Idempotency keys shared by the replicas: a claim is SET NX with an in-progress marker holding
 * the claimant's token; completing and abandoning check that token in one script, so a claimant
 * whose claim lapsed never overwrites another's.
 */
import { randomUUID } from 'node:crypto';
import {
  claimOf,
  type IdempotencyClaim,
  type IdempotencyStore,
  type StoredRecord,
} from '../../idempotency/store.js';
import type { RedisConnection } from './connection.js';

/** KEYS[1] key; ARGV[1] token, ARGV[2] new value or '' to delete, ARGV[3] ttl in ms. */
const IF_CLAIMED_BY = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.s ~= 'p' or record.t ~= ARGV[1] then return 0 end
if ARGV[2] == '' then return redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`;

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly redis: RedisConnection) {}

  async claim(key: string, fingerprint: string, pendingMs: number): Promise<IdempotencyClaim> {
    const token = randomUUID();
    const marker: StoredRecord = { s: 'p', f: fingerprint, t: token };
    const redisKey = this.keyOf(key);
    const set = await this.redis.client.set(
      redisKey,
      JSON.stringify(marker),
      'PX',
      pendingMs,
      'NX',
    );
    if (set === 'OK') return { kind: 'claimed', token };
    const current = await this.redis.client.get(redisKey);
    // Expired between the two commands: as good as claimed by nobody; claim again.
    if (current === null) return this.claim(key, fingerprint, pendingMs);
    return claimOf(JSON.parse(current) as StoredRecord);
  }

  async complete(
    key: string,
    token: string,
    fingerprint: string,
    outcome: string,
    windowMs: number,
  ): Promise<void> {
    const done: StoredRecord = { s: 'd', f: fingerprint, o: outcome };
    await this.redis.client.eval(
      IF_CLAIMED_BY,
      1,
      this.keyOf(key),
      token,
      JSON.stringify(done),
      String(windowMs),
    );
  }

  async abandon(key: string, token: string): Promise<void> {
    await this.redis.client.eval(IF_CLAIMED_BY, 1, this.keyOf(key), token, '', '0');
  }

  private keyOf(key: string): string {
    return this.redis.key(`idempotency:${key}`);
  }
}
