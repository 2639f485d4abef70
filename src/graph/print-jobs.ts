/** Print jobs: read with their tasks, and aborted when a release app declines them. */
import { graphPath } from './call.js';
import type { Collection, PrintJob, PrintTask } from './resources.js';
import type { GraphSession } from './session.js';

type GraphTask = Omit<PrintTask, 'taskDefinitionId'> & { definition?: { id?: string } | null };
type GraphJob = Omit<PrintJob, 'printerId' | 'tasks'> & { tasks?: GraphTask[] };

/**
 * A job's tasks do not name their definition unless it is expanded too, and without it a task
 * cannot be addressed (every task URL sits under its definition).
 */
const EXPAND_TASKS = '$expand=tasks($expand=definition)';

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

export async function listPrinterJobs(graph: GraphSession, printerId: string): Promise<PrintJob[]> {
  const jobs = await graph.call<Collection<GraphJob>>({
    method: 'GET',
    url: `${graphPath`/print/printers/${printerId}/jobs`}?${EXPAND_TASKS}`,
  });
  return jobs.value.map((job) => toPrintJob(printerId, job));
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
