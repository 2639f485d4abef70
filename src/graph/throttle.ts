/**
 * Process-wide restraint towards Graph, shared by every GraphQL request: a throttle window
 * opened by `Retry-After`, which new calls wait out instead of hammering Graph, and a cap on
 * upstream HTTP requests in flight.
 */
export class ThrottleGate {
  private closedUntil = 0;

  constructor(private readonly enabled: boolean) {}

  /** Graph asked for `seconds` of quiet: no new call goes out before then. */
  close(seconds: number): void {
    if (this.enabled) this.closedUntil = Math.max(this.closedUntil, Date.now() + seconds * 1000);
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

  constructor(private readonly limit: number) {}

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
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else this.active -= 1;
  }
}
