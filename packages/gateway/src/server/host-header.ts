/**
 * The `Host` header decides the URL the GraphQL server parses for every request. A value that is
 * no URL authority (`a b`, `[`) made it throw, and the client got a 500 with a stack trace; one
 * with a path (`a/b`) would move the request to another path. So it is checked first.
 */

/** host [":" port]: a registered name or IPv4 address (RFC 3986 reg-name), or an IPv6 literal. */
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::\d{1,5})?$/;

/** Whether `host` is a usable authority. Node itself refuses a missing Host on HTTP/1.1. */
export function isValidHostHeader(host: string | undefined): boolean {
  if (host === undefined) return true;
  if (!AUTHORITY.test(host)) return false;
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}
