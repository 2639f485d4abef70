/** How the gateway reaches Redis when REDIS_URL is set (src/config.ts validates it). */
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
