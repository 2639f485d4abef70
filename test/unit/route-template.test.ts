/** Route templates for metrics and spans: no id, and a fixed vocabulary, whatever the URL. */
import { describe, expect, it } from 'vitest';
import { routeTemplate } from '../../packages/graph-client/src/http/route-template.js';

describe('routeTemplate', () => {
  it.each([
    ['/print/printers/0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61', '/print/printers/{id}'],
    ['/print/printers/p/jobs/5182?$expand=tasks', '/print/printers/{id}/jobs/{id}'],
    ['/print/printers/p/jobs/5182/abort', '/print/printers/{id}/jobs/{id}/abort'],
    ['/print/printers/p/jobs/5182/redirect', '/print/printers/{id}/jobs/{id}/redirect'],
    ['/print/taskDefinitions', '/print/taskDefinitions'],
    ['/print/taskDefinitions/d/tasks?$skiptoken=abc', '/print/taskDefinitions/{id}/tasks'],
    ['/print/taskDefinitions/d/tasks/t', '/print/taskDefinitions/{id}/tasks/{id}'],
    ['/$batch', '/$batch'],
    // The gateway's own Graph subscriptions (src/graph-notifications/subscription-manager.ts).
    ['/subscriptions', '/subscriptions'],
    ['/subscriptions/7f0c2b1e-9a4d-4c3b-8e2f-1a0b9c8d7e6f', '/subscriptions/{id}'],
    ['/subscriptions/7f0c2b1e/reauthorize', '/subscriptions/{id}/reauthorize'],
    // An @odata.nextLink is absolute and carries the version.
    [
      'http://127.0.0.1:4010/v1.0/print/printers/p1/jobs?$skiptoken=abc',
      '/print/printers/{id}/jobs',
    ],
  ])('%s → %s', (url, template) => {
    expect(routeTemplate(url)).toBe(template);
  });

  it('never lets an id that looks like a path word through as a literal', () => {
    expect(routeTemplate('/print/printers/jobs/jobs/abort/abort')).toBe(
      '/print/printers/{id}/jobs/{id}/abort',
    );
    expect(routeTemplate('/print/printers/a%2Fb/jobs/..')).toBe('/print/printers/{id}/jobs/{id}');
  });

  it('turns unknown segments and overlong paths into placeholders', () => {
    expect(routeTemplate('/print/whatever-9f3a/x')).toBe('/print/{unknown}/{unknown}');
    expect(routeTemplate(`/print${'/printers/p'.repeat(10)}`)).toBe('{unknown}');
  });
});
