/**
 * `OnceSet` for one process: a map of key → expiry. Bounded, so that a flood of distinct keys
 * (a notification storm, or garbage that passed validation) cannot grow memory without limit:
 * beyond `maxKeys` the oldest entries are forgotten first, which at worst lets a very old repeat
 * through again; every consumer treats a repeat as harmless (events are idempotent by job id).
 */
import { ExpiringLru } from '../../expiring-lru.js';
import type { OnceSet } from '../contracts.js';

export const DEFAULT_ONCE_SET_MAX_KEYS = 100_000;

export class LocalOnceSet implements OnceSet {
  /** Key → true while it is a repeat; each key with the ttl it was first seen with. */
  private readonly seen: ExpiringLru<true>;

  constructor(
    maxKeys = DEFAULT_ONCE_SET_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {
    this.seen = new ExpiringLru(maxKeys);
  }

  get size(): number {
    return this.seen.size;
  }

  async firstSighting(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    if (this.seen.get(key, now)) return false;
    // Written again: a refreshed key is the newest.
    this.seen.set(key, true, ttlMs, now);
    return true;
  }
}
