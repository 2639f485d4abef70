/**
 * Idempotency keys shared by the replicas: a claim is SET NX with an in-progress marker holding
 * the claimant's token; completing and abandoning check that token in one script, so a claimant
 * whose claim lapsed never overwrites another's.
 *
 * Each caller's keys are also listed in a sorted set of their own, scored by when each was
 * claimed or completed (Redis's clock): a claim past `maxKeysPerCaller` drops that caller's
 * oldest records, in the same script, so no caller can fill Redis at another's expense (with a
 * Redis that evicts under `maxmemory`, one caller's flood would push out everyone's keys).
 * The scripts touch listed record keys they were not given in KEYS: fine on the one Redis
 * connection.ts connects to, not on a Redis Cluster (which the gateway has no client for).
 */
import { randomUUID } from 'node:crypto';
import {
  type ClaimTerms,
  claimOf,
  type IdempotencyClaim,
  type IdempotencyStore,
  type ScopedKey,
  type StoredRecord,
} from '../idempotency/store.js';
import type { RedisConnection } from './connection.js';

/** Milliseconds by Redis's clock, so that the replicas' clocks never matter. */
const NOW_MS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/**
 * KEYS[1] record, KEYS[2] the caller's set; ARGV[1] marker, ARGV[2] pending ms, ARGV[3] the
 * longest a record lives (ms), ARGV[4] keys per caller. {0} when claimed, {1, record} when taken.
 * Members scored before now − longest life are expired records: dropped from the count first.
 */
const CLAIM = `${NOW_MS}
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  return {1, redis.call('GET', KEYS[1])}
end
local life = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - life)
redis.call('ZADD', KEYS[2], now, KEYS[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if over > 0 then
  for _, oldest in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do
    redis.call('DEL', oldest)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
redis.call('PEXPIRE', KEYS[2], life)
return {0}
`;

/**
 * KEYS[1] record, KEYS[2] the caller's set; ARGV[1] token, ARGV[2] new value or '' to delete,
 * ARGV[3] ttl in ms. A completed record is scored again, from its completion.
 */
const IF_CLAIMED_BY = `${NOW_MS}
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.s ~= 'p' or record.t ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('ZREM', KEYS[2], KEYS[1])
  return redis.call('DEL', KEYS[1])
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[2], 'XX', now, KEYS[1])
return 1
`;

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly redis: RedisConnection) {}

  async claim(key: ScopedKey, fingerprint: string, terms: ClaimTerms): Promise<IdempotencyClaim> {
    const token = randomUUID();
    const marker: StoredRecord = { s: 'p', f: fingerprint, t: token };
    const [taken, current] = (await this.redis.client.eval(
      CLAIM,
      2,
      this.recordKey(key),
      this.callerKey(key),
      JSON.stringify(marker),
      String(terms.pendingMs),
      String(Math.max(terms.pendingMs, terms.windowMs)),
      String(terms.maxKeysPerCaller),
    )) as [0] | [1, string];
    return taken === 0 ? { kind: 'claimed', token } : claimOf(JSON.parse(current) as StoredRecord);
  }

  async complete(
    key: ScopedKey,
    token: string,
    fingerprint: string,
    outcome: string,
    terms: ClaimTerms,
  ): Promise<void> {
    const done: StoredRecord = { s: 'd', f: fingerprint, o: outcome };
    await this.ifClaimedBy(key, token, JSON.stringify(done), terms.windowMs);
  }

  async abandon(key: ScopedKey, token: string): Promise<void> {
    await this.ifClaimedBy(key, token, '', 0);
  }

  private ifClaimedBy(key: ScopedKey, token: string, value: string, ttlMs: number) {
    return this.redis.client.eval(
      IF_CLAIMED_BY,
      2,
      this.recordKey(key),
      this.callerKey(key),
      token,
      value,
      String(ttlMs),
    );
  }

  /** Unchanged from before keys were listed per caller: records survive an upgrade. */
  private recordKey(key: ScopedKey): string {
    return this.redis.key(`idempotency:${key.key}`);
  }

  private callerKey(key: ScopedKey): string {
    return this.redis.key(`idempotency-caller:${key.caller}`);
  }
}
