/**
 * A bounded map whose entries expire, on `lru-cache`, kept to the rules the gateway's hand-written
 * maps had, which their callers and tests rely on:
 *
 * - Eviction is oldest written first: a read does not make an entry newer (lru-cache's `get`
 *   would, so reads go through `peek`); writing a key again makes it the newest.
 * - The time is the caller's, passed with each call (one reading of its clock per operation, as
 *   before); lru-cache reads it back through `perf`, with `ttlResolution: 0` so that it neither
 *   caches a time nor sets a timer to forget one.
 * - An entry is expired once its age *reaches* its ttl; lru-cache keeps it while its age is at
 *   most the ttl, and takes a start of 0 to mean "no ttl". Each entry is therefore dated half a
 *   millisecond early: on the whole-millisecond clocks used here (Date.now, or a test's), the
 *   same instant expires it as before, and no start is ever 0.
 * - An expired entry is dropped when it is looked up; until then it holds a place, as before,
 *   and is the first to go when room is needed.
 * - A bound of 0 keeps nothing.
 */
import { LRUCache } from 'lru-cache';

/** How much earlier than its write an entry is dated: see above. */
const DATED_EARLY_MS = 0.5;

export class ExpiringLru<V extends {}> {
  /** Null when the bound is 0: lru-cache reads `max: 0` as unbounded. */
  private readonly cache: LRUCache<string, V> | null;
  /** The time of the call under way, which is lru-cache's clock. */
  private at = 0;

  constructor(maxEntries: number) {
    this.cache =
      maxEntries > 0
        ? new LRUCache<string, V>({
            max: maxEntries,
            perf: { now: () => this.at },
            ttlResolution: 0,
          })
        : null;
  }

  /** The value at `now`, unless absent or expired; an expired entry is dropped. */
  get(key: string, now: number): V | undefined {
    if (!this.cache) return undefined;
    this.at = now;
    const value = this.cache.peek(key);
    if (value === undefined) this.cache.delete(key);
    return value;
  }

  /** Stores `value` as the newest entry, from `now` for `ttlMs`. */
  set(key: string, value: V, ttlMs: number, now: number): void {
    if (!this.cache) return;
    // lru-cache reads a ttl of 0 as "forever": a write that is expired at once leaves nothing.
    if (!(ttlMs > 0)) {
      this.cache.delete(key);
      return;
    }
    this.at = now;
    this.cache.set(key, value, { ttl: ttlMs, start: now - DATED_EARLY_MS });
  }

  /** Entries held, expired ones not yet dropped included. */
  get size(): number {
    return this.cache?.size ?? 0;
  }
}
