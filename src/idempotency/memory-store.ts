/**
 * Idempotency keys of one process: a map bounded in size, entries dropped when they expire or,
 * when full, oldest first (a key dropped early only means a repeat is written again, as with no
 * key at all).
 */
import { randomUUID } from 'node:crypto';
import {
  claimOf,
  type IdempotencyClaim,
  type IdempotencyStore,
  type StoredRecord,
} from './store.js';

/** @default 10000 keys, some megabytes at most with the outcomes of single writes. */
export const DEFAULT_MAX_KEYS = 10_000;

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: StoredRecord; expiresAt: number }>();

  constructor(private readonly maxKeys = DEFAULT_MAX_KEYS) {}

  async claim(key: string, fingerprint: string, pendingMs: number): Promise<IdempotencyClaim> {
    const existing = this.live(key);
    if (existing) return claimOf(existing);
    const token = randomUUID();
    this.put(key, { s: 'p', f: fingerprint, t: token }, pendingMs);
    return { kind: 'claimed', token };
  }

  async complete(
    key: string,
    token: string,
    fingerprint: string,
    outcome: string,
    windowMs: number,
  ): Promise<void> {
    const existing = this.live(key);
    if (existing?.s === 'p' && existing.t === token) {
      this.put(key, { s: 'd', f: fingerprint, o: outcome }, windowMs);
    }
  }

  async abandon(key: string, token: string): Promise<void> {
    const existing = this.live(key);
    if (existing?.s === 'p' && existing.t === token) this.records.delete(key);
  }

  get size(): number {
    return this.records.size;
  }

  private live(key: string): StoredRecord | undefined {
    const entry = this.records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.record;
    this.records.delete(key);
    return undefined;
  }

  private put(key: string, record: StoredRecord, ttlMs: number): void {
    this.records.delete(key);
    this.records.set(key, { record, expiresAt: Date.now() + ttlMs });
    // Oldest first: a Map iterates in insertion order, and `put` re-inserts.
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.maxKeys) break;
      this.records.delete(oldest);
    }
  }
}
