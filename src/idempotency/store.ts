/**
 * Where idempotency keys live: in this process (memory-store.ts) or shared by the replicas
 * (src/shared-state/redis/idempotency-store.ts). A key is first claimed with an in-progress
 * marker that only its claimant can complete or drop; completed, it holds the serialized outcome.
 */

export type IdempotencyClaim =
  /** Nobody had the key: the caller writes, then completes or abandons with this token. */
  | { kind: 'claimed'; token: string }
  | { kind: 'in-progress'; fingerprint: string }
  | { kind: 'done'; fingerprint: string; outcome: string };

export interface IdempotencyStore {
  /** Claims `key` for `pendingMs` (long enough for a write; a crashed claimant's claim lapses). */
  claim(key: string, fingerprint: string, pendingMs: number): Promise<IdempotencyClaim>;
  /** Stores the outcome for `windowMs`, if `token` still holds the claim. */
  complete(
    key: string,
    token: string,
    fingerprint: string,
    outcome: string,
    windowMs: number,
  ): Promise<void>;
  /** Drops the claim (the write failed), if `token` still holds it. */
  abandon(key: string, token: string): Promise<void>;
}

/** The record as stored: `p` pending with its claimant's token, `d` done with the outcome. */
export type StoredRecord = { s: 'p'; f: string; t: string } | { s: 'd'; f: string; o: string };

export function claimOf(record: StoredRecord): IdempotencyClaim {
  return record.s === 'p'
    ? { kind: 'in-progress', fingerprint: record.f }
    : { kind: 'done', fingerprint: record.f, outcome: record.o };
}
