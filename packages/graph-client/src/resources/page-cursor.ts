/**
 * Connection cursors over a Graph collection. A cursor is a position: the absolute URL of one
 * Graph page (the collection's first URL, or an `@odata.nextLink` exactly as Graph sent it) and
 * how many of that page's items come before the position. Encoded as base64url of the JSON
 * `[skip, pageUrl]`, so clients treat it as opaque.
 *
 * A cursor comes back from the client, so before anything is sent it must be a URL under the
 * configured Graph version root (same origin, same root: the token is never sent elsewhere and
 * no lookalike host or `..` can pass), on exactly the collection the field reads, with exactly
 * the query options the field asks for, plus Graph's own `$skiptoken`/`$skip` with values shaped
 * as Graph writes them (packages/graph-client/src/resources/paging-values.ts). Anything else is
 * `InvalidInputError` at the `after` argument.
 */
import { GatewayFault, InvalidInputError } from '../typed-errors.js';
import { isPagingOption, pagingValueProblem, queryOptions } from './paging-values.js';

/** Longer cursors are refused unread; a Graph nextLink is a few hundred characters. */
export const MAX_CURSOR_LENGTH = 4_096;
/** No Graph page is larger (the biggest page size Graph documents is 999). */
export const MAX_SKIP = 1_000;

/** Where a connection page starts: `skip` items into the Graph page at `pageUrl`. */
export interface PagePosition {
  readonly pageUrl: string;
  readonly skip: number;
}

/** The collection a field reads: what every cursor it accepts must point into. */
export interface CollectionAddress {
  /** Relative to the version root, ids encoded: `/print/printers/{id}/jobs`. */
  readonly path: string;
  /** Query options the field sends, decoded: `{ $expand: 'tasks' }`. */
  readonly query: Readonly<Record<string, string>>;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
const UNSAFE_URL_CHARACTERS = /[\u0000-\u0020\u007F\\#]/;

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.skip, position.pageUrl])).toString('base64url');
}

/**
 * The absolute URL of a collection's first page. The options are the gateway's own constants,
 * written unencoded as the rest of packages/graph-client writes them (`$expand=tasks($expand=definition)`).
 */
export function firstPageUrl(versionRoot: string, collection: CollectionAddress): string {
  const query = Object.entries(collection.query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${versionRoot}${collection.path}${query === '' ? '' : `?${query}`}`;
}

const refused = (message: string) =>
  new InvalidInputError([{ path: ['after'], message: `is not a cursor of this list: ${message}` }]);

/**
 * Decodes a client's cursor, or throws `InvalidInputError`; sends nothing. With `collection`
 * null only the origin and root are checked: for a caller that must first learn which
 * collection the cursor claims, and then checks it again against that one.
 */
export function decodeCursor(
  cursor: string,
  versionRoot: string,
  collection: CollectionAddress | null,
): PagePosition {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw refused('not base64url');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused('not a cursor this gateway made');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !Number.isSafeInteger(parsed[0]) ||
    parsed[0] < 0 ||
    parsed[0] > MAX_SKIP ||
    typeof parsed[1] !== 'string'
  ) {
    throw refused('not a cursor this gateway made');
  }
  const pageUrl = parsed[1];
  const problem = pageUrlProblem(pageUrl, versionRoot, collection);
  if (problem) throw refused(problem);
  return { pageUrl, skip: parsed[0] };
}

/**
 * Why `pageUrl` is not a page of `collection` under `versionRoot`, or null when it is. Also the
 * check for the nextLinks Graph sends: one that fails it is not followed.
 */
export function pageUrlProblem(
  pageUrl: string,
  versionRoot: string,
  collection: CollectionAddress | null,
): string | null {
  if (UNSAFE_URL_CHARACTERS.test(pageUrl) || !pageUrl.startsWith(`${versionRoot}/`)) {
    return 'not a Microsoft Graph URL of this gateway';
  }
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return 'not a URL';
  }
  // Belt and braces after the prefix check: the parsed origin too, and no credentials.
  if (url.origin !== new URL(versionRoot).origin || url.username !== '' || url.password !== '') {
    return 'not a Microsoft Graph URL of this gateway';
  }
  if (collection === null) return null;
  const relative = pageUrl.slice(versionRoot.length);
  const queryAt = relative.indexOf('?');
  const path = queryAt === -1 ? relative : relative.slice(0, queryAt);
  // Exact, unnormalised comparison: `/../`, `%2e%2e` or another id never equals the field's path.
  if (path !== collection.path) return 'another collection';
  const seen = new Set<string>();
  for (const { name, value, raw } of queryOptions(
    queryAt === -1 ? '' : relative.slice(queryAt + 1),
  )) {
    if (seen.has(name)) return `repeats ${name}`;
    seen.add(name);
    if (isPagingOption(name)) {
      // Checked as written: the SDK reads the raw string (a `https://` in it is a host).
      const problem = pagingValueProblem(name, raw);
      if (problem) return problem;
      continue;
    }
    if (collection.query[name] !== value) return `another ${name}`;
  }
  for (const name of Object.keys(collection.query)) {
    if (!seen.has(name)) return `lacks ${name}`;
  }
  return null;
}

/**
 * An `@odata.nextLink` the gateway will not follow: Graph's fault, not the caller's, so a
 * top-level error with this code (logged), and the token stays home.
 */
export const unfollowableNextLink = (detail: string): GatewayFault =>
  new GatewayFault(
    'UPSTREAM_UNEXPECTED_NEXT_LINK',
    'Graph sent a page link the gateway does not follow',
    detail,
  );

/** The call for a checked page URL: relative to the version root, as every `GraphCall` is. */
export function relativeToRoot(pageUrl: string, versionRoot: string): string {
  return pageUrl.slice(versionRoot.length);
}
