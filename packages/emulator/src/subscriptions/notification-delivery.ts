import { postOutbound } from './outbound-post.js';
import type { DeliveryCounts } from './subscription-record.js';

// Delivers notifications to client endpoints off the request path: queued per endpoint, batched,
// POSTed with a deadline, retried on a short bounded schedule. A failing endpoint only ever costs
// its own timers; nothing here throws into the code that queued a notification.

/** Graph wants a 2xx within 3 seconds. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 3_000;
/** Graph retries for up to 4 hours; the emulator tries 4 times over about 20 seconds. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000, 15_000];
/** Notifications per POST; Graph names no limit. */
export const MAX_NOTIFICATIONS_PER_POST = 50;

export type NotificationKind = 'change' | 'lifecycle';

export interface QueuedNotification {
  subscriptionId: string;
  kind: NotificationKind;
  endpoint: string;
  payload: Record<string, unknown>;
  counts: DeliveryCounts;
  /** Sent once more, in a POST of its own, after the first delivery attempt ends. */
  duplicate: boolean;
}

export interface DeliveryOptions {
  timeoutMs: number;
  retryDelaysMs: readonly number[];
  /** False once the subscription expired or was deleted: its pending notifications are dropped. */
  isLive(subscriptionId: string): boolean;
}

export class NotificationDelivery {
  readonly #options: DeliveryOptions;
  readonly #queues = new Map<string, QueuedNotification[]>();
  readonly #timers = new Set<NodeJS.Timeout | NodeJS.Immediate>();
  #inFlight = 0;
  #controller = new AbortController();

  constructor(options: DeliveryOptions) {
    this.#options = options;
  }

  enqueue(notification: QueuedNotification): void {
    const key = `${notification.kind} ${notification.endpoint}`;
    const queue = this.#queues.get(key);
    if (queue !== undefined) {
      queue.push(notification);
      return;
    }
    // Everything queued in the same turn of the event loop (a backlog of jobs) shares POSTs.
    this.#queues.set(key, [notification]);
    const immediate = setImmediate(() => {
      this.#timers.delete(immediate);
      this.#flush(key);
    });
    this.#timers.add(immediate);
  }

  /** Notifications queued or being sent; for tests that wait for quiet. */
  pending(): number {
    let queued = 0;
    for (const queue of this.#queues.values()) queued += queue.length;
    return queued + this.#inFlight;
  }

  /** Forgets every queued and in-flight notification (reset and close). */
  cancelAll(): void {
    this.#controller.abort(new Error('Notification delivery was cancelled.'));
    this.#controller = new AbortController();
    for (const timer of this.#timers) {
      clearTimeout(timer as NodeJS.Timeout);
      clearImmediate(timer as NodeJS.Immediate);
    }
    this.#timers.clear();
    this.#queues.clear();
    this.#inFlight = 0;
  }

  #flush(key: string): void {
    const queue = this.#queues.get(key) ?? [];
    this.#queues.delete(key);
    for (let start = 0; start < queue.length; start += MAX_NOTIFICATIONS_PER_POST) {
      void this.#attempt(queue.slice(start, start + MAX_NOTIFICATIONS_PER_POST), 0);
    }
  }

  async #attempt(batch: QueuedNotification[], attempt: number): Promise<void> {
    const live = batch.filter((item) => this.#options.isLive(item.subscriptionId));
    const first = live[0];
    if (first === undefined) return;
    const signal = this.#controller.signal;
    this.#inFlight += live.length;
    let ok = false;
    try {
      const answer = await postOutbound({
        url: new URL(first.endpoint),
        body: JSON.stringify({ value: live.map((item) => item.payload) }),
        contentType: 'application/json',
        timeoutMs: this.#options.timeoutMs,
        signal,
      });
      ok = answer.status >= 200 && answer.status < 300;
    } catch {
      ok = false;
    }
    if (signal.aborted) return;
    this.#inFlight -= live.length;
    for (const item of live) {
      if (ok) {
        if (item.kind === 'lifecycle') item.counts.lifecycleDelivered += 1;
        else item.counts.delivered += 1;
      } else {
        item.counts.failedAttempts += 1;
      }
    }
    if (ok || attempt >= this.#options.retryDelaysMs.length) {
      if (!ok) for (const item of live) item.counts.abandoned += 1;
      this.#sendDuplicates(live);
      return;
    }
    const delay = this.#options.retryDelaysMs[attempt] ?? 0;
    this.#inFlight += live.length;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#inFlight -= live.length;
      void this.#attempt(live, attempt + 1);
    }, delay);
    this.#timers.add(timer);
  }

  #sendDuplicates(batch: QueuedNotification[]): void {
    for (const item of batch) {
      if (!item.duplicate) continue;
      item.counts.duplicated += 1;
      this.enqueue({ ...item, duplicate: false });
    }
  }
}
