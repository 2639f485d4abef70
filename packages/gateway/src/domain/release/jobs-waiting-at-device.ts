/**
 * "My waiting jobs here": a person's jobs waiting for release, under both of Universal Print's
 * models, as one connection.
 *
 * - **Redirect** (the task-trigger flow, waiting-jobs.ts): jobs held on the gateway's virtual
 *   queues by a `processing` task; released by redirecting them to any printer, with the app's
 *   token. At a device they are all listed (each can be redirected there); at a queue, only that
 *   queue's, as before.
 * - **Secure release** (Universal Print's own): jobs held in the cloud that Graph's `releaseWait`
 *   lists at the physical printer they can be released at; released there with the person's
 *   token. Read as the person (on-behalf-of); a station reading for someone uses the app's
 *   `PrintJob.ReadBasic.All` where Graph grants it and keeps only that person's jobs (a tenant
 *   that has not granted it answers PermissionDeniedError). Only a device lists them: Graph has
 *   no list of a person's held jobs without one.
 *
 * The connection holds the redirect jobs first, then the secure-release ones; a cursor names
 * the part it points into (a task page, or a `releaseWait` page of this device), so paging
 * keeps each part's guarantees: each job once, in Graph's order. When the redirect part ends
 * exactly at a page's end, the page says there is more and the next page may be empty.
 */

import {
  decodeCursor,
  type Edge,
  encodeCursor,
  firstPageUrl,
  type GraphSession,
  getPrinter,
  MAX_GRAPH_PAGES_PER_FIELD,
  type PrintJob,
  pageHeldJobs,
  relativeToRoot,
  releaseWaitCollection,
} from '@universal-print-gateway/graph-client';
import type { AccessContext, PageRequest } from '../reads.js';
import { isOwnedBy, sameObjectId } from '../visibility.js';
import { pageWaitingJobs, type WaitingJobsPage } from './waiting-jobs.js';

/** How a waiting job will be released: which Graph call, with whose token. */
export type ReleaseMethod = 'REDIRECT' | 'SECURE_RELEASE';

export type WaitingJob = PrintJob & { readonly releaseMethod: ReleaseMethod };

export interface WaitingAtDevicePage {
  readonly edges: Edge<WaitingJob>[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface WaitingJobsContext extends AccessContext {
  /** The calling person's on-behalf-of session; throws ForbiddenError for anyone else. */
  readonly personGraph: () => GraphSession;
}

const RELEASE_WAIT_PATH = /^\/print\/printers\/[^/?#]+\/jobs\/releaseWait(?:\?|$)/i;

const tagged = (page: WaitingJobsPage, releaseMethod: ReleaseMethod): WaitingAtDevicePage => ({
  ...page,
  edges: page.edges.map((edge) => ({ ...edge, node: { ...edge.node, releaseMethod } })),
});

/** Whether a client's cursor points into a `releaseWait` page (checked fully later). */
function isHeldJobsCursor(cursor: string, versionRoot: string): boolean {
  const loose = decodeCursor(cursor, versionRoot, null);
  return RELEASE_WAIT_PATH.test(relativeToRoot(loose.pageUrl, versionRoot));
}

/** The person's waiting jobs at `printerId` (a device or a queue), or on every queue. */
export async function pageJobsWaitingAt(
  context: WaitingJobsContext,
  owner: string,
  request: PageRequest & { printerId: string | null },
): Promise<WaitingAtDevicePage> {
  const { printerId } = request;
  const root = context.graph.versionRoot;
  if (printerId !== null && request.after !== null && isHeldJobsCursor(request.after, root)) {
    const start = decodeCursor(request.after, root, releaseWaitCollection(printerId));
    return pageHeld(context, owner, printerId, start, request.first);
  }
  const isDevice =
    printerId !== null && (await getPrinter(context.graph, printerId)).hasPhysicalDevice === true;
  const redirect = tagged(
    await pageWaitingJobs(context, owner, { ...request, printerId: isDevice ? null : printerId }),
    'REDIRECT',
  );
  if (!isDevice || printerId === null || redirect.hasNextPage) return redirect;
  const room = request.first - redirect.edges.length;
  if (room === 0) {
    const start = { pageUrl: firstPageUrl(root, releaseWaitCollection(printerId)), skip: 0 };
    return { ...redirect, hasNextPage: true, endCursor: encodeCursor(start) };
  }
  const held = await pageHeld(context, owner, printerId, null, room);
  return {
    edges: [...redirect.edges, ...held.edges],
    hasNextPage: held.hasNextPage,
    endCursor: held.endCursor ?? redirect.endCursor,
  };
}

/**
 * The secure-release part: as the person when the caller is that person, else with the app's
 * permission, keeping the owner's jobs only.
 */
async function pageHeld(
  context: WaitingJobsContext,
  owner: string,
  deviceId: string,
  start: { pageUrl: string; skip: number } | null,
  first: number,
): Promise<WaitingAtDevicePage> {
  const { caller } = context;
  const asThePerson = caller.kind === 'person' && sameObjectId(caller.objectId, owner);
  const graph = asThePerson ? context.personGraph() : context.graph;
  const page = await pageHeldJobs(graph, deviceId, {
    start,
    first,
    maxGraphPages: MAX_GRAPH_PAGES_PER_FIELD,
    // The person's token lists only their jobs (Graph: "the signed-in user's"); the app's lists
    // everyone's there. Filtering makes the reader fetch the next page early, so only then.
    ...(asThePerson ? {} : { keep: async (jobs) => jobs.map((job) => isOwnedBy(job, owner)) }),
  });
  return tagged(page, 'SECURE_RELEASE');
}
