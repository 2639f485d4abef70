/**
 * Where idempotency keys live: in this process (memory-store.ts) or shared by the replicas
 * (src/redis/idempotency-store.ts). A key is first claimed with an in-progress
 * marker that only its claimant can complete or drop; completed, it holds the serialized outcome.
 */

export type IdempotencyClaim =
  /** Nobody had the key: the caller writes, then completes or abandons with this token. */
  | { kind: 'claimed'; token: string }
  | { kind: 'in-progress'; fingerprint: string }
  | { kind: 'done'; fingerprint: string; outcome: string };

/**
 * A key as the stores see it: whose it is, so that each caller's keys are bounded apart and
 * one caller's keys never push out another's, and the key itself. Both are hashes.
 */
export interface ScopedKey {
  readonly caller: string;
  readonly key: string;
}

/** How long records live, and how many keys one caller may hold. */
export interface ClaimTerms {
  /** A claim's life: long enough for a write; a crashed claimant's claim lapses. */
  readonly pendingMs: number;
  /** How long a completed outcome is kept. */
  readonly windowMs: number;
  /** Keys one caller holds at most; a new one past it drops that caller's oldest. */
  readonly maxKeysPerCaller: number;
}

export interface IdempotencyStore {
  claim(key: ScopedKey, fingerprint: string, terms: ClaimTerms): Promise<IdempotencyClaim>;
  /** Stores the outcome for `terms.windowMs`, if `token` still holds the claim. */
  complete(
    key: ScopedKey,
    token: string,
    fingerprint: string,
    outcome: string,
    terms: ClaimTerms,
  ): Promise<void>;
  /** Drops the claim (the write failed, or sent nothing), if `token` still holds it. */
  abandon(key: ScopedKey, token: string): Promise<void>;
}

/** The record as stored: `p` pending with its claimant's token, `d` done with the outcome. */
export type StoredRecord = { s: 'p'; f: string; t: string } | { s: 'd'; f: string; o: string };

export function claimOf(record: StoredRecord): IdempotencyClaim {
  return record.s === 'p'
    ? { kind: 'in-progress', fingerprint: record.f }
    : { kind: 'done', fingerprint: record.f, outcome: record.o };
}
