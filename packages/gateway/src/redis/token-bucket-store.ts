/**
 * Per-caller token buckets in Redis, so a caller's rate is the same whichever replica serves
 * it. One script reads, refills and takes atomically (never GET then SET), with Redis's clock,
 * and the key expires once a full bucket would have refilled.
 */
import type { TokenBucketStore } from '../rate-limit/bucket-store.js';
import type { RedisConnection } from './connection.js';

/**
 * KEYS[1] bucket; ARGV[1] cost, ARGV[2] tokens per second, ARGV[3] burst.
 * Returns {1, remaining} or {0, retryAfterMs}.
 */
const TAKE = `
local cost = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
else
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
end
local allowed = tokens >= cost
if allowed then tokens = tokens - cost end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
if allowed then return {1, math.floor(tokens)} end
return {0, math.ceil((cost - tokens) * 1000 / rate)}
`;

export class RedisTokenBucketStore implements TokenBucketStore {
  constructor(private readonly redis: RedisConnection) {}

  async take(
    key: string,
    cost: number,
    limit: { ratePerSecond: number; burst: number },
  ): Promise<{ allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }> {
    // A zero rate would divide by zero inside the script; these come from configuration.
    if (!(limit.ratePerSecond > 0 && limit.burst > 0 && cost >= 0)) {
      throw new RangeError('a token bucket needs ratePerSecond > 0, burst > 0 and cost >= 0');
    }
    const [allowed, value] = (await this.redis.client.eval(
      TAKE,
      1,
      this.redis.key(`bucket:${key}`),
      String(cost),
      String(limit.ratePerSecond),
      String(limit.burst),
    )) as [number, number];
    return allowed === 1
      ? { allowed: true, remaining: value }
      : { allowed: false, retryAfterMs: value };
  }
}
