/**
 * Every read of jobs and tasks a resolver makes goes through here, so a person sees only their
 * own: by id, a job or task that is not theirs is "not found" (src/domain/hidden.ts), and lists
 * are filtered. Ownership reads go through the request's batcher like any other call, so the
 * jobs behind N tasks cost ceil(N / 20) `$batch` envelopes, and a job already read is not read
 * again (the same URL that `PrintTask.printJob` reads).
 *
 * Printers and task definitions are metadata: any caller who may read at all reads them.
 */

import {
  type ConnectionPage,
  decodeCursor,
  definitionTasksCollection,
  type GraphSession,
  getPrinter,
  getPrintJob,
  getPrintTask,
  getTaskDefinition,
  listTaskDefinitions,
  type Printer,
  type PrintJob,
  type PrintTask,
  type PrintTaskDefinition,
  pagePrinterJobs,
  pagePrintTasks,
  parsePrintJobUrl,
  printerJobsCollection,
} from '@universal-print-gateway/graph-client';
import type { Caller } from '../auth/caller.js';
import { NotFoundError } from '../errors.js';
import { hiddenJob, hiddenTask, hideMissingTask, hideNotFound } from './hidden.js';
import type { OwnershipMemory } from './ownership-memory.js';
import { assertMayRead, isOwnedBy, isVisible, jobVisibilityOf } from './visibility.js';

export interface AccessContext {
  readonly caller: Caller;
  readonly graph: GraphSession;
  /** Whose jobs Graph said they are, kept across requests (ownership-memory.ts); absent: none. */
  readonly ownership?: OwnershipMemory | undefined;
}

/** What a connection field asks for: `after` is the client's cursor, not yet checked. */
export interface PageRequest {
  readonly first: number;
  readonly after: string | null;
}

export async function readPrintJob(
  { caller, graph, ownership }: AccessContext,
  printerId: string,
  printJobId: string,
): Promise<PrintJob> {
  const visibility = jobVisibilityOf(caller);
  if (visibility.kind === 'all')
    return learnJob(ownership, getPrintJob(graph, printerId, printJobId));
  const hidden = () => hiddenJob();
  const job = await learnJob(ownership, getPrintJob(graph, printerId, printJobId)).catch(
    hideNotFound(hidden),
  );
  if (!isOwnedBy(job, visibility.objectId)) throw hidden();
  return job;
}

/** Resolves with the job as `read` does, once its owner is remembered. */
async function learnJob(
  ownership: OwnershipMemory | undefined,
  read: Promise<PrintJob>,
): Promise<PrintJob> {
  const job = await read;
  ownership?.learnJob(job);
  return job;
}

/**
 * One page of a printer's jobs; a person's pages hold only their own (Graph pages are filtered,
 * so one connection page may read several). A cursor is checked before anything is sent.
 */
export async function pageVisiblePrinterJobs(
  { caller, graph, ownership }: AccessContext,
  printerId: string,
  { first, after }: PageRequest,
): Promise<ConnectionPage<PrintJob>> {
  const visibility = jobVisibilityOf(caller);
  const start =
    after === null
      ? null
      : decodeCursor(after, graph.versionRoot, printerJobsCollection(printerId));
  const page = await pagePrinterJobs(graph, printerId, {
    start,
    first,
    ...(visibility.kind === 'all'
      ? {}
      : { keep: async (jobs) => jobs.map((job) => isVisible(job, visibility)) }),
  });
  // The release screen: a release at the device follows, for one of these jobs or tasks.
  for (const edge of page.edges) ownership?.learnJob(edge.node);
  return page;
}

/**
 * The job a task holds, read through the batcher; null when its `parentUrl` names none or the
 * job is gone. Other failures (throttling, an outage) are not hidden: they fail the read. With
 * `ownership`, the task's job and the job's owner are remembered.
 */
export async function jobOfTask(
  graph: GraphSession,
  task: PrintTask,
  ownership?: OwnershipMemory,
): Promise<PrintJob | null> {
  const parent = parsePrintJobUrl(task.parentUrl);
  if (!parent) return null;
  ownership?.learnTask(task);
  try {
    return await learnJob(ownership, getPrintJob(graph, parent.printerId, parent.printJobId));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const taskOwnedBy = async (
  { graph, ownership }: AccessContext,
  task: PrintTask,
  objectId: string,
) => {
  const job = await jobOfTask(graph, task, ownership);
  return job !== null && isOwnedBy(job, objectId);
};

export async function readPrintTask(
  context: AccessContext,
  taskDefinitionId: string,
  taskId: string,
): Promise<PrintTask> {
  const { caller, graph, ownership } = context;
  const visibility = jobVisibilityOf(caller);
  const read = getPrintTask(graph, taskDefinitionId, taskId).then((task) => {
    ownership?.learnTask(task);
    return task;
  });
  if (visibility.kind === 'all') return read;
  const task = await read.catch(hideMissingTask(graph, taskDefinitionId, taskId));
  if (!(await taskOwnedBy(context, task, visibility.objectId))) throw hiddenTask();
  return task;
}

/** One page of a definition's tasks; a person's hold only the tasks of their own jobs. */
export function pageVisiblePrintTasks(
  context: AccessContext,
  taskDefinitionId: string,
  { first, after }: PageRequest,
): Promise<ConnectionPage<PrintTask>> {
  const { caller, graph } = context;
  const visibility = jobVisibilityOf(caller);
  const start =
    after === null
      ? null
      : decodeCursor(after, graph.versionRoot, definitionTasksCollection(taskDefinitionId));
  if (visibility.kind === 'all') return pagePrintTasks(graph, taskDefinitionId, { start, first });
  return pagePrintTasks(graph, taskDefinitionId, {
    start,
    first,
    // Every task's job on a Graph page is asked for in one tick, so they share envelopes.
    keep: (tasks) =>
      Promise.all(tasks.map((task) => taskOwnedBy(context, task, visibility.objectId))),
  });
}

/** `PrintTask.printJob`: null when the caller may not see the job (a person, another's job). */
export async function readJobOfTask(
  { caller, graph, ownership }: AccessContext,
  task: PrintTask,
): Promise<PrintJob | null> {
  const visibility = jobVisibilityOf(caller);
  if (visibility.kind === 'all') {
    const parent = parsePrintJobUrl(task.parentUrl);
    return parent ? getPrintJob(graph, parent.printerId, parent.printJobId) : null;
  }
  const job = await jobOfTask(graph, task, ownership);
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
