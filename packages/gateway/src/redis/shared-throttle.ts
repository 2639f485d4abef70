/**
 * The Graph throttle window, shared by every replica. The local ThrottleGate stays the copy
 * read on every Graph call, so no call waits on Redis: when Graph gives this replica a
 * `Retry-After`, the window is written to Redis (kept only if it ends later than the one there)
 * and published; every replica hears it and closes its own gate. A replica that (re)connects
 * reads the window once. The window is a key's time to live, so replicas' clocks never matter.
 */

import type { ThrottleGate } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { RedisConnection } from './connection.js';

/** KEYS[1] window key, KEYS[2] channel; ARGV[1] window in ms. Publishes only a longer window. */
const WIDEN_WINDOW = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) >= ms then return 0 end
redis.call('SET', KEYS[1], '1', 'PX', ms)
redis.call('PUBLISH', KEYS[2], ARGV[1])
return 1
`;

export class SharedThrottleWindow {
  private readonly windowKey: string;
  private readonly channel: string;

  private constructor(
    private readonly redis: RedisConnection,
    private readonly gate: ThrottleGate,
    private readonly logger: Logger,
  ) {
    this.windowKey = redis.key('graph:blocked_until');
    this.channel = redis.key('graph:throttle');
  }

  /** Starts sharing `gate`'s windows with every replica on the same Redis and key prefix. */
  static start(redis: RedisConnection, gate: ThrottleGate, logger: Logger): SharedThrottleWindow {
    const shared = new SharedThrottleWindow(redis, gate, logger);
    const subscriber = redis.subscriberClient();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== shared.channel) return;
      const ms = Number(message);
      if (Number.isFinite(ms) && ms > 0) gate.closeFromPeer(ms);
    });
    redis.onReady(() => void shared.readOnce());
    gate.onClose((ms) => void shared.publish(ms));
    // Not awaited: while Redis is away the SUBSCRIBE waits on its own connection, and the
    // gateway must start and serve all the same; ioredis renews it after every reconnect.
    subscriber.subscribe(shared.channel).catch(() => {});
    return shared;
  }

  /** Never rejects: without Redis the window still holds this replica back. */
  private async publish(ms: number): Promise<void> {
    try {
      await this.redis.client.eval(
        WIDEN_WINDOW,
        2,
        this.windowKey,
        this.channel,
        String(Math.ceil(ms)),
      );
    } catch (error) {
      this.logger.warn(
        { windowMs: ms, error: (error as Error).message },
        'Could not share a Graph throttle window with the other replicas',
      );
    }
  }

  private async readOnce(): Promise<void> {
    try {
      const ms = await this.redis.client.pttl(this.windowKey);
      if (ms > 0) this.gate.closeFromPeer(ms);
    } catch {
      // The connection dropped again at once; the next `ready` reads it.
    }
  }
}
