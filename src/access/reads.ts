/**
 * Every read of jobs and tasks a resolver makes goes through here, so a person sees only their
 * own: by id, a job or task that is not theirs is "not found" (src/access/hidden.ts), and lists
 * are filtered. Ownership reads go through the request's batcher like any other call, so the
 * jobs behind N tasks cost ceil(N / 20) `$batch` envelopes, and a job already read is not read
 * again (the same URL that `PrintTask.printJob` reads).
 *
 * Printers and task definitions are metadata: any caller who may read at all reads them.
 */
import type { Caller } from '../auth/caller.js';
import { NotFoundError } from '../errors.js';
import { getPrintJob, listPrinterJobs, parsePrintJobUrl } from '../graph/print-jobs.js';
import { getPrintTask, listPrintTasks } from '../graph/print-tasks.js';
import { getPrinter } from '../graph/printers.js';
import type { Printer, PrintJob, PrintTask, PrintTaskDefinition } from '../graph/resources.js';
import type { GraphSession } from '../graph/session.js';
import { getTaskDefinition, listTaskDefinitions } from '../graph/task-definitions.js';
import { hiddenJob, hiddenTask, hideNotFound } from './hidden.js';
import { assertMayRead, isOwnedBy, isVisible, jobVisibilityOf } from './visibility.js';

export interface AccessContext {
  readonly caller: Caller;
  readonly graph: GraphSession;
}

export async function readPrintJob(
  { caller, graph }: AccessContext,
  printerId: string,
  printJobId: string,
): Promise<PrintJob> {
  const visibility = jobVisibilityOf(caller);
  if (visibility.kind === 'all') return getPrintJob(graph, printerId, printJobId);
  const hidden = () => hiddenJob();
  const job = await getPrintJob(graph, printerId, printJobId).catch(hideNotFound(hidden));
  if (!isOwnedBy(job, visibility.objectId)) throw hidden();
  return job;
}

export async function listVisiblePrinterJobs(
  { caller, graph }: AccessContext,
  printerId: string,
): Promise<PrintJob[]> {
  const visibility = jobVisibilityOf(caller);
  const jobs = await listPrinterJobs(graph, printerId);
  return jobs.filter((job) => isVisible(job, visibility));
}

/**
 * The job a task holds, read through the batcher; null when its `parentUrl` names none or the
 * job is gone. Other failures (throttling, an outage) are not hidden: they fail the read.
 */
export async function jobOfTask(graph: GraphSession, task: PrintTask): Promise<PrintJob | null> {
  const parent = parsePrintJobUrl(task.parentUrl);
  if (!parent) return null;
  try {
    return await getPrintJob(graph, parent.printerId, parent.printJobId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const taskOwnedBy = async (graph: GraphSession, task: PrintTask, objectId: string) => {
  const job = await jobOfTask(graph, task);
  return job !== null && isOwnedBy(job, objectId);
};

export async function readPrintTask(
  { caller, graph }: AccessContext,
  taskDefinitionId: string,
  taskId: string,
): Promise<PrintTask> {
  const visibility = jobVisibilityOf(caller);
  if (visibility.kind === 'all') return getPrintTask(graph, taskDefinitionId, taskId);
  const hidden = () => hiddenTask();
  const task = await getPrintTask(graph, taskDefinitionId, taskId).catch(hideNotFound(hidden));
  if (!(await taskOwnedBy(graph, task, visibility.objectId))) throw hidden();
  return task;
}

export async function listVisiblePrintTasks(
  { caller, graph }: AccessContext,
  taskDefinitionId: string,
): Promise<PrintTask[]> {
  const visibility = jobVisibilityOf(caller);
  const tasks = await listPrintTasks(graph, taskDefinitionId);
  if (visibility.kind === 'all') return tasks;
  // Every task's job is asked for in this tick, so they share envelopes.
  const owned = await Promise.all(
    tasks.map((task) => taskOwnedBy(graph, task, visibility.objectId)),
  );
  return tasks.filter((_, index) => owned[index]);
}

/** `PrintTask.printJob`: null when the caller may not see the job (a person, another's job). */
export async function readJobOfTask(
  { caller, graph }: AccessContext,
  task: PrintTask,
): Promise<PrintJob | null> {
  const visibility = jobVisibilityOf(caller);
  if (visibility.kind === 'all') {
    const parent = parsePrintJobUrl(task.parentUrl);
    return parent ? getPrintJob(graph, parent.printerId, parent.printJobId) : null;
  }
  const job = await jobOfTask(graph, task);
  return job && isVisible(job, visibility) ? job : null;
}

export function readPrinter({ caller, graph }: AccessContext, id: string): Promise<Printer> {
  assertMayRead(caller);
  return getPrinter(graph, id);
}

export function readTaskDefinition(
  { caller, graph }: AccessContext,
  id: string,
): Promise<PrintTaskDefinition> {
  assertMayRead(caller);
  return getTaskDefinition(graph, id);
}

export function readTaskDefinitions({
  caller,
  graph,
}: AccessContext): Promise<PrintTaskDefinition[]> {
  assertMayRead(caller);
  return listTaskDefinitions(graph);
}
