/**
 * Runs a write at most once per idempotency key. The key is scoped by the caller, so one
 * caller's key never meets another's (nor tells them anything), nor takes its room in the store
 * (ScopedKey), and bound to a fingerprint of the operation and its input: the same key with
 * other input is IdempotencyKeyReusedError.
 *
 * Only a write that succeeded is remembered, for the window; one that failed gives its key
 * back, so a retry is tried again (the failure said the write was not done, or could not say:
 * the same as a retry without a key). A bulk write succeeds once its list was sent, and is
 * remembered whole, the typed errors of its failed items included (outcome-codec.ts): a repeat
 * answers what the first answered, and the failed items are sent again under a new key. A list
 * of which nothing was sent to Graph (every item refused by the gateway's own checks) gives its
 * key back like a refused write: its retry is checked again, and costs no room in the store. A
 * repeat while the first is still running is refused with IdempotencyKeyInProgressError rather
 * than kept waiting on another request.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { type Caller, callerKey } from '../auth/caller.js';
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyUnavailableError,
} from './errors.js';
import { decodeOutcome, encodeOutcome } from './outcome-codec.js';
import type { ClaimTerms, IdempotencyStore, ScopedKey } from './store.js';

/**
 * How long outcomes are replayed (IDEMPOTENCY_WINDOW_SECONDS), how long a claim holds if its
 * replica dies mid-write (longer than any write takes), and the keys one caller holds at most
 * (IDEMPOTENCY_MAX_KEYS_PER_CALLER).
 */
export type IdempotencyOptions = ClaimTerms;

export interface GuardedWrite<T> {
  /**
   * True for an outcome of which nothing was sent to Graph: not stored, the key given back. A
   * bulk write's list whose every item the gateway refused before sending (sentNothing in
   * src/schema/bulk-writes.ts); a single write's refusal throws, and is not stored either.
   */
  readonly sentNothing?: (outcome: T) => boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** JSON with object keys sorted: the same input always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export class IdempotencyGuard {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: IdempotencyOptions,
    private readonly logger: Logger,
  ) {}

  async run<T>(
    caller: Caller,
    operation: string,
    idempotencyKey: string | null | undefined,
    input: unknown,
    write: () => Promise<T>,
    { sentNothing }: GuardedWrite<T> = {},
  ): Promise<T> {
    if (idempotencyKey === null || idempotencyKey === undefined) return write();
    const who = callerKey(caller);
    const key: ScopedKey = { caller: sha256(who), key: sha256(`${who}\n${idempotencyKey}`) };
    const fingerprint = sha256(`${operation}\n${canonicalJson(input)}`);
    let claim: Awaited<ReturnType<IdempotencyStore['claim']>>;
    try {
      claim = await this.store.claim(key, fingerprint, this.options);
    } catch {
      throw new IdempotencyUnavailableError();
    }
    if (claim.kind !== 'claimed') {
      if (claim.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (claim.kind === 'in-progress') throw new IdempotencyKeyInProgressError();
      return this.replay<T>(operation, claim.outcome);
    }
    let outcome: T;
    try {
      outcome = await write();
    } catch (error) {
      await this.store.abandon(key, claim.token).catch(() => {});
      throw error;
    }
    if (sentNothing?.(outcome)) {
      await this.store.abandon(key, claim.token).catch(() => {});
      return outcome;
    }
    try {
      await this.store.complete(
        key,
        claim.token,
        fingerprint,
        encodeOutcome(outcome),
        this.options,
      );
    } catch (error) {
      // The write is done; only the memory of it is lost. Its claim lapses after `pendingMs`,
      // until then a repeat is told it is in progress.
      this.logger.warn(
        { operation, error: (error as Error).message },
        'Could not store the outcome of a write with an idempotency key',
      );
    }
    return outcome;
  }

  private replay<T>(operation: string, stored: string): T {
    try {
      return decodeOutcome(stored) as T;
    } catch (error) {
      // Kept by a release of the gateway that answered with an error this one does not know.
      this.logger.warn(
        { operation, error: (error as Error).message },
        'Could not replay the stored outcome of a write with an idempotency key',
      );
      throw new IdempotencyUnavailableError();
    }
  }
}
