/**
 * `OnceSet` for one process: a map of key → expiry. Bounded, so that a flood of distinct keys
 * (a notification storm, or garbage that passed validation) cannot grow memory without limit:
 * beyond `maxKeys` the oldest entries are forgotten first, which at worst lets a very old repeat
 * through again; every consumer treats a repeat as harmless (events are idempotent by job id).
 */
import type { OnceSet } from '../contracts.js';

export const DEFAULT_ONCE_SET_MAX_KEYS = 100_000;

export class LocalOnceSet implements OnceSet {
  /** Insertion order is expiry order only per TTL; pruning walks from the oldest entry. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly maxKeys = DEFAULT_ONCE_SET_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  async firstSighting(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    // Re-inserted at the end: a refreshed key is the newest.
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlMs);
    this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (this.expiries.size <= this.maxKeys && expiry > now) break;
      this.expiries.delete(key);
    }
  }
}
