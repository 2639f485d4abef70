/**
 * Bounds on open subscriptions, per caller and in total: each one holds a connection and a place
 * in the fan-out of every event. A slot is taken when a subscription starts and given back when
 * it ends, however it ends (client gone, server closing); `closeAll` ends them all at shutdown.
 */
import { GatewayError } from '../errors.js';
import { SlotCounts } from '../slot-counts.js';

export interface SubscriberLimitSettings {
  /** Open subscriptions one caller (callerKey) may hold. @default 5 */
  perCaller: number;
  /** Open subscriptions in this process. @default 1000 */
  total: number;
}

export const DEFAULT_SUBSCRIBER_LIMITS: SubscriberLimitSettings = { perCaller: 5, total: 1_000 };

export class TooManySubscriptionsError extends GatewayError {
  readonly code = 'TOO_MANY_SUBSCRIPTIONS';
  override readonly name = 'TooManySubscriptionsError';
}

export class SubscriberRegistry {
  private readonly counts = new SlotCounts();
  private readonly closers = new Set<() => void>();

  constructor(readonly settings: SubscriberLimitSettings = DEFAULT_SUBSCRIBER_LIMITS) {}

  /** Open subscriptions, all callers together. */
  get open(): number {
    return this.closers.size;
  }

  openFor(callerKey: string): number {
    return this.counts.heldBy(callerKey);
  }

  /**
   * Takes a slot, or throws `TooManySubscriptionsError`. `close` ends the subscription (used by
   * `closeAll`); the returned function gives the slot back and is safe to call twice.
   */
  acquire(callerKey: string, close: () => void): () => void {
    const held = this.openFor(callerKey);
    if (held >= this.settings.perCaller) {
      throw new TooManySubscriptionsError(
        `This caller already holds ${held} open subscriptions, the most allowed ` +
          '(GATEWAY_SUBSCRIPTIONS_PER_CALLER); close one first',
      );
    }
    if (this.closers.size >= this.settings.total) {
      throw new TooManySubscriptionsError(
        'The gateway holds as many open subscriptions as it allows (GATEWAY_SUBSCRIPTIONS_MAX); try again later',
      );
    }
    const giveBack = this.counts.take(callerKey);
    this.closers.add(close);
    return () => {
      giveBack();
      this.closers.delete(close);
    };
  }

  /** Ends every open subscription: their streams complete and their slots are given back. */
  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}
