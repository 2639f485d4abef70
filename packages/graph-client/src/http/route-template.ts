/**
 * A Graph call's URL as a route template: `/print/printers/{id}/jobs/{id}`. One definition for
 * the `route` metric label and the spans' `graph.route`, so a dashboard and a trace name the same
 * route the same way. Ids never survive (every job id would be a new series, and callers' ids do
 * not belong in span names), and the vocabulary of literal segments is fixed, so the set of
 * templates stays small whatever ids or next links arrive.
 */

/** Collections: the segment after one is an id. */
const COLLECTIONS = new Set([
  'printers',
  'jobs',
  'tasks',
  'taskDefinitions',
  'documents',
  'shares',
  'connectors',
  'services',
  'users',
  'triggers',
  // The gateway's own change-notification subscriptions (src/graph-notifications/).
  'subscriptions',
]);

/** Other segments kept as they are; anything else reads `{unknown}`. */
const LITERALS = new Set([
  'print',
  'abort',
  'redirect',
  'cancel',
  'start',
  'me',
  'reauthorize',
  '$batch',
  '$count',
  '$value',
]);

/** Longer paths than the gateway ever builds collapse into one template. */
const MAX_SEGMENTS = 8;

/** The version segment an absolute URL (an `@odata.nextLink`) carries; relative ones do not. */
const VERSION = /^(v1\.0|beta)$/;

export function routeTemplate(url: string): string {
  const path = /^https?:\/\//i.test(url) ? new URL(url).pathname : (url.split(/[?#]/, 1)[0] ?? '');
  const segments = path.split('/').filter((segment) => segment !== '');
  if (VERSION.test(segments[0] ?? '')) segments.shift();
  if (segments.length > MAX_SEGMENTS) return '{unknown}';
  let afterCollection = false;
  const template = segments.map((segment) => {
    if (afterCollection) {
      afterCollection = false;
      return '{id}';
    }
    afterCollection = COLLECTIONS.has(segment);
    return afterCollection || LITERALS.has(segment) ? segment : '{unknown}';
  });
  return `/${template.join('/')}`;
}
