/**
 * Idempotency keys of one process: a map bounded in keys and in the length of the outcomes it
 * holds, entries dropped when they expire or, when full, oldest first (a key dropped early only
 * means a repeat is written again, as with no key at all).
 */
import { randomUUID } from 'node:crypto';
import {
  claimOf,
  type IdempotencyClaim,
  type IdempotencyStore,
  type StoredRecord,
} from './store.js';

/** @default 10000 keys. */
export const DEFAULT_MAX_KEYS = 10_000;
/**
 * @default 64 MiB of outcome text (as UTF-16 code units, ~bytes for JSON): a bulk write's outcome
 * holds up to 100 items, so 10,000 of them could otherwise hold gigabytes.
 */
export const DEFAULT_MAX_OUTCOME_CHARS = 64 * 1024 * 1024;

interface Entry {
  record: StoredRecord;
  expiresAt: number;
  chars: number;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, Entry>();
  private outcomeChars = 0;

  constructor(
    private readonly maxKeys = DEFAULT_MAX_KEYS,
    private readonly maxOutcomeChars = DEFAULT_MAX_OUTCOME_CHARS,
  ) {}

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
    if (existing?.s === 'p' && existing.t === token) this.forget(key);
  }

  get size(): number {
    return this.records.size;
  }

  /** The length of the outcomes held, in UTF-16 code units. */
  get heldOutcomeChars(): number {
    return this.outcomeChars;
  }

  private live(key: string): StoredRecord | undefined {
    const entry = this.records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.record;
    this.forget(key);
    return undefined;
  }

  private put(key: string, record: StoredRecord, ttlMs: number): void {
    this.forget(key);
    const chars = record.s === 'd' ? record.o.length : 0;
    // Longer than the whole bound: not kept (its repeat is written again), and nothing else is
    // dropped to make room it could never have.
    if (chars > this.maxOutcomeChars) return;
    this.records.set(key, { record, expiresAt: Date.now() + ttlMs, chars });
    this.outcomeChars += chars;
    // Oldest first: a Map iterates in insertion order, and `put` re-inserts. Stored outcomes go
    // before pending claims: dropping a claim lets a concurrent repeat write again, and its
    // write's outcome is then not kept. The length bound drops outcomes only (a claim holds
    // none); the key bound drops a claim only when nothing but claims is left.
    for (const [oldest, entry] of this.records) {
      if (this.outcomeChars <= this.maxOutcomeChars && this.records.size <= this.maxKeys) break;
      if (entry.record.s === 'd') this.forget(oldest);
    }
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.maxKeys) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const entry = this.records.get(key);
    if (!entry) return;
    this.records.delete(key);
    this.outcomeChars -= entry.chars;
  }
}
