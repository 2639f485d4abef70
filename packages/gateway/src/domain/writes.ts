/**
 * The gateway's writes on Graph, each decided before it is sent and audited however it ends.
 *
 * Graph sees only the gateway's app-only power, so ownership is checked here: a person's write
 * first reads the job (abort: the job; task report: the task, then its job) through the batcher
 * and is sent only when the job's `createdBy.id` is theirs. A release station (`Print.Release.All`)
 * may name the person it acts for (`onBehalfOf`, e.g. who badged in at the device); the job must
 * then be theirs. A refused write sends no write to Graph.
 */

import {
  abortPrintJob,
  getPrintJob,
  getPrintTask,
  type PrintTask,
  type PrintTaskStatusUpdate,
  parsePrintJobUrl,
  updatePrintTaskStatus,
} from '@universal-print-gateway/graph-client';
import type { AuditedOperation, AuditLog } from '../audit/audit-log.js';
import { outcomeOfError, requestIdOfError } from '../audit/outcome.js';
import type { Caller } from '../auth/caller.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { EndedJob, EndedJobAnnouncer } from './ended-jobs.js';
import { hiddenJob, hiddenTask, hideMissingTask, hideNotFound } from './hidden.js';
import type { JobRef, OwnershipMemory } from './ownership-memory.js';
import { accessScopesOf } from './permissions.js';
import { type AccessContext, jobOfTask } from './reads.js';
import { markRefusedBeforeWriting } from './refused-before-writing.js';
import { isOwnedBy, sameObjectId } from './visibility.js';

export interface WriteContext extends AccessContext {
  readonly audit: AuditLog;
  /** Announces a write once Graph confirmed it, to live subscribers (src/graph-notifications/). */
  readonly jobAnnouncer?: EndedJobAnnouncer;
}

/**
 * After Graph confirmed a write: tells subscribers (no Graph call). The owner is the one the
 * write checked, when it checked one.
 */
export function announceEnded(
  context: WriteContext,
  change: Omit<EndedJob, 'ownerId'>,
  onBehalfOf: string | null | undefined,
): void {
  if (!context.jobAnnouncer) return;
  let ownerId: string | null;
  try {
    ownerId = requiredOwner(context.caller, onBehalfOf);
  } catch {
    ownerId = null;
  }
  context.jobAnnouncer.ended({ ...change, ownerId });
}

export interface AbortRequest {
  readonly printerId: string;
  readonly printJobId: string;
  readonly reason?: string | null | undefined;
  readonly onBehalfOf?: string | null | undefined;
}

export interface TaskReportRequest {
  readonly taskDefinitionId: string;
  readonly taskId: string;
  readonly status: PrintTaskStatusUpdate;
  readonly onBehalfOf?: string | null | undefined;
}

/** A person's writes, and a station's that name `onBehalfOf`, read the job first. */
export const checksOwner = (caller: Caller, onBehalfOf: string | null | undefined): boolean =>
  caller.kind === 'person' || onBehalfOf != null;

/** Graph calls an abort can cost: the job read when ownership is checked, then the abort. */
export const callsForAbort = (caller: Caller, request: AbortRequest): number =>
  checksOwner(caller, request.onBehalfOf) ? 2 : 1;

/** Graph calls a task report can cost: task and job reads when ownership is checked, the PATCH. */
export const callsForTaskReport = (caller: Caller, request: TaskReportRequest): number =>
  checksOwner(caller, request.onBehalfOf) ? 3 : 1;

/**
 * Whose job the write must touch: a person's own, the `onBehalfOf` a station names, or anyone's
 * (null). Throws `ForbiddenError`, before any Graph call, for a person naming someone else.
 */
export function requiredOwner(
  caller: Caller,
  onBehalfOf: string | null | undefined,
): string | null {
  const scopes = accessScopesOf(caller);
  if (caller.kind === 'person' && scopes.releaseOwn) {
    if (onBehalfOf != null && !sameObjectId(onBehalfOf, caller.objectId)) {
      throw new ForbiddenError(
        'A person acts only for themselves: onBehalfOf must be your own object id, or left out',
      );
    }
    return caller.objectId;
  }
  if (scopes.releaseAny) return onBehalfOf ?? null;
  throw new ForbiddenError('Writing needs Print.Release (own jobs) or Print.Release.All');
}

/** "Not yours" for a person is "not found"; for a station it says whose the job is not. */
function notOwned(caller: Caller, hidden: () => NotFoundError, what: string, owner: string) {
  return caller.kind === 'person'
    ? hidden()
    : new NotFoundError(`${what} was not submitted by ${owner} (onBehalfOf)`, null);
}

/** A person's "not found" hides Graph's; a station sees Graph's own, request id and all. */
function personal(caller: Caller, hidden: () => NotFoundError): (error: unknown) => never {
  if (caller.kind === 'person') return hideNotFound(hidden);
  return (error) => {
    throw error;
  };
}

/**
 * True when Graph said lately that the job is `owner`'s (ownership-memory.ts): the check then
 * needs no read. Only a match is taken from memory. A job remembered as someone else's is read
 * again, so that refusing it costs what refusing a job that does not exist costs: neither the
 * Graph calls it uses (which `CallBudgetExceededError.remainingCalls` shows) nor the time may
 * tell a person that another's job exists.
 */
function rememberedAs(owner: string, ownership: OwnershipMemory | undefined, job?: JobRef) {
  return job !== undefined && sameObjectId(ownership?.ownerOf(job), owner);
}

