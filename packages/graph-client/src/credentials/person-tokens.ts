/**
 * Graph tokens for people, from the on-behalf-of exchange (on-behalf-of.ts), cached so that one
 * incoming token is exchanged at most once while the Graph token it gave stays good. Keyed by a
 * hash of the person and their incoming token: the cache never holds the incoming token, and a
 * Graph token is found only by the same person presenting the same incoming token, so it never
 * serves anyone else's call. Bounded: the least recently used entries go first.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PersonIdentity } from '../identity.js';

/** What one exchange gives: the Graph token and when it expires (epoch ms). */
export interface PersonGraphToken {
  readonly token: string;
  readonly expiresAt: number;
}

/** One on-behalf-of exchange at Entra; rejects with a typed error (entra-refusal.ts). */
export type OnBehalfOfExchange = (assertion: string) => Promise<PersonGraphToken>;

/** Where a person's Graph token comes from: what a person's session asks before each send. */
export interface PersonTokenSource {
  tokenFor(person: PersonIdentity, signal?: AbortSignal): Promise<string>;
}

/** `GRAPH_OBO_CACHE_MAX_ENTRIES`: a person with one token is one entry. */
export const DEFAULT_OBO_CACHE_MAX_ENTRIES = 5_000;

/**
 * A token is used until this long before it expires (MSAL renews its own 5 minutes early too),
 * or until half its remaining life when that is shorter: a Graph token is never sent so close to
 * its end that it expires on the way.
 */
export const OBO_RENEWAL_MARGIN_MS = 300_000;

interface Entry {
  readonly personId: string;
  readonly token: string;
  readonly renewAt: number;
}

const keyOf = (person: PersonIdentity): string =>
  createHash('sha256')
    .update(person.personId)
    .update('\n')
    .update(person.assertion)
    .digest('base64url');

export class PersonTokenCache implements PersonTokenSource {
  private readonly entries: LRUCache<string, Entry> | null;
  /** Exchanges under way: the calls that need the same token wait for the one exchange. */
  private readonly pending = new Map<string, Promise<PersonGraphToken>>();
  private exchangeCount = 0;

  constructor(
    private readonly exchange: OnBehalfOfExchange,
    maxEntries: number = DEFAULT_OBO_CACHE_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {
    // lru-cache reads `max: 0` as unbounded: 0 means "cache nothing" here.
    this.entries = maxEntries > 0 ? new LRUCache<string, Entry>({ max: maxEntries }) : null;
  }

  /** Exchanges this cache has started: what tests and the benchmark count. */
  get exchanges(): number {
    return this.exchangeCount;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  async tokenFor(person: PersonIdentity, signal?: AbortSignal): Promise<string> {
    const key = keyOf(person);
    const cached = this.entries?.get(key);
    if (cached && cached.personId === person.personId && cached.renewAt > this.now()) {
      return cached.token;
    }
    let exchanged = this.pending.get(key);
    if (!exchanged) {
      exchanged = this.exchangeAndKeep(key, person);
      this.pending.set(key, exchanged);
    }
    return (await untilAborted(exchanged, signal)).token;
  }

  private async exchangeAndKeep(key: string, person: PersonIdentity): Promise<PersonGraphToken> {
    this.exchangeCount += 1;
    try {
      const fresh = await this.exchange(person.assertion);
      const now = this.now();
      const margin = Math.min(OBO_RENEWAL_MARGIN_MS, (fresh.expiresAt - now) / 2);
      const renewAt = fresh.expiresAt - margin;
      if (renewAt > now) {
        this.entries?.set(key, { personId: person.personId, token: fresh.token, renewAt });
      }
      return fresh;
    } finally {
      this.pending.delete(key);
    }
  }
}

/** The exchange goes on for the others waiting on it; only this caller stops waiting. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
