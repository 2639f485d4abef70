/**
 * The live events' pub/sub target across replicas: every event reaches this replica's
 * subscribers at once, in memory, and the other replicas through one Redis channel. A replica
 * skips its own messages when they come back from Redis, so nobody hears an event twice.
 *
 * Written here rather than taken from @graphql-yoga/redis-event-target because of what an
 * outage must not do: that target publishes with a promise nobody awaits (an unhandled
 * rejection per event while Redis is away) and delivers even local events only through Redis
 * (a release screen would go silent with its own replica's events). Here a confirmed write always
 * gets its answer, local subscribers always hear, and only other replicas' events wait for Redis.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { JOB_EVENTS_TOPIC } from '../live-events/job-event.js';
import type { JobEventTarget } from '../live-events/live-events.js';
import type { RedisConnection } from './connection.js';

/** What travels on the channel: the event and which replica published it. */
interface Envelope {
  origin: string;
  detail: unknown;
}

export class SharedJobEventTarget implements JobEventTarget {
  private readonly local = new EventTarget();
  /** This replica, for recognizing its own messages. */
  private readonly origin = randomUUID();
  private readonly channel: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.channel = redis.key('live:job-events');
    const subscriber = redis.subscriberClient();
    // Queued until connected, and renewed by ioredis after every reconnect.
    subscriber.subscribe(this.channel).catch(() => {});
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
  }

  addEventListener(...args: Parameters<JobEventTarget['addEventListener']>): void {
    this.local.addEventListener(...(args as Parameters<EventTarget['addEventListener']>));
  }

  removeEventListener(...args: Parameters<JobEventTarget['removeEventListener']>): void {
    this.local.removeEventListener(...(args as Parameters<EventTarget['removeEventListener']>));
  }

  dispatchEvent(event: Parameters<JobEventTarget['dispatchEvent']>[0]): boolean {
    this.local.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
    if (event.type === JOB_EVENTS_TOPIC && this.redis.redisHealthy) {
      const envelope: Envelope = { origin: this.origin, detail: event.detail };
      this.redis.client.publish(this.channel, JSON.stringify(envelope)).catch(() => {
        // The connection logs the outage once; the other replicas miss this event, and their
        // reconciliation reads what it would have told them.
      });
    }
    return true;
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      this.logger.warn({ code: 'LIVE_EVENT_UNREADABLE' }, 'Ignored a live event Redis carried');
      return;
    }
    if (envelope?.origin === this.origin || typeof envelope?.detail !== 'object') return;
    this.local.dispatchEvent(new CustomEvent(JOB_EVENTS_TOPIC, { detail: envelope.detail }));
  }
}
