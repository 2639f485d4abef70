/**
 * How the gateway reaches Redis when REDIS_URL is set: this module's piece of the environment,
 * which src/config.ts composes (docs/replicas.md).
 */
import { z } from 'zod';
import { ConfigError, type EnvOf, nonEmpty } from '../settings/env.js';

export interface RedisSettings {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Never logged. */
  url: string;
  /** Put before every key and channel, so several gateways (app+tenant pairs) share one Redis. */
  keyPrefix: string;
  /**
   * The longest a command may take before it fails: a Redis that stopped answering costs a
   * GraphQL request at most this much, never a hang.
   */
  commandTimeoutMs: number;
}

export const REDIS_DEFAULTS = { keyPrefix: 'upg:', commandTimeoutMs: 500 } as const;

export const REDIS_ENV = {
  REDIS_URL: nonEmpty.refine(
    (url) => url === undefined || /^rediss?:\/\/[^\s]+$/.test(url),
    'must be a redis:// or rediss:// URL',
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 : _ . -')
    .default(REDIS_DEFAULTS.keyPrefix),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(10_000)
    .default(REDIS_DEFAULTS.commandTimeoutMs),
};

type RedisEnv = EnvOf<typeof REDIS_ENV>;

/** Redis only when REDIS_URL is set: without it the process keeps its state to itself. */
export function redisSettings(vars: RedisEnv): RedisSettings | null {
  if (!vars.REDIS_URL) return null;
  let url: URL;
  try {
    url = new URL(vars.REDIS_URL);
  } catch {
    throw new ConfigError('REDIS_URL is not a URL: expected redis://host:port or rediss://...');
  }
  if (url.search || url.hash) {
    throw new ConfigError('REDIS_URL must not carry a query or a fragment');
  }
  return {
    url: vars.REDIS_URL,
    keyPrefix: vars.REDIS_KEY_PREFIX,
    commandTimeoutMs: vars.REDIS_COMMAND_TIMEOUT_MS,
  };
}
