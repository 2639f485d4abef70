/**
 * Idempotency keys of one process, held per caller. Each caller holds at most
 * `maxKeysPerCaller` keys (ClaimTerms): past it, a new key drops that caller's own oldest, so no
 * caller can push out another's by writing a lot. Over all callers the map is bounded in keys
 * and in the length of the outcomes it holds, a memory backstop that drops from whoever holds
 * the most: a caller loses records to another's only while it holds more than that other.
 * Entries also go when they expire. A key dropped early only means a repeat is written again, as
 * with no key at all.
 */
import { randomUUID } from 'node:crypto';
import {
  type ClaimTerms,
  claimOf,
  type IdempotencyClaim,
  type IdempotencyStore,
  type ScopedKey,
  type StoredRecord,
} from './store.js';

/** @default 10000 keys, all callers together. */
export const DEFAULT_MAX_KEYS = 10_000;
/**
 * @default 64 MiB of outcome text (as UTF-16 code units, ~bytes for JSON), all callers together:
 * a bulk write's outcome holds up to 100 items, so 10,000 of them could otherwise hold gigabytes.
 */
export const DEFAULT_MAX_OUTCOME_CHARS = 64 * 1024 * 1024;

interface Entry {
  record: StoredRecord;
  expiresAt: number;
  chars: number;
}

/** One caller's records, oldest first (a Map iterates in insertion order; `put` re-inserts). */
interface Holding {
  readonly entries: Map<string, Entry>;
  chars: number;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly holdings = new Map<string, Holding>();
  private keys = 0;
  private outcomeChars = 0;

  constructor(
    private readonly maxKeys = DEFAULT_MAX_KEYS,
    private readonly maxOutcomeChars = DEFAULT_MAX_OUTCOME_CHARS,
  ) {}

  async claim(key: ScopedKey, fingerprint: string, terms: ClaimTerms): Promise<IdempotencyClaim> {
    const existing = this.live(key);
    if (existing) return claimOf(existing);
    const token = randomUUID();
    this.put(key, { s: 'p', f: fingerprint, t: token }, terms.pendingMs, terms.maxKeysPerCaller);
    return { kind: 'claimed', token };
  }

  async complete(
    key: ScopedKey,
    token: string,
    fingerprint: string,
    outcome: string,
    terms: ClaimTerms,
  ): Promise<void> {
    const existing = this.live(key);
    if (existing?.s === 'p' && existing.t === token) {
      this.put(key, { s: 'd', f: fingerprint, o: outcome }, terms.windowMs, terms.maxKeysPerCaller);
    }
  }

  async abandon(key: ScopedKey, token: string): Promise<void> {
    const existing = this.live(key);
    if (existing?.s === 'p' && existing.t === token) this.forget(key.caller, key.key);
  }

  get size(): number {
    return this.keys;
  }

  /** The keys one caller holds (expired ones not yet dropped included). */
  sizeOf(caller: string): number {
    return this.holdings.get(caller)?.entries.size ?? 0;
  }

  /** The length of the outcomes held, in UTF-16 code units. */
  get heldOutcomeChars(): number {
    return this.outcomeChars;
  }

  private live({ caller, key }: ScopedKey): StoredRecord | undefined {
    const entry = this.holdings.get(caller)?.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.record;
    this.forget(caller, key);
    return undefined;
  }

  private put(
    { caller, key }: ScopedKey,
    record: StoredRecord,
    ttlMs: number,
    maxKeysPerCaller: number,
  ): void {
    this.forget(caller, key);
    const chars = record.s === 'd' ? record.o.length : 0;
    // Longer than the whole bound: not kept (its repeat is written again), and nothing else is
    // dropped to make room it could never have.
    if (chars > this.maxOutcomeChars) return;
    let holding = this.holdings.get(caller);
    if (!holding) {
      holding = { entries: new Map(), chars: 0 };
      this.holdings.set(caller, holding);
    }
    holding.entries.set(key, { record, expiresAt: Date.now() + ttlMs, chars });
    holding.chars += chars;
    this.keys += 1;
    this.outcomeChars += chars;
    // The caller's own bound: only its own records make room.
    while (holding.entries.size > maxKeysPerCaller && this.dropOldest(caller, holding, false)) {}
    // The backstops, over all callers: from whoever holds the most.
    while (this.keys > this.maxKeys) {
      const [largest, its] = this.largest(caller, (held) => held.entries.size);
      if (!this.dropOldest(largest, its, false)) break;
    }
    while (this.outcomeChars > this.maxOutcomeChars) {
      const [largest, its] = this.largest(caller, (held) => held.chars);
      if (!this.dropOldest(largest, its, true)) break;
    }
  }

  /**
   * The caller holding the most by `measure`; on a tie `writer`, the caller whose write made the
   * store overflow, so that it pays for its own record before any other caller does.
   */
  private largest(writer: string, measure: (held: Holding) => number): [string, Holding] {
    const own = this.holdings.get(writer);
    let best: [string, Holding] | undefined = own ? [writer, own] : undefined;
    for (const [caller, held] of this.holdings) {
      if (!best || measure(held) > measure(best[1])) best = [caller, held];
    }
    // The loops that ask only do so while something is held.
    return best as [string, Holding];
  }

  /**
   * Drops the caller's oldest stored outcome; when it has none and `outcomesOnly` is false, its
   * oldest claim. Outcomes go first: dropping a claim lets a concurrent repeat write again, and
   * its write's outcome is then not kept. False when nothing could be dropped.
   */
  private dropOldest(caller: string, holding: Holding, outcomesOnly: boolean): boolean {
    let oldestClaim: string | undefined;
    for (const [key, entry] of holding.entries) {
      if (entry.record.s === 'd') {
        this.forget(caller, key);
        return true;
      }
      oldestClaim ??= key;
    }
    if (outcomesOnly || oldestClaim === undefined) return false;
    this.forget(caller, oldestClaim);
    return true;
  }

  private forget(caller: string, key: string): void {
    const holding = this.holdings.get(caller);
    const entry = holding?.entries.get(key);
    if (!holding || !entry) return;
    holding.entries.delete(key);
    holding.chars -= entry.chars;
    this.keys -= 1;
    this.outcomeChars -= entry.chars;
    if (holding.entries.size === 0) this.holdings.delete(caller);
  }
}
