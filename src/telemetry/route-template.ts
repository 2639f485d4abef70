/**
 * A Graph URL as a route template, ids replaced: `/print/printers/{id}/jobs/{id}/abort`. Span
 * attributes and names stay of bounded cardinality, and no caller's ids end up in span names.
 */

/** Graph's URLs alternate names and keys: print / printers / {id} / jobs / {id} / abort. */
const NAME = /^\$?[A-Za-z][A-Za-z.]{0,63}$/;
const VERSION = /^(v1\.0|beta)$/;

export function routeTemplate(url: string): string {
  // The base only parses relative URLs; an absolute one (an @odata.nextLink) keeps its own path.
  const { pathname } = new URL(url, 'http://graph.invalid');
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (VERSION.test(segments[0] ?? '')) segments.shift();
  // `print` is the namespace: names sit at even positions after it, keys at odd ones.
  const offset = segments[0] === 'print' ? 1 : 0;
  const template = segments.map((segment, index) =>
    index < offset || ((index - offset) % 2 === 0 && NAME.test(segment)) ? segment : '{id}',
  );
  return `/${template.join('/')}`;
}
