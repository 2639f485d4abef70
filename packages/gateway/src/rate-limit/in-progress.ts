/**
 * Requests in progress per caller, in this process. A flood of slow concurrent requests from
 * one caller would otherwise hold every Graph connection (GRAPH_MAX_IN_FLIGHT is process-wide)
 * and starve everyone else, however few tokens it spent. A count of zero is deleted, so the map
 * holds only callers with a request in progress.
 */
export class InProgressCounter {
  readonly #counts = new Map<string, number>();

  /** A release function when `key` had fewer than `max` in progress; null when it is full. */
  tryEnter(key: string, max: number): (() => void) | null {
    const count = this.#counts.get(key) ?? 0;
    if (count >= max) return null;
    this.#counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#counts.get(key) ?? 1) - 1;
      if (left > 0) this.#counts.set(key, left);
      else this.#counts.delete(key);
    };
  }

  inProgress(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  /** Callers with something in progress. */
  get callers(): number {
    return this.#counts.size;
  }
}
