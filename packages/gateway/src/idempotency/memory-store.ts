/**
 * Idempotency keys of one process, held per caller. Each caller holds at most
 * `maxKeysPerCaller` keys (ClaimTerms): past it, a new key drops that caller's own oldest, so no
 * caller can push out another's by writing a lot. Over all callers the map is bounded in keys
 * and in the length of the outcomes it holds, a memory backstop: past it, expired records go
 * first, then records of whoever holds the most (the oldest among callers holding as many), so a
 * caller never loses a record while another holds more. A key dropped early only means a repeat
 * is written again, as with no key at all.
 */
import { randomUUID } from 'node:crypto';
import { CallersByCount } from './callers-by-count.js';
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

/** Caller and key are hashes (base64url): a space never occurs in either. */
const idOf = (caller: string, key: string) => `${caller} ${key}`;

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly holdings = new Map<string, Holding>();
  private readonly byCount = new CallersByCount();
  /** Every record, oldest first, by `idOf`: where expired ones and ties are looked for. */
  private readonly order = new Map<string, ScopedKey>();
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
    this.byCount.move(caller, 1);
    this.order.set(idOf(caller, key), { caller, key });
    this.keys += 1;
    this.outcomeChars += chars;
    // The caller's own bound: only its own records make room.
    while (holding.entries.size > maxKeysPerCaller && this.dropOldest(caller, holding, false)) {}
    // The backstops, over all callers.
    if (this.keys > this.maxKeys || this.outcomeChars > this.maxOutcomeChars) this.dropExpired();
    while (this.keys > this.maxKeys) {
      const largest = this.oldestOfLargest();
      const its = largest === undefined ? undefined : this.holdings.get(largest);
      if (largest === undefined || !its || !this.dropOldest(largest, its, false)) break;
    }
    while (this.outcomeChars > this.maxOutcomeChars) {
      const [largest, its] = this.longestOutcomes(caller);
      if (!its || !this.dropOldest(largest, its, true)) break;
    }
  }

  /** Expired records, from the oldest until a live one: those a full store holds for nothing. */
  private dropExpired(): void {
    const now = Date.now();
    for (const { caller, key } of this.order.values()) {
      const entry = this.holdings.get(caller)?.entries.get(key);
      if (entry && entry.expiresAt > now) return;
      this.forget(caller, key);
    }
  }

  /**
   * A caller holding the most keys; among several, the one with the oldest record (found from the
   * oldest record on, so usually at once: callers holding the most hold most of the records).
   */
  private oldestOfLargest(): string | undefined {
    const largest = this.byCount.largest();
    if (largest.size <= 1) return largest.values().next().value;
    for (const { caller } of this.order.values()) if (largest.has(caller)) return caller;
    return undefined;
  }

  /**
   * The caller holding the most outcome text, `writer` on a tie. A scan of every caller, but
   * only once the length bound is passed, which takes outcomes far longer than most.
   */
  private longestOutcomes(writer: string): [string, Holding | undefined] {
    let best: [string, Holding | undefined] = [writer, this.holdings.get(writer)];
    for (const [caller, held] of this.holdings) {
      if (held.chars > (best[1]?.chars ?? -1)) best = [caller, held];
    }
    return best;
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
    this.byCount.move(caller, -1);
    this.order.delete(idOf(caller, key));
    this.keys -= 1;
    this.outcomeChars -= entry.chars;
    if (holding.entries.size === 0) this.holdings.delete(caller);
  }
}
