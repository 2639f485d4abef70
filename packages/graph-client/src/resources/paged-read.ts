/**
 * Reads one connection page from a paged Graph collection: from a position (packages/graph-client/src/resources/page-cursor.ts)
 * it reads Graph pages one after another, following `@odata.nextLink` verbatim, until `first`
 * items the caller may see are found, the collection ends, or `maxGraphPages` pages were read.
 * Every page is a normal `GraphCall` (relative to the version root) through the request's
 * batcher and budget, so a page read in the same tick as other calls shares their envelope.
 */

import type { GraphSession } from '../session.js';
import {
  type CollectionAddress,
  encodeCursor,
  firstPageUrl,
  type PagePosition,
  pageUrlProblem,
  relativeToRoot,
  unfollowableNextLink,
} from './page-cursor.js';
import type { Collection } from './types.js';

/** Graph pages one connection page may read: bounds the calls a filtered page costs. */
export const MAX_GRAPH_PAGES_PER_FIELD = 10;

export interface PagedRead<Raw, Item> {
  readonly collection: CollectionAddress;
  readonly start: PagePosition | null;
  readonly first: number;
  readonly toItem: (raw: Raw) => Item;
  /** Which items of one page the caller sees; asked once per Graph page, so reads share a tick. */
  readonly keep?: (items: readonly Item[]) => Promise<readonly boolean[]>;
  readonly maxGraphPages?: number;
}

export interface Edge<Item> {
  readonly node: Item;
  readonly cursor: string;
}

export interface ConnectionPage<Item> {
  readonly edges: Edge<Item>[];
  readonly hasNextPage: boolean;
  /** Where the next connection page starts; null when nothing is left and no edge was found. */
  readonly endCursor: string | null;
  /** Graph pages this connection page read. */
  readonly graphPages: number;
}

type GraphPage<Raw> = Collection<Raw> & { '@odata.nextLink'?: string };

export async function readConnectionPage<Raw, Item>(
  graph: GraphSession,
  read: PagedRead<Raw, Item>,
): Promise<ConnectionPage<Item>> {
  const root = graph.versionRoot;
  const maxPages = read.maxGraphPages ?? MAX_GRAPH_PAGES_PER_FIELD;
  let position: PagePosition = read.start ?? {
    pageUrl: firstPageUrl(root, read.collection),
    skip: 0,
  };
  const edges: Edge<Item>[] = [];
  const pageAt = (pageUrl: string) =>
    graph.call<GraphPage<Raw>>({ method: 'GET', url: relativeToRoot(pageUrl, root) });
  let graphPages = 0;
  let prefetched: { pageUrl: string; page: Promise<GraphPage<Raw>> } | null = null;
  for (;;) {
    if (graphPages === maxPages) {
      return { edges, hasNextPage: true, endCursor: encodeCursor(position), graphPages };
    }
    const page = await (prefetched?.pageUrl === position.pageUrl
      ? prefetched.page
      : pageAt(position.pageUrl));
    prefetched = null;
    graphPages++;
    const nextLink = followable(page['@odata.nextLink'], root, read.collection);
    const items = page.value.slice(position.skip).map(read.toItem);
    if (read.keep && nextLink && graphPages < maxPages) {
      // Filtering reads calls of its own (a person's tasks: their jobs). Asking for the next
      // page in the same tick puts it in their envelope: a round trip less per Graph page, for
      // one call the request may not need (when this page fills `first`).
      prefetched = { pageUrl: nextLink, page: pageAt(nextLink) };
      prefetched.page.catch(() => {});
    }
    const kept = read.keep ? await read.keep(items) : items.map(() => true);
    const pageUrl = position.pageUrl;
    const length = page.value.length;
    // The position just after the item at `index` of this page.
    const after = (index: number): PagePosition => {
      if (index + 1 < length) return { pageUrl, skip: index + 1 };
      return nextLink ? { pageUrl: nextLink, skip: 0 } : { pageUrl, skip: length };
    };
    const hasMore = (at: PagePosition) => at.pageUrl !== pageUrl || at.skip < length;
    for (let k = 0; k < items.length; k++) {
      if (!kept[k]) continue;
      const at = after(position.skip + k);
      edges.push({ node: items[k] as Item, cursor: encodeCursor(at) });
      if (edges.length === read.first) {
        return { edges, hasNextPage: hasMore(at), endCursor: encodeCursor(at), graphPages };
      }
    }
    if (!nextLink) {
      return {
        edges,
        hasNextPage: false,
        endCursor: edges.at(-1)?.cursor ?? null,
        graphPages,
      };
    }
    position = { pageUrl: nextLink, skip: 0 };
  }
}

/** A nextLink outside the collection is Graph's fault, never followed: the token stays home. */
function followable(
  nextLink: string | undefined,
  root: string,
  collection: CollectionAddress,
): string | null {
  if (nextLink === undefined) return null;
  const problem = pageUrlProblem(nextLink, root, collection);
  if (problem) {
    throw unfollowableNextLink(`@odata.nextLink is ${problem}`);
  }
  return nextLink;
}
