/**
 * What every connection field accepts and answers. Graph pages forward only, so `first`/`after`
 * page and `last`/`before` (which the Relay plugin declares on every connection) are refused.
 */

import type { Edge } from '@universal-print-gateway/graph-client';
import type { PageRequest } from '../domain/reads.js';
import { InvalidInputError } from '../errors.js';

/** The most items one connection page holds. */
export const MAX_FIRST = 50;
export const DEFAULT_FIRST = 20;

interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** Throws `InvalidInputError`, before anything is sent, for arguments this gateway cannot serve. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const issues = [];
  if (args.last != null)
    issues.push({ path: ['last'], message: 'is not supported: pages go forward only' });
  if (args.before != null) {
    issues.push({ path: ['before'], message: 'is not supported: pages go forward only' });
  }
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    issues.push({ path: ['first'], message: `must be between 1 and ${MAX_FIRST}` });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return { first, after: args.after ?? null };
}

/** The Relay shape of a page read by packages/graph-client/src/resources/paged-read.ts. */
export function connectionOf<Item>(page: {
  edges: Edge<Item>[];
  hasNextPage: boolean;
  endCursor: string | null;
}) {
  return {
    edges: page.edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.endCursor,
    },
  };
}

export const CONNECTION_DESCRIPTION =
  `At most ${MAX_FIRST} per page (default ${DEFAULT_FIRST}); page with first/after only. ` +
  'Cursors are opaque; a cursor of another list, origin or printer is InvalidInputError and ' +
  'nothing is sent to Microsoft Graph.';
