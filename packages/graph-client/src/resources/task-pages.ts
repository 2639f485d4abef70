/**
 * A task definition's tasks, page by page, following `@odata.nextLink` (Graph's paging.md:
 * follow it verbatim until it is absent; the tasks list supports no `$top`).
 *
 * The nextLink is absolute; the batcher takes URLs relative to the version root and always sends
 * them to the configured Graph, so only the path and query are kept, and only when they name the
 * same collection, with paging values Graph would write: a link elsewhere, or with anything else in
 * its query, ends the walk with a `GatewayFault` instead of being followed.
 */
import { graphPath } from '../call.js';
import { GRAPH_VERSION } from '../http/client.js';
import type { GraphSession } from '../session.js';
import { unfollowableNextLink } from './page-cursor.js';
import { pagingValueProblem, queryOptions } from './paging-values.js';
import type { PrintTask } from './types.js';

type GraphTask = Omit<PrintTask, 'taskDefinitionId'>;

interface TaskPage {
  value: GraphTask[];
  '@odata.nextLink'?: string;
}

/** `https://host/v1.0/print/taskDefinitions/d/tasks?$skiptoken=…` → `/print/…?$skiptoken=…`. */
export function relativeNextLink(nextLink: string, collectionPath: string): string {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw unfollowableNextLink('@odata.nextLink is not a URL');
  }
  if (url.pathname !== `/${GRAPH_VERSION}${collectionPath}`) {
    throw unfollowableNextLink(`@odata.nextLink names ${url.pathname}, not ${collectionPath}`);
  }
  // The tasks list takes no options of its own: Graph's paging values, shaped as Graph writes
  // them, are all a link to its next page may hold.
  for (const { name, raw } of queryOptions(url.search.slice(1))) {
    const problem = pagingValueProblem(name, raw);
    if (problem) throw unfollowableNextLink(`@odata.nextLink: ${problem}`);
  }
  return `${collectionPath}${url.search}`;
}

/**
 * Yields each page's tasks, at most `maxPages` pages. The next page is asked for only when the
 * consumer asks for it, so a consumer that starts reads for a page before asking for the next
 * one gets them into the same `$batch` envelope as that next page.
 */
export async function* printTaskPages(
  graph: GraphSession,
  taskDefinitionId: string,
  maxPages: number,
): AsyncGenerator<PrintTask[]> {
  const collectionPath = graphPath`/print/taskDefinitions/${taskDefinitionId}/tasks`;
  let url: string | null = collectionPath;
  for (let page = 0; url !== null && page < maxPages; page++) {
    const answer: TaskPage = await graph.call<TaskPage>({ method: 'GET', url });
    yield answer.value.map((task) => ({ ...task, taskDefinitionId }));
    const next = answer['@odata.nextLink'];
    url = next === undefined ? null : relativeNextLink(next, collectionPath);
  }
}
