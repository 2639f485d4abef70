/** The Redis and idempotency settings in src/config.ts. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';
import {
  MAX_RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from '../../packages/gateway/src/redis/connection.js';

describe('Redis configuration', () => {
  it('keeps state in the process when REDIS_URL is unset', () => {
    expect(loadConfig({}).redis).toBeNull();
    expect(loadConfig({}).idempotencyWindowSeconds).toBe(600);
    expect(loadConfig({}).idempotencyMaxKeysPerCaller).toBe(1_000);
    expect(loadConfig({ IDEMPOTENCY_MAX_KEYS_PER_CALLER: '250' }).idempotencyMaxKeysPerCaller).toBe(
      250,
    );
  });

  it('accepts redis:// and rediss:// with the defaults for the rest', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'upg:',
      commandTimeoutMs: 500,
    });
    expect(
      loadConfig({
        REDIS_URL: 'rediss://:secret@cache.internal:6380/2',
        REDIS_KEY_PREFIX: 'tenant-a:',
        REDIS_COMMAND_TIMEOUT_MS: '250',
      }).redis,
    ).toEqual({
      url: 'rediss://:secret@cache.internal:6380/2',
      keyPrefix: 'tenant-a:',
      commandTimeoutMs: 250,
    });
  });

  it.each([
    ['REDIS_URL', 'http://cache:6379', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['REDIS_URL', 'redis://cache:6379/?db=1', /REDIS_URL must not carry a query/],
    ['REDIS_KEY_PREFIX', 'has space', /REDIS_KEY_PREFIX/],
    ['REDIS_COMMAND_TIMEOUT_MS', '10', /REDIS_COMMAND_TIMEOUT_MS/],
    ['REDIS_COMMAND_TIMEOUT_MS', '10001', /REDIS_COMMAND_TIMEOUT_MS/],
    ['IDEMPOTENCY_WINDOW_SECONDS', '0', /IDEMPOTENCY_WINDOW_SECONDS/],
    ['IDEMPOTENCY_WINDOW_SECONDS', '86401', /IDEMPOTENCY_WINDOW_SECONDS/],
    ['IDEMPOTENCY_MAX_KEYS_PER_CALLER', '0', /IDEMPOTENCY_MAX_KEYS_PER_CALLER/],
    ['IDEMPOTENCY_MAX_KEYS_PER_CALLER', '100001', /IDEMPOTENCY_MAX_KEYS_PER_CALLER/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    const load = () => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('never repeats the password of a REDIS_URL it refuses', () => {
    const load = () => loadConfig({ REDIS_URL: 'redis://:hunter2@cache:6379/?x=1' });
    expect(load).toThrow(ConfigError);
    expect(load).not.toThrow(/hunter2/);
  });
});

describe('reconnectDelayMs', () => {
  it('starts at 50 ms, doubles, and never exceeds the documented 2000 ms', () => {
    expect([1, 2, 3, 6, 7, 50].map(reconnectDelayMs)).toEqual([50, 100, 200, 1_600, 2_000, 2_000]);
    expect(MAX_RECONNECT_DELAY_MS).toBe(2_000);
  });
});
