/**
 * Token buckets in this process's memory, one per key, with bounded memory: a bucket that has
 * refilled completely is the same as no bucket, so it is dropped; and beyond `maxKeys` buckets
 * the least recently used one is dropped (its caller starts again with a full bucket, the
 * lenient direction). Only authenticated callers get a key (failed auth is a 401 before this),
 * so the map holds callers seen in the last few seconds.
 */
import type { BucketLimit, TakeResult, TokenBucketStore } from './bucket-store.js';
import { type BucketState, fullAt, takeTokens } from './token-bucket.js';

/** @default 10_000 callers: about 2 MB of buckets. */
export const DEFAULT_MAX_BUCKETS = 10_000;

interface Entry extends BucketState {
  fullAt: number;
}

export interface InMemoryBucketStoreOptions {
  /** Milliseconds, monotonic; tests inject one. @default performance.now */
  now?: () => number;
  maxKeys?: number;
}

export class InMemoryBucketStore implements TokenBucketStore {
  readonly #now: () => number;
  readonly #maxKeys: number;
  /** In order of last use, oldest first: Map keeps insertion order, and a take re-inserts. */
  readonly #buckets = new Map<string, Entry>();

  constructor({
    now = () => performance.now(),
    maxKeys = DEFAULT_MAX_BUCKETS,
  }: InMemoryBucketStoreOptions = {}) {
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Buckets held now; for tests and metrics. */
  get size(): number {
    return this.#buckets.size;
  }

  async take(key: string, cost: number, limit: BucketLimit): Promise<TakeResult> {
    const now = this.#now();
    this.#forgetFull(now);
    const { state, result } = takeTokens(this.#buckets.get(key), cost, limit, now);
    this.#buckets.delete(key);
    this.#buckets.set(key, { ...state, fullAt: fullAt(state.tokens, limit, now) });
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return result;
  }

  /**
   * Drops full buckets from the least recently used end. It stops at the first that is not full
   * yet, so each take does constant work on average; `maxKeys` bounds what this leaves behind.
   */
  #forgetFull(now: number): void {
    for (const [key, entry] of this.#buckets) {
      if (entry.fullAt > now) return;
      this.#buckets.delete(key);
    }
  }
}
