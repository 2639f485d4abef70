/** Which `@odata.nextLink` the task walk follows: only its own collection, on the configured Graph. */
import { describe, expect, it } from 'vitest';
import { GatewayFault } from '../../packages/gateway/src/errors.js';
import { relativeNextLink } from '../../packages/graph-client/src/resources/task-pages.js';

const TASKS = '/print/taskDefinitions/d1/tasks';

describe('relativeNextLink', () => {
  it('keeps the path and query of a link to the same collection, whatever its host', () => {
    expect(
      relativeNextLink(`https://graph.microsoft.com/v1.0${TASKS}?$skiptoken=abc_-1`, TASKS),
    ).toBe(`${TASKS}?$skiptoken=abc_-1`);
    expect(relativeNextLink(`http://127.0.0.1:4010/v1.0${TASKS}?$skiptoken=x`, TASKS)).toBe(
      `${TASKS}?$skiptoken=x`,
    );
  });

  it.each([
    [
      'another collection',
      'https://graph.microsoft.com/v1.0/print/taskDefinitions/d2/tasks?$skiptoken=x',
    ],
    ['another version', `https://graph.microsoft.com/beta${TASKS}?$skiptoken=x`],
    ['a path that climbs', `https://graph.microsoft.com/v1.0${TASKS}/../../../users?$skiptoken=x`],
    ['not a URL', `${TASKS}?$skiptoken=x`],
    // The SDK would read a call path holding `https://` as an absolute URL, on another host.
    [
      'a $skiptoken holding a URL',
      `https://graph.microsoft.com/v1.0${TASKS}?$skiptoken=https://x/y`,
    ],
    ['an option other than paging', `https://graph.microsoft.com/v1.0${TASKS}?$filter=x`],
  ])('refuses %s', (_what, link) => {
    expect(() => relativeNextLink(link, TASKS)).toThrow(GatewayFault);
  });
});
