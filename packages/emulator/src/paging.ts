import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidRequest } from './graph-errors.js';
import type { GraphCall } from './router.js';

// Server-driven paging (Graph's concepts/paging.md): a page of `pageSize` items (or `$top`, which
// Graph treats as the page size) and an absolute `@odata.nextLink` carrying an opaque
// `$skiptoken`, until the last page, which has none.
//
// The skiptoken is base64url("<offset>.<mac>"): mac is an HMAC over the offset, the collection's
// path and the query options that shape the collection ($filter, $expand, $top, $search), keyed by a secret
// made when the emulator starts. A tampered, truncated or foreign token, one replayed against
// another collection or query, or one from an earlier emulator process answers 400.
// Offsets stay correct while clients page because every emulated collection only grows at its
// end (ids ascend, nothing is deleted before reset), so a new item shows up on a later page.

/** The largest `$top` a job list accepts; Graph's docs name none for Universal Print. */
export const MAX_TOP = 100;

export const DEFAULT_PAGE_SIZE = 10;

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

const MAC_BYTES = 16;
const TOKEN_SHAPE = /^(0|[1-9]\d{0,8})\.([A-Za-z0-9_-]{22})$/;
/** Options that change which items the collection holds, so a token is only valid with them. */
const BINDING_OPTIONS = ['$filter', '$expand', '$top', '$search'];

export class Pager {
  readonly #pageSize: number;
  readonly #secret: Buffer;

  constructor(pageSize: number = DEFAULT_PAGE_SIZE, secret: Buffer = randomBytes(32)) {
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new RangeError(`pageSize must be a positive integer, got ${pageSize}.`);
    }
    this.#pageSize = pageSize;
    this.#secret = secret;
  }

  /** One page of `items` for `call`; `top` (already validated) overrides the page size. */
  page<T>(call: GraphCall, items: readonly T[], top?: number): Page<T> {
    const size = top ?? this.#pageSize;
    const params = new URLSearchParams(call.query);
    const binding = bindingOf(call, params);
    const token = params.get('$skiptoken');
    const offset = token === null ? 0 : this.#offsetOf(token, binding);
    const value = items.slice(offset, offset + size);
    const next = offset + size;
    if (next >= items.length) {
      return { value };
    }
    return { value, nextLink: nextLinkOf(call, this.#token(next, binding)) };
  }

  #mac(offset: number, binding: string): string {
    return createHmac('sha256', this.#secret)
      .update(`${offset}\n${binding}`)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }

  #token(offset: number, binding: string): string {
    return Buffer.from(`${offset}.${this.#mac(offset, binding)}`).toString('base64url');
  }

  #offsetOf(token: string, binding: string): number {
    const match = TOKEN_SHAPE.exec(Buffer.from(token, 'base64url').toString('latin1'));
    const offset = Number(match?.[1]);
    const mac = match?.[2];
    if (mac === undefined || !sameText(mac, this.#mac(offset, binding))) {
      throw invalidRequest(
        `The $skiptoken '${token}' is not valid for this request. Follow @odata.nextLink ` +
          'exactly as it was returned, with the same $filter, $expand and $top.',
      );
    }
    return offset;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Decoded values, so a client that re-encodes the nextLink's query still matches. */
function bindingOf(call: GraphCall, params: URLSearchParams): string {
  const path = call.path
    .split('/')
    .filter((segment) => segment !== '')
    .join('/')
    .toLowerCase();
  const options = BINDING_OPTIONS.map((name) => `${name}=${params.get(name) ?? ''}`);
  return [path, ...options].join('\n');
}

/**
 * `{origin}/v1.0{path}?{the caller's own query, verbatim, minus $skiptoken}&$skiptoken=…`. The
 * origin is the one the caller addressed, so the link leads back to this emulator.
 */
function nextLinkOf(call: GraphCall, token: string): string {
  const kept = call.query.split('&').filter((segment) => segment !== '' && !isSkipToken(segment));
  return `${call.origin}/v1.0${call.path}?${[...kept, `$skiptoken=${token}`].join('&')}`;
}

function isSkipToken(segment: string): boolean {
  const name = segment.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name) === '$skiptoken';
  } catch {
    return false;
  }
}
