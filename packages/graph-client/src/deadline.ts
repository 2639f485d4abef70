import { setMaxListeners } from 'node:events';

/**
 * The time one GraphQL request may spend on Graph, retries and throttle waits included. Its
 * signal aborts an attempt still in flight when the time is up, so nothing outlives it.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly expiresAt: number;

  constructor(readonly budgetMs: number) {
    this.expiresAt = Date.now() + budgetMs;
    this.signal = AbortSignal.timeout(budgetMs);
    // Every call of the request listens (sleeps, queue slots, fetches) and lets go when done;
    // a query touching 100 jobs is not a leak.
    setMaxListeners(1_000, this.signal);
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - Date.now());
  }

  /** Whether waiting `ms` and then trying again still leaves time for the attempt. */
  allowsWait(ms: number): boolean {
    return ms < this.remainingMs();
  }
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Resolves once `Date.now()` reaches `until`, or early (without error) when `signal` aborts.
 * A timer of `ms` can end up to a millisecond before `Date.now()` has moved `ms` (timers count
 * on a truncated monotonic clock): whatever measures its windows with `Date.now()`, like the
 * throttle gate, must be waited out on that clock, or it is still closed when the wait ends.
 */
export async function sleepUntil(until: number, signal?: AbortSignal): Promise<void> {
  for (let left = until - Date.now(); left > 0 && !signal?.aborted; left = until - Date.now()) {
    await sleep(left, signal);
  }
}
