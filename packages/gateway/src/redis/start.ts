/**
 * Everything the replicas share through Redis, started once by main.ts when REDIS_URL is set:
 * the Graph throttle window, the in-flight budget split, and the stores other parts use (once
 * sets, leases, rate-limit buckets, idempotency keys). Never waits for Redis: a replica starts
 * and serves while Redis is away, and shares state once it is reachable.
 */

import type { Upstream } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { IdempotencyStore } from '../idempotency/store.js';
import type { JobEventTarget } from '../live-events/live-events.js';
import type { TokenBucketStore } from '../rate-limit/bucket-store.js';
import type { Leadership, OnceSet } from '../shared-state/contracts.js';
import { LocalOnceSet } from '../shared-state/local/once-set.js';
import { SharedOrLocalOnceSet } from '../shared-state/shared-or-local-once-set.js';
import { RedisConnection } from './connection.js';
import { RedisDataLossWatch } from './data-loss-watch.js';
import { RedisIdempotencyStore } from './idempotency-store.js';
import { InFlightShare } from './in-flight-share.js';
import { SharedJobEventTarget } from './job-event-target.js';
import { RedisLeadership } from './leadership.js';
import { RedisOnceSet } from './once-set.js';
import type { RedisSettings } from './settings.js';
import { SharedThrottleWindow } from './shared-throttle.js';
import { RedisTokenBucketStore } from './token-bucket-store.js';

export interface RedisSharedState {
  connection: RedisConnection;
  leadership: Leadership;
  /** Live events reach every replica's subscribers (src/graph-notifications/). */
  eventTarget: JobEventTarget;
  /** Webhook de-duplication and announced-once keys, across replicas while Redis is up. */
  onceSet: OnceSet;
  buckets: TokenBucketStore;
  idempotency: IdempotencyStore;
  /** Notices, at each reconnect, a Redis that lost its data (and with it idempotency keys). */
  dataLoss: RedisDataLossWatch;
  /** Leaves the replica set and closes the connections: last in a shutdown. */
  close(): Promise<void>;
}

export function startRedisSharedState(
  settings: RedisSettings,
  upstream: Upstream,
  inFlightBudget: number,
  logger: Logger,
): RedisSharedState {
  const connection = new RedisConnection(settings, logger);
  SharedThrottleWindow.start(connection, upstream.gate, logger);
  const share = new InFlightShare(connection, upstream.limit, { budget: inFlightBudget }, logger);
  connection.onReady(() => void share.beat());
  share.start();
  return {
    connection,
    leadership: new RedisLeadership(connection),
    eventTarget: new SharedJobEventTarget(connection, logger),
    onceSet: new SharedOrLocalOnceSet(
      new RedisOnceSet(connection, 'live:'),
      new LocalOnceSet(),
      () => connection.redisHealthy,
    ),
    buckets: new RedisTokenBucketStore(connection),
    idempotency: new RedisIdempotencyStore(connection),
    dataLoss: new RedisDataLossWatch(connection, logger),
    async close() {
      await share.stop();
      connection.close();
    },
  };
}
