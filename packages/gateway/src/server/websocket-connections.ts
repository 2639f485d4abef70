/**
 * Bounds on open WebSocket connections, per caller and in total. A connection holds a socket and
 * a timer even with no subscription on it, and a subscription's slot is counted apart (the
 * subscriber limits of src/live-events/): without this a caller could open connections without
 * end. The figures are the subscriber limits' (`GATEWAY_SUBSCRIPTIONS_PER_CALLER`,
 * `GATEWAY_SUBSCRIPTIONS_MAX`), handed down by the composition root.
 */
import { SlotCounts } from '../slot-counts.js';

export interface WebSocketConnectionLimits {
  /** Connections one caller (callerKey) may hold open. */
  perCaller: number;
  /** Connections this process holds open, all callers together. */
  total: number;
}

export class WebSocketConnections {
  private readonly counts = new SlotCounts();

  constructor(readonly limits: WebSocketConnectionLimits) {}

  get open(): number {
    return this.counts.total;
  }

  /**
   * Counts a connection for `callerKey`: the function that gives it back (safe to call twice),
   * or null when a limit is reached and the connection must be refused.
   */
  tryOpen(callerKey: string): (() => void) | null {
    const full =
      this.counts.heldBy(callerKey) >= this.limits.perCaller ||
      this.counts.total >= this.limits.total;
    return full ? null : this.counts.take(callerKey);
  }
}
