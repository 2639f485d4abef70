/**
 * A Graph call's URL as a route template for a metric label: `/print/printers/{id}/jobs/{id}`.
 * Ids are never labels (every job id would be a new series), and the vocabulary of literal
 * segments is fixed, so the set of templates stays small whatever ids or next links arrive.
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
]);

/** Other segments kept as they are; anything else reads `{unknown}`. */
const LITERALS = new Set([
  'print',
  'abort',
  'redirect',
  'cancel',
  'start',
  'me',
  '$batch',
  '$count',
  '$value',
]);

/** Longer paths than the gateway ever builds collapse into one template. */
const MAX_SEGMENTS = 8;

export function routeTemplate(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').filter((segment) => segment !== '');
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