/** Checks the job is `owner`'s. Whether it still exists, or still waits, the write finds out. */
export async function jobOwnedBy(
  { caller, graph, ownership }: AccessContext,
  printerId: string,
  printJobId: string,
  owner: string,
): Promise<void> {
  if (rememberedAs(owner, ownership, { printerId, printJobId })) return;
  const hidden = () => hiddenJob();
  const job = await getPrintJob(graph, printerId, printJobId).catch(personal(caller, hidden));
  ownership?.learnJob(job);
  if (!isOwnedBy(job, owner)) {
    throw notOwned(caller, hidden, `Print job ${printJobId} on printer ${printerId}`, owner);
  }
}

async function taskOwnedBy(
  { caller, graph, ownership }: AccessContext,
  taskDefinitionId: string,
  taskId: string,
  owner: string,
): Promise<void> {
  if (rememberedAs(owner, ownership, ownership?.jobOf(taskDefinitionId, taskId))) return;
  const hidden = () => hiddenTask();
  const task = await getPrintTask(graph, taskDefinitionId, taskId).catch(
    caller.kind === 'person'
      ? hideMissingTask(graph, taskDefinitionId, taskId)
      : personal(caller, hidden),
  );
  const job = await jobOfTask(graph, task, ownership);
  if (job === null || !isOwnedBy(job, owner)) {
    throw notOwned(caller, hidden, `The job of print task ${taskId}`, owner);
  }
}

/**
 * Runs a write's check and then the write, auditing one line either way. Graph's request id is
 * recorded only for the write itself, never for the reads that preceded it.
 */
export async function audited<T>(
  context: WriteContext,
  entry: {
    operation: AuditedOperation;
    onBehalfOf: string | null | undefined;
    target: Record<string, string>;
    /** The GraphQL typename the schema gives a success: what the audit line calls it. */
    success: string;
    /** Ids only a success knows (a redirect's new job), added to the success's target. */
    successTarget?: (result: T) => Record<string, string>;
  },
  check: () => Promise<void>,
  write: () => Promise<{ result: T; requestId: string | null }>,
): Promise<T> {
  const record = (
    outcome: string,
    graphRequestId: string | null,
    target: Record<string, string> = entry.target,
  ) =>
    context.audit.record({
      operation: entry.operation,
      caller: context.caller,
      onBehalfOf: entry.onBehalfOf ?? null,
      target,
      outcome,
      graphRequestId,
    });
  try {
    await check();
  } catch (error) {
    record(outcomeOfError(error), null);
    markRefusedBeforeWriting(error);
    throw error;
  }
  try {
    const { result, requestId } = await write();
    record(entry.success, requestId, { ...entry.target, ...entry.successTarget?.(result) });
    return result;
  } catch (error) {
    record(outcomeOfError(error), requestIdOfError(error));
    throw error;
  }
}

export function abortJob(context: WriteContext, request: AbortRequest): Promise<void> {
  const { printerId, printJobId, onBehalfOf } = request;
  return audited(
    context,
    {
      operation: 'abortPrintJob',
      onBehalfOf,
      target: { printerId, printJobId },
      success: 'AbortPrintJobSuccess',
    },
    async () => {
      const owner = requiredOwner(context.caller, onBehalfOf);
      if (owner !== null) await jobOwnedBy(context, printerId, printJobId, owner);
    },
    async () => {
      const { requestId } = await abortPrintJob(
        context.graph,
        printerId,
        printJobId,
        request.reason,
      );
      announceEnded(context, { kind: 'ABORTED', printerId, printJobId }, onBehalfOf);
      return { result: undefined, requestId };
    },
  );
}

export function reportTaskState(
  context: WriteContext,
  request: TaskReportRequest,
): Promise<PrintTask> {
  const { taskDefinitionId, taskId, onBehalfOf } = request;
  return audited(
    context,
    {
      operation: 'updatePrintTask',
      onBehalfOf,
      target: { taskDefinitionId, taskId, state: request.status.state },
      success: 'UpdatePrintTaskSuccess',
    },
    async () => {
      const owner = requiredOwner(context.caller, onBehalfOf);
      if (owner !== null) await taskOwnedBy(context, taskDefinitionId, taskId, owner);
    },
    async () => {
      const { printTask, requestId } = await updatePrintTaskStatus(
        context.graph,
        taskDefinitionId,
        taskId,
        request.status,
      );
      const parent = parsePrintJobUrl(printTask.parentUrl);
      if (parent && request.status.state !== 'processing') {
        const kind = request.status.state === 'completed' ? 'RELEASED' : 'ABORTED';
        announceEnded(context, { kind, ...parent, task: printTask }, onBehalfOf);
      }
      return { result: printTask, requestId };
    },
  );
}

/**
 * Audits writes that field authorization refused before any resolver ran (the caller holds no
 * write permission), one line per item, and returns the error to answer with.
 */
export function refuseWrites(
  context: WriteContext,
  operation: AuditedOperation,
  targets: readonly { target: Record<string, string>; onBehalfOf?: string | null | undefined }[],
  error: Error,
): Error {
  for (const { target, onBehalfOf } of targets) {
    context.audit.record({
      operation,
      caller: context.caller,
      onBehalfOf: onBehalfOf ?? null,
      target,
      outcome: outcomeOfError(error),
      graphRequestId: null,
    });
  }
  return error;
}
