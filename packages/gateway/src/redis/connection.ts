/**
 * The process's connections to Redis, from REDIS_URL: one for commands and, on demand, one for
 * SUBSCRIBE (a subscribed connection can run nothing else). Commands never queue while Redis is
 * away and each has a timeout, so a dead Redis costs a request at most `commandTimeoutMs`; the
 * connection reconnects by itself with a capped backoff, and its state changes are logged once
 * each, not once per failed command.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisSettings } from './settings.js';

/** Reconnect delays double from 50 ms up to this cap, for as long as Redis stays away. */
export const MAX_RECONNECT_DELAY_MS = 2_000;

/** `attempt` counts from 1, as ioredis passes it: 50, 100, 200 … 2000, 2000 … ms. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(MAX_RECONNECT_DELAY_MS, 50 * 2 ** Math.min(Math.max(0, attempt - 1), 10));
}

type Listener = () => void;

export class RedisConnection {
  readonly client: Redis;
  private subscriber: Redis | undefined;
  private healthy = false;
  private readonly readyListeners: Listener[] = [];
  private closing = false;

  constructor(
    private readonly settings: RedisSettings,
    private readonly logger: Logger,
  ) {
    this.client = new Redis(settings.url, this.options(false));
    this.client.on('ready', () => this.changeState(true));
    this.client.on('error', (error: Error) => this.changeState(false, error));
    this.client.on('close', () => this.changeState(false));
  }

  /** True while commands can reach Redis; false before the first connect and during outages. */
  get redisHealthy(): boolean {
    return this.healthy;
  }

  /** `name` under the configured prefix: every key and channel goes through here. */
  key(name: string): string {
    return `${this.settings.keyPrefix}${name}`;
  }

  /**
   * Called on every (re)connect: shared state written while this replica was away is read then.
   * Also at once if connected already, unless `nowIfReady` is false.
   */
  onReady(listener: Listener, { nowIfReady = true }: { nowIfReady?: boolean } = {}): void {
    this.readyListeners.push(listener);
    if (this.healthy && nowIfReady) listener();
  }

  /**
   * The connection for SUBSCRIBE. Its subscriptions queue until it connects and are renewed by
   * ioredis after each reconnect; no request ever waits on it.
   */
  subscriberClient(): Redis {
    this.subscriber ??= new Redis(this.settings.url, this.options(true));
    // Its errors are the same outage the command connection logs; unheard, they would crash.
    this.subscriber.on('error', () => {});
    return this.subscriber;
  }

  close(): void {
    this.closing = true;
    // Not QUIT: it would wait for a Redis that may be gone. Nothing is left to answer here.
    this.client.disconnect();
    this.subscriber?.disconnect();
  }

  private options(subscriber: boolean): RedisOptions {
    return {
      // Off for commands: while Redis is away they fail at once instead of piling up.
      enableOfflineQueue: subscriber,
      maxRetriesPerRequest: subscriber ? null : 1,
      commandTimeout: subscriber ? undefined : this.settings.commandTimeoutMs,
      connectTimeout: Math.max(1_000, this.settings.commandTimeoutMs * 4),
      retryStrategy: (attempt: number) => (this.closing ? null : reconnectDelayMs(attempt)),
      // Not the library's keyPrefix: it skips channels and Lua keys in ways easy to get wrong.
      lazyConnect: false,
    };
  }

  private changeState(healthy: boolean, error?: Error): void {
    if (healthy === this.healthy) return;
    this.healthy = healthy;
    if (healthy) {
      this.logger.info('Redis connected: state is shared with the other replicas');
      for (const listener of this.readyListeners) listener();
    } else if (!this.closing) {
      this.logger.warn(
        error ? { error: error.message } : {},
        'Redis unreachable: throttle windows, in-flight shares and idempotency keys are local ' +
          'to this replica until it is back (docs/replicas.md)',
      );
    }
  }
}
