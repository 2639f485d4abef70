import { describe, expect, it } from 'vitest';
import { routeTemplate } from '../../src/telemetry/route-template.js';

describe('routeTemplate', () => {
  it.each([
    ['/print/printers/0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61', '/print/printers/{id}'],
    ['/print/printers/p1/jobs/5183?$expand=tasks', '/print/printers/{id}/jobs/{id}'],
    ['/print/printers/p1/jobs/5183/abort', '/print/printers/{id}/jobs/{id}/abort'],
    ['/print/taskDefinitions/d7/tasks/a5', '/print/taskDefinitions/{id}/tasks/{id}'],
    ['/print/taskDefinitions', '/print/taskDefinitions'],
    ['/$batch', '/$batch'],
    // An @odata.nextLink is absolute and carries the version.
    [
      'http://127.0.0.1:4010/v1.0/print/printers/p1/jobs?$skiptoken=abc',
      '/print/printers/{id}/jobs',
    ],
  ])('%s is %s', (url, template) => {
    expect(routeTemplate(url)).toBe(template);
  });

  it('never keeps an id in a name position, whatever its shape', () => {
    expect(routeTemplate('/print/printers/p1/jobs/5183/%2e%2e%2f5184')).toBe(
      '/print/printers/{id}/jobs/{id}/{id}',
    );
    expect(routeTemplate('/print/printers/p1/1234')).toBe('/print/printers/{id}/{id}');
  });
});
