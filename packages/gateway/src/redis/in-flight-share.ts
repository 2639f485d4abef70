/**
 * GRAPH_MAX_IN_FLIGHT is a budget per app and tenant, which is what Graph throttles, not per
 * process. Each replica heartbeats into a sorted set (score: Redis's clock) and sets its own cap
 * to max(1, floor(budget / live replicas)), so no Graph call waits on Redis.
 *
 * An approximation, documented in docs/replicas.md: a replica that dies still counts until its
 * heartbeat is older than `ttlMs` (the others run below their share meanwhile); one that starts
 * counts from its first heartbeat, so for up to one interval the sum of the caps may exceed the
 * budget; the max(1, …) floor lets more replicas than the budget each keep one call in flight.
 * While Redis is away the last share is kept.
 */
import { randomUUID } from 'node:crypto';
import type { InFlightLimit } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { RedisConnection } from './connection.js';

/** KEYS[1] the set; ARGV[1] this replica, ARGV[2] ttl in ms. Returns the live replicas. */
const HEARTBEAT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
redis.call('PEXPIRE', KEYS[1], ttl)
return redis.call('ZCARD', KEYS[1])
`;

export interface InFlightShareOptions {
  /** The whole budget, GRAPH_MAX_IN_FLIGHT. */
  budget: number;
  /** @default 2000 */
  intervalMs?: number;
  /** A replica not heard of for this long is no longer counted. @default 3 × intervalMs */
  ttlMs?: number;
}

export class InFlightShare {
  readonly replicaId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private readonly setKey: string;
  private readonly intervalMs: number;
  private readonly ttlMs: number;
  private replicas = 1;

  constructor(
    private readonly redis: RedisConnection,
    private readonly limit: InFlightLimit,
    private readonly options: InFlightShareOptions,
    private readonly logger: Logger,
  ) {
    this.setKey = redis.key('graph:replicas');
    this.intervalMs = options.intervalMs ?? 2_000;
    this.ttlMs = options.ttlMs ?? this.intervalMs * 3;
  }

  /** Replicas counted at the last heartbeat, this one included. */
  get liveReplicas(): number {
    return this.replicas;
  }

  start(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), this.intervalMs);
    // The heartbeat alone never keeps the process alive.
    this.timer.unref();
  }

  /** Stops the heartbeat and leaves the set, so the others take its share at their next beat. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    try {
      await this.redis.client.zrem(this.setKey, this.replicaId);
    } catch {
      // Forgotten after `ttlMs` anyway.
    }
  }

  /** One heartbeat; public for tests. Never rejects. */
  async beat(): Promise<void> {
    if (!this.redis.redisHealthy) return;
    try {
      const live = Number(
        await this.redis.client.eval(HEARTBEAT, 1, this.setKey, this.replicaId, String(this.ttlMs)),
      );
      if (live !== this.replicas) {
        this.logger.info(
          {
            replicas: live,
            budget: this.options.budget,
            share: InFlightShare.shareOf(this.options.budget, live),
          },
          'Graph in-flight budget split between replicas',
        );
      }
      this.replicas = Math.max(1, live);
      this.limit.resize(InFlightShare.shareOf(this.options.budget, this.replicas));
    } catch {
      // Redis went away between the check and the command: keep the last share.
    }
  }

  static shareOf(budget: number, replicas: number): number {
    return Math.max(1, Math.floor(budget / Math.max(1, replicas)));
  }
}
