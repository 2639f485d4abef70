/**
 * Bounds on open WebSocket connections, per caller and in total. A connection holds a socket and
 * a timer even with no subscription on it, and a subscription's slot is counted apart (the
 * subscriber limits of src/live-events/): without this a caller could open connections without
 * end. The figures are the subscriber limits' (`GATEWAY_SUBSCRIPTIONS_PER_CALLER`,
 * `GATEWAY_SUBSCRIPTIONS_MAX`), handed down by the composition root.
 */

export interface WebSocketConnectionLimits {
  /** Connections one caller (callerKey) may hold open. */
  perCaller: number;
  /** Connections this process holds open, all callers together. */
  total: number;
}

export class WebSocketConnections {
  private readonly perCaller = new Map<string, number>();
  private total = 0;

  constructor(readonly limits: WebSocketConnectionLimits) {}

  get open(): number {
    return this.total;
  }

  /**
   * Counts a connection for `callerKey`: the function that gives it back (safe to call twice),
   * or null when a limit is reached and the connection must be refused.
   */
  tryOpen(callerKey: string): (() => void) | null {
    const held = this.perCaller.get(callerKey) ?? 0;
    if (held >= this.limits.perCaller || this.total >= this.limits.total) return null;
    this.perCaller.set(callerKey, held + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perCaller.get(callerKey) ?? 1) - 1;
      if (left > 0) this.perCaller.set(callerKey, left);
      else this.perCaller.delete(callerKey);
    };
  }
}
