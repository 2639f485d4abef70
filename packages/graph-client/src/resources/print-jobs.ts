/** Print jobs: read with their tasks and document, and aborted when a release app declines them. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { CollectionAddress, PagePosition } from './page-cursor.js';
import { type ConnectionPage, readConnectionPage } from './paged-read.js';
import type { PrintJob, PrintTask } from './types.js';

type GraphTask = Omit<PrintTask, 'taskDefinitionId'> & { definition?: { id?: string } | null };
type GraphJob = Omit<PrintJob, 'printerId' | 'tasks'> & { tasks?: GraphTask[] };

/**
 * A job's tasks do not name their definition unless it is expanded too, and without it a task
 * cannot be addressed (every task URL sits under its definition). Its document (name, size,
 * content type) comes in the same GET, so details cost no call of their own.
 */
const EXPAND = 'tasks($expand=definition),documents';
const EXPAND_TASKS = `$expand=${EXPAND}`;

/** `Printer.jobs`: the collection its cursors must point into. */
export const printerJobsCollection = (printerId: string): CollectionAddress => ({
  path: graphPath`/print/printers/${printerId}/jobs`,
  query: { $expand: EXPAND },
});

function toPrintJob(printerId: string, job: GraphJob): PrintJob {
  const { tasks, ...rest } = job;
  return {
    ...rest,
    printerId,
    ...(tasks === undefined ? {} : { tasks: tasks.flatMap(toAddressableTask) }),
  };
}

// A task whose definition Graph did not return cannot be addressed, so it is left out.
function toAddressableTask({ definition, ...task }: GraphTask): PrintTask[] {
  return definition?.id ? [{ ...task, taskDefinitionId: definition.id }] : [];
}

export async function getPrintJob(
  graph: GraphSession,
  printerId: string,
  printJobId: string,
): Promise<PrintJob> {
  const job = await graph.call<GraphJob>({
    method: 'GET',
    url: `${graphPath`/print/printers/${printerId}/jobs/${printJobId}`}?${EXPAND_TASKS}`,
  });
  return toPrintJob(printerId, job);
}

/** One connection page of a printer's jobs; `keep` filters each Graph page (ownership). */
export function pagePrinterJobs(
  graph: GraphSession,
  printerId: string,
  page: {
    start: PagePosition | null;
    first: number;
    keep?: (jobs: readonly PrintJob[]) => Promise<readonly boolean[]>;
  },
): Promise<ConnectionPage<PrintJob>> {
  return readConnectionPage<GraphJob, PrintJob>(graph, {
    collection: printerJobsCollection(printerId),
    toItem: (job) => toPrintJob(printerId, job),
    ...page,
  });
}

/**
 * `POST …/abort` (204). Graph accepts it only while the job has a `processing` task from a
 * trigger of the calling app. Not idempotent in effect, so it is never resent blindly.
 * Resolves with Graph's `request-id`, for the audit log.
 */
export async function abortPrintJob(
  graph: GraphSession,
  printerId: string,
  printJobId: string,
  reason?: string | null,
): Promise<{ requestId: string | null }> {
  const { requestId } = await graph.answered<null>({
    method: 'POST',
    url: graphPath`/print/printers/${printerId}/jobs/${printJobId}/abort`,
    ...(reason == null ? {} : { body: { reason } }),
  });
  return { requestId };
}

/** Where a task came from: `parentUrl` is `…/print/printers/{printerId}/jobs/{jobId}` on any host. */
export function parsePrintJobUrl(
  parentUrl: string | null | undefined,
): { printerId: string; printJobId: string } | null {
  const match = parentUrl?.match(/\/print\/printers\/([^/?#]+)\/jobs\/([^/?#]+)\/?(?:[?#].*)?$/);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { printerId: decodeURIComponent(match[1]), printJobId: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

/**
 * `POST …/cancel` (204) as the person: Graph cancels only the caller's own job, and only with a
 * delegated token. Resolves with Graph's `request-id`, for the audit log.
 */
export async function cancelPrintJob(
  person: GraphSession,
  printerId: string,
  printJobId: string,
): Promise<{ requestId: string | null }> {
  const { requestId } = await person.answered<null>({
    method: 'POST',
    url: graphPath`/print/printers/${printerId}/jobs/${printJobId}/cancel`,
  });
  return { requestId };
}
