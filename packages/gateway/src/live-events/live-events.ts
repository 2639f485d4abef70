/**
 * The live events of one gateway process: the GraphQL pub/sub (yoga's `createPubSub` over an
 * event target: in memory by default, shared by replicas when one is injected), the bound on
 * subscribers, and what publishes. Subscribers filter the one topic per caller, before an event
 * is sent (src/schema/subscription/).
 */
import { createPubSub, filter, type PubSubEventTarget, pipe } from 'graphql-yoga';
import type { OnceSet } from '../shared-state/contracts.js';
import { LocalOnceSet } from '../shared-state/local/once-set.js';
import { JOB_EVENTS_TOPIC, type JobEvent } from './job-event.js';
import { type SubscriberLimitSettings, SubscriberRegistry } from './subscriber-limits.js';

export type JobEventTopics = { [JOB_EVENTS_TOPIC]: [JobEvent] };
export type JobEventTarget = PubSubEventTarget<JobEventTopics>;

export interface LiveEventsOptions {
  /** Where events travel: omitted, in this process only. */
  eventTarget?: JobEventTarget;
  /** Which notifications and announcements were already seen (shared by replicas with Redis). */
  onceSet?: OnceSet;
  subscriberLimits?: SubscriberLimitSettings;
}

export class LiveEvents {
  readonly subscribers: SubscriberRegistry;
  readonly onceSet: OnceSet;
  private readonly pubSub;

  constructor(options: LiveEventsOptions = {}) {
    this.pubSub = createPubSub<JobEventTopics>(
      options.eventTarget ? { eventTarget: options.eventTarget } : {},
    );
    this.onceSet = options.onceSet ?? new LocalOnceSet();
    this.subscribers = new SubscriberRegistry(options.subscriberLimits);
  }

  publish(event: JobEvent): void {
    this.pubSub.publish(JOB_EVENTS_TOPIC, event);
  }

  /**
   * The events `visible` lets through, as long as the subscriber stays: takes a subscriber slot
   * for `callerKey` (throws `TooManySubscriptionsError`) and gives it back when the stream ends,
   * whether the client went away (graphql-js calls `return`) or the server closes it.
   */
  subscribe(
    callerKey: string,
    visible: (event: JobEvent) => boolean,
  ): AsyncIterableIterator<JobEvent> {
    const source = pipe(this.pubSub.subscribe(JOB_EVENTS_TOPIC), filter(visible));
    // Repeaters end at once when `return` is called, even while waiting for the next event
    // (an async generator would wait for that event first, and leak the slot meanwhile).
    const end = () => {
      release();
      void source.return?.();
    };
    const release = this.subscribers.acquire(callerKey, end);
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        const result = await source.next();
        if (result.done) release();
        return result;
      },
      async return() {
        end();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        end();
        throw error;
      },
    };
  }

  /** Ends every subscription (shutdown): their streams complete, so their requests finish. */
  close(): void {
    this.subscribers.closeAll();
  }
}
