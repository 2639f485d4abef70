import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type ByteRange, formatRange, merged, missing, overlaps } from './byte-ranges.js';
import { GraphFailure, itemNotFound } from './graph-errors.js';

// Upload sessions of print documents (printdocument-createuploadsession.md and "Upload documents
// using the Universal Print API"): each has its own URL carrying a temporary credential, accepts
// byte ranges in any order and in parallel, and keeps only which ranges arrived, never the bytes.

/** Universal Print takes documents up to 1 GB (the issue; Universal Print limits page). */
export const MAX_DOCUMENT_BYTES = 1024 ** 3;
/** "the maximum bytes in any given request is less than 10 MB": 10 MiB − 1 byte. */
export const MAX_BYTES_PER_REQUEST = 10 * 1024 * 1024 - 1;
/** Graph's docs give no lifetime; one hour lets a 1 GB upload finish at about 300 kB/s. */
export const DEFAULT_UPLOAD_SESSION_LIFETIME_MS = 60 * 60 * 1000;

export interface UploadSession {
  id: string;
  jobId: string;
  documentId: string;
  documentName: string;
  contentType: string;
  size: number;
  expiresAt: number;
  /** Bytes that arrived, merged. */
  received: ByteRange[];
  /** Ranges of PUTs still streaming: overlapping them is refused as overlapping `received` is. */
  inFlight: ByteRange[];
}

export interface OpenSessionInput {
  jobId: string;
  documentId: string;
  documentName: string;
  contentType: string;
  size: number;
}

export class UploadSessions {
  readonly #lifetimeMs: number;
  readonly #now: () => number;
  readonly #sessions = new Map<string, { session: UploadSession; tempauth: string }>();

  constructor(lifetimeMs = DEFAULT_UPLOAD_SESSION_LIFETIME_MS, now: () => number = Date.now) {
    this.#lifetimeMs = lifetimeMs;
    this.#now = now;
  }

  /** A new session for the document; one it had before is dropped with what it received. */
  open(input: OpenSessionInput): { session: UploadSession; tempauth: string } {
    for (const [id, entry] of this.#sessions) {
      if (entry.session.documentId === input.documentId) this.#sessions.delete(id);
    }
    const session: UploadSession = {
      id: randomUUID(),
      ...input,
      expiresAt: this.#now() + this.#lifetimeMs,
      received: [],
      inFlight: [],
    };
    const tempauth = randomBytes(24).toString('base64url');
    this.#sessions.set(session.id, { session, tempauth });
    return { session, tempauth };
  }

  /** The live session `id` names, if `tempauth` is its credential: 404, 401 otherwise. */
  authorize(id: string, tempauth: string | null): UploadSession {
    const entry = this.#sessions.get(id);
    if (entry !== undefined && entry.session.expiresAt <= this.#now()) {
      this.#sessions.delete(id);
    }
    const live = this.#sessions.get(id);
    if (live === undefined) {
      throw itemNotFound(`The upload session '${id}' does not exist or has expired.`);
    }
    const given = Buffer.from(tempauth ?? '');
    const expected = Buffer.from(live.tempauth);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new GraphFailure(
        401,
        'InvalidAuthenticationToken',
        "The upload URL's tempauth credential is missing or wrong.",
      );
    }
    return live.session;
  }

  /** Claims `range` for a PUT about to stream it: 416 when any of it arrived or is arriving. */
  reserve(session: UploadSession, range: ByteRange): () => void {
    if ([...session.received, ...session.inFlight].some((other) => overlaps(other, range))) {
      throw new GraphFailure(
        416,
        'invalidRange',
        `Bytes ${formatRange(range)} overlap bytes this session already received or is receiving; ` +
          `still expected: ${this.nextExpectedRanges(session).join(', ')}.`,
      );
    }
    session.inFlight.push(range);
    return () => {
      session.inFlight = session.inFlight.filter((other) => other !== range);
    };
  }

  /** Records a range whose bytes all arrived; true when the document is complete. */
  commit(session: UploadSession, range: ByteRange): boolean {
    session.received = merged(session.received, range);
    const complete = missing(session.received, session.size).length === 0;
    if (complete) this.#sessions.delete(session.id);
    return complete;
  }

  nextExpectedRanges(session: UploadSession): string[] {
    return missing(session.received, session.size).map(formatRange);
  }

  /** What the document's live session still misses; undefined when it has none. */
  missingOfDocument(documentId: string): string[] | undefined {
    const entry = [...this.#sessions.values()].find(
      ({ session }) => session.documentId === documentId && session.expiresAt > this.#now(),
    );
    return entry === undefined ? undefined : this.nextExpectedRanges(entry.session);
  }

  /** DELETE on the upload URL: the session ends, the bytes it had are gone. */
  cancel(session: UploadSession): void {
    this.#sessions.delete(session.id);
  }

  /** Test knob: every session expires now, as if its lifetime had passed. */
  expireAll(): void {
    for (const { session } of this.#sessions.values()) session.expiresAt = this.#now();
  }

  clear(): void {
    this.#sessions.clear();
  }
}
