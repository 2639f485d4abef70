/**
 * What the paging options Graph puts in an `@odata.nextLink` look like, as written in the URL
 * (before any decoding): the one part of a page URL that no field of the gateway fixes, so the
 * part a crafted cursor fills in.
 *
 * The Graph SDK reads any call path that contains `https://` as an absolute URL and sends the
 * request to the host it finds there (`GraphRequest.parsePath`), so a value holding a URL would
 * take the call away from Graph. Graph's skiptokens are opaque tokens (base64 or base64url, at
 * times `X'…'` hex in percent escapes) and `$skip` is a count: neither ever holds a `:`, so a
 * value that passes here cannot spell a URL, and Graph's own tokens always pass.
 */

/** Graph's skiptokens run to a few hundred characters; a cursor is at most 4,096 in all. */
export const MAX_SKIPTOKEN_LENGTH = 2_048;

/** Base64, base64url, and percent escapes (`%27`): nothing that ends or opens a URL part. */
const SKIPTOKEN = /^(?:[A-Za-z0-9\-._~+/=!*'()]|%[0-9A-Fa-f]{2})+$/;
/** A count of items, as Graph writes it. */
const SKIP = /^(?:0|[1-9][0-9]{0,8})$/;

const SHAPES: Readonly<Record<string, RegExp>> = { $skiptoken: SKIPTOKEN, $skip: SKIP };

/** Whether `name` is an option Graph adds to say where the next page starts. */
export const isPagingOption = (name: string): boolean => Object.hasOwn(SHAPES, name);

/**
 * Why the raw (still percent-encoded) `value` of the paging option `name` is not one Graph
 * sends, or null when it is.
 */
export function pagingValueProblem(name: string, value: string): string | null {
  const shape = SHAPES[name];
  if (shape === undefined) return `${name} is not a paging option`;
  if (value.length > MAX_SKIPTOKEN_LENGTH || !shape.test(value)) {
    return `${name} is not a value Microsoft Graph sends`;
  }
  return null;
}

/** Each option of a query: its name and value decoded, and the value as written. */
export function* queryOptions(
  query: string,
): Generator<{ name: string; value: string; raw: string }> {
  for (const part of query.split('&')) {
    // URLSearchParams skips empty parts too, so `a=1&&b=2` reads as before.
    const [decoded] = new URLSearchParams(part);
    if (decoded === undefined) continue;
    const equals = part.indexOf('=');
    yield { name: decoded[0], value: decoded[1], raw: equals === -1 ? '' : part.slice(equals + 1) };
  }
}
