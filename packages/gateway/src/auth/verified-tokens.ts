/**
 * Tokens already verified, by their exact text, so that a person's next request skips the RS256
 * verification: a release app sends the same token with every request for up to an hour, and
 * verifying it each time was about 7% of the CPU of a person's release. Only a token that passed
 * every check is kept, and only for as long as it would still pass them: never past its `exp`
 * (with the same clock tolerance) and never longer than `maxAgeMs`, so that a signing key Entra
 * withdraws stops working here as soon as the key cache (10 minutes) would let it. Bounded: the
 * oldest entry makes room for a new one.
 */
import { ExpiringLru } from '../expiring-lru.js';
import type { EntraCaller } from './caller.js';

export interface VerifiedTokenOptions {
  /** @default 10_000 */
  maxEntries?: number;
  /** @default 300_000 (5 minutes) */
  maxAgeMs?: number;
}

export class VerifiedTokens {
  private readonly entries: ExpiringLru<EntraCaller>;
  private readonly maxAgeMs: number;

  constructor(options: VerifiedTokenOptions = {}) {
    this.entries = new ExpiringLru(options.maxEntries ?? 10_000);
    this.maxAgeMs = options.maxAgeMs ?? 300_000;
  }

  get(token: string, now: number): EntraCaller | undefined {
    return this.entries.get(token, now);
  }

  /** `validUntil`: the token's `exp` plus the clock tolerance, in epoch ms. */
  remember(token: string, caller: EntraCaller, validUntil: number, now: number): void {
    // Answered until the earlier of the two: from then on the token is verified again.
    const until = Math.min(validUntil, now + this.maxAgeMs);
    if (until > now) this.entries.set(token, Object.freeze(caller), until - now, now);
  }

  get size(): number {
    return this.entries.size;
  }
}
