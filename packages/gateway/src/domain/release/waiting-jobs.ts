/**
 * "My waiting jobs": the jobs of one person that wait for release on the gateway's pull printers.
 *
 * Found through the gateway's own task definitions, not through `$filter` by UPN: a waiting job
 * is one with a `processing` task from a definition the gateway app owns (the precondition of
 * every release action), so the definitions' tasks list exactly the waiting jobs, on exactly the
 * printers whose triggers point at the gateway (an app-only gateway cannot list triggers or
 * printers, but it can list its tasks). Each processing task's job is read by its `parentUrl`
 * through the batcher (one envelope per Graph page of tasks) and kept only when its
 * `createdBy.id` is the person's object id. The token's UPN is never used, so a renamed person
 * still finds every job, including those submitted under the old UPN.
 *
 * Definitions are read in id order and their task collections one after another; a cursor names
 * the definition it stopped in.
 */

import {
  decodeCursor,
  definitionTasksCollection,
  type Edge,
  encodeCursor,
  firstPageUrl,
  listTaskDefinitions,
  MAX_GRAPH_PAGES_PER_FIELD,
  type PagePosition,
  type PrintJob,
  type PrintTask,
  pagePrintTasks,
  parsePrintJobUrl,
  relativeToRoot,
} from '@universal-print-gateway/graph-client';
import type { Caller } from '../../auth/caller.js';
import { ForbiddenError, InvalidInputError } from '../../errors.js';
import { accessScopesOf } from '../permissions.js';
import { type AccessContext, jobOfTask, type PageRequest } from '../reads.js';
import { isOwnedBy, sameObjectId } from '../visibility.js';

export interface WaitingJobsPage {
  readonly edges: Edge<PrintJob>[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/**
 * Whose waiting jobs the caller may list: a person only their own; a caller that may read every
 * job (`Print.Read.All`, `Print.Release.All`) anyone's, but must name them. Throws
 * `ForbiddenError` otherwise, before any Graph call.
 */
export function waitingJobsOwner(caller: Caller, userId: string | null): string {
  const scopes = accessScopesOf(caller);
  if (caller.kind === 'person' && scopes.releaseOwn) {
    if (userId !== null && !sameObjectId(userId, caller.objectId)) {
      throw new ForbiddenError(
        "A person sees only their own waiting print jobs, not another user's",
      );
    }
    return caller.objectId;
  }
  if (scopes.readAny && userId !== null) return userId;
  throw new ForbiddenError(
    scopes.readAny
      ? 'myPrintJobs is for people (Print.Release); a station names the user: User.waitingPrintJobs'
      : 'This caller holds none of Print.Release, Print.Release.All, Print.Read.All',
  );
}

const isWaiting = (task: PrintTask, printerId: string | null): boolean => {
  if (task.status?.state !== 'processing') return false;
  if (printerId === null) return true;
  return parsePrintJobUrl(task.parentUrl)?.printerId === printerId;
};

export async function pageWaitingJobs(
  { graph, ownership }: AccessContext,
  owner: string,
  request: PageRequest & { printerId: string | null },
): Promise<WaitingJobsPage> {
  // The cursor is checked before anything is sent; that it names one of the gateway's own
  // definitions can only be checked once they are read.
  const located = request.after === null ? null : locate(request.after, graph.versionRoot);
  const definitionIds = (await listTaskDefinitions(graph)).map((d) => d.id).sort();
  const from = located === null ? 0 : definitionIds.indexOf(located.definitionId);
  if (from === -1) throw notACursor('another task definition');
  const start = located?.position ?? null;
  const edges: Edge<PrintJob>[] = [];
  let pagesLeft = MAX_GRAPH_PAGES_PER_FIELD;
  for (let index = from; index < definitionIds.length; index++) {
    const definitionId = definitionIds[index] as string;
    const page = await pagePrintTasks(graph, definitionId, {
      start: index === from ? start : null,
      first: request.first - edges.length,
      maxGraphPages: pagesLeft,
      keep: (tasks) =>
        Promise.all(
          tasks.map(async (task) => {
            if (!isWaiting(task, request.printerId)) return false;
            const job = await jobOfTask(graph, task, ownership);
            return job !== null && isOwnedBy(job, owner);
          }),
        ),
    });
    pagesLeft -= page.graphPages;
    for (const edge of page.edges) {
      // Read while keeping: the batcher answers from this request's cache.
      const job = await jobOfTask(graph, edge.node);
      if (job) edges.push({ node: job, cursor: edge.cursor });
    }
    if (page.hasNextPage) {
      return { edges, hasNextPage: true, endCursor: page.endCursor };
    }
    if (pagesLeft <= 0 && index + 1 < definitionIds.length) {
      const next = definitionTasksCollection(definitionIds[index + 1] as string);
      const endCursor = encodeCursor({ pageUrl: firstPageUrl(graph.versionRoot, next), skip: 0 });
      return { edges, hasNextPage: true, endCursor };
    }
  }
  return { edges, hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null };
}

const notACursor = (message: string) =>
  new InvalidInputError([{ path: ['after'], message: `is not a cursor of this list: ${message}` }]);

const TASKS_PATH = /^\/print\/taskDefinitions\/([^/?#]+)\/tasks(?:\?|$)/;

/** Which definition's tasks a cursor points into, checked as `decodeCursor` checks any. */
function locate(
  cursor: string,
  versionRoot: string,
): { definitionId: string; position: PagePosition } {
  // A first, loose decode only to learn which collection to check the cursor against.
  const loose = decodeCursor(cursor, versionRoot, null);
  const match = TASKS_PATH.exec(relativeToRoot(loose.pageUrl, versionRoot));
  let definitionId: string | null = null;
  try {
    definitionId = match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    definitionId = null;
  }
  if (definitionId === null) throw notACursor('another collection');
  return {
    definitionId,
    position: decodeCursor(cursor, versionRoot, definitionTasksCollection(definitionId)),
  };
}
