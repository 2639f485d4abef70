/**
 * Process-wide restraint towards Graph, shared by every GraphQL request: a throttle window
 * opened by `Retry-After`, which new calls wait out instead of hammering Graph, and a cap on
 * upstream HTTP requests in flight.
 */
export class ThrottleGate {
  private closedUntil = 0;
  private readonly closeListeners: Array<(ms: number) => void> = [];

  constructor(
    private readonly enabled: boolean,
    /**
     * The longest window (GRAPH_MAX_RETRY_AFTER_SECONDS): the upstream already caps Graph's
     * answers; this also bounds what a peer shares, or a window left in Redis by an older release.
     */
    private readonly maxWindowMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Graph asked for `seconds` of quiet: no new call goes out before then. */
  close(seconds: number): void {
    if (!this.enabled) return;
    const ms = Math.min(seconds * 1000, this.maxWindowMs);
    this.closedUntil = Math.max(this.closedUntil, Date.now() + ms);
    // Shared (with Redis) as capped: no replica is held back longer than the cap.
    for (const listener of this.closeListeners) listener(ms);
  }

  /**
   * Another replica was told to wait (src/shared-state/): closes this gate too, without telling
   * the listeners, which would only echo it back.
   */
  closeFromPeer(ms: number): void {
    if (!this.enabled) return;
    this.closedUntil = Math.max(this.closedUntil, Date.now() + Math.min(ms, this.maxWindowMs));
  }

  /** Hears every window Graph opened on this process, to share it with the other replicas. */
  onClose(listener: (ms: number) => void): void {
    this.closeListeners.push(listener);
  }

  /** Milliseconds until calls may go out again; 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.closedUntil - Date.now());
  }
}

/** A counting semaphore: at most `limit` holders at once, the rest queue in arrival order. */
export class InFlightLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {}

  /**
   * A new cap (this replica's share of a budget several replicas split). Raised: waiters are let
   * in at once. Lowered: nothing in flight is cut short; slots are not handed on until fewer
   * than `limit` are held.
   */
  resize(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }

  get capacity(): number {
    return this.limit;
  }

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /** `run` would start at once, without queueing. */
  get hasFreeSlot(): boolean {
    return this.active < this.limit;
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    // An abort that already happened fires no event: queueing now would wait for a free slot.
    if (signal?.aborted) throw signal.reason;
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', abandon);
        resolve();
      };
      const abandon = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', abandon, { once: true });
    });
  }

  private release(): void {
    // The slot passes straight to the next waiter, so `active` stays the same; unless the cap
    // was lowered below what is held, then the slot is given up.
    const next = this.active <= this.limit ? this.waiting.shift() : undefined;
    if (next) next();
    else this.active -= 1;
  }
}
