/**
 * Turns what the gateway learns (a Graph notification, a reconciliation read, its own confirmed
 * writes) into `JobEvent`s. Works outside any GraphQL request, so every announcement opens its own
 * Graph session: its own batcher, deadline and budget of calls, and failures are logged, never
 * thrown at whoever reported the change.
 */

import {
  type GraphService,
  type GraphSession,
  getPrintTask,
  type PrintJob,
  type PrintTask,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { EndedJob, EndedJobAnnouncer } from '../domain/ended-jobs.js';
import type { OwnershipMemory } from '../domain/ownership-memory.js';
import { jobOfTask } from '../domain/reads.js';
import type { JobEvent, JobEventKind } from './job-event.js';
import type { LiveEvents } from './live-events.js';

/** How long an announced WAITING suppresses a repeat (another notification, reconciliation). */
export const WAITING_ANNOUNCED_TTL_MS = 24 * 60 * 60 * 1_000;

export interface JobAnnouncerOptions {
  now?: () => Date;
  /**
   * The app's memory of whose jobs are whose (src/domain/ownership-memory.ts): fed by what the
   * announcer reads, and asked whose a job is when a write did not say.
   */
  ownership?: OwnershipMemory;
}

export class JobAnnouncer implements EndedJobAnnouncer {
  readonly ownership: OwnershipMemory | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly graph: GraphService,
    private readonly events: LiveEvents,
    private readonly logger: Logger,
    options: JobAnnouncerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.ownership = options.ownership;
  }

  /**
   * A task was created (a Graph notification): reads it and its job, and announces WAITING if
   * the task is processing. Resolves when done; never rejects. Notifications of one POST share
   * a session (`newSession`), so their reads share `$batch` envelopes.
   */
  async taskCreated(
    taskDefinitionId: string,
    taskId: string,
    graph: GraphSession = this.newSession(),
  ): Promise<void> {
    try {
      const task = await getPrintTask(graph, taskDefinitionId, taskId);
      if (task.status?.state !== 'processing') return;
      // Remembered: the person's release of this job at a device then reads nothing.
      const job = await jobOfTask(graph, task, this.ownership);
      if (job) await this.waiting(task, job);
    } catch (error) {
      this.logger.warn(
        {
          code: 'NOTIFIED_TASK_UNREADABLE',
          taskDefinitionId,
          taskId,
          error: String(error),
        },
        'Could not read a task Graph notified',
      );
    }
  }

  newSession(): GraphSession {
    return this.graph.session();
  }

  /** A processing task and its job: WAITING, once per task however many sources report it. */
  async waiting(task: PrintTask, job: PrintJob): Promise<void> {
    const key = `waiting:${task.taskDefinitionId}/${task.id}`;
    if (!(await this.events.onceSet.firstSighting(key, WAITING_ANNOUNCED_TTL_MS))) return;
    this.publish('WAITING', job.printerId, job.id, job.createdBy?.id ?? null, { job, task });
  }

  /**
   * Reconciliation found a job Universal Print holds for secure release (Graph notifies nothing
   * of those), addressed at the device it can be released at: once per job, as for tasks.
   */
  async heldWaiting(job: PrintJob): Promise<void> {
    const key = `waiting:held/${job.id}`;
    if (!(await this.events.onceSet.firstSighting(key, WAITING_ANNOUNCED_TTL_MS))) return;
    this.publish('WAITING', job.printerId, job.id, job.createdBy?.id ?? null, { job, task: null });
  }

  /** Reconciliation found a held job no longer held (released, canceled, expired). */
  heldGone(job: PrintJob): void {
    this.publish('GONE', job.printerId, job.id, job.createdBy?.id ?? null, { job, task: null });
  }

  /** Reconciliation found a job no longer waiting that it had seen waiting. */
  gone(job: PrintJob, task: PrintTask): void {
    this.publish('GONE', job.printerId, job.id, job.createdBy?.id ?? null, { job, task });
  }

  /**
   * The gateway's own write, after Graph confirmed it. Costs no Graph call: the owner is what the
   * write established (a person's own job, a station's `onBehalfOf`, the redirected job's
   * `createdBy`), or else what Graph said of the job lately (a notification of its task, a
   * release screen). A station's write on a job nobody read lately goes out with no owner, so
   * only callers who may read any job hear of it; a person's screen learns of it at the next
   * reconciliation (GONE).
   */
  ended(change: EndedJob): void {
    const ownerId =
      change.ownerId ??
      change.redirectedTo?.createdBy?.id ??
      this.ownership?.ownerOf(change) ??
      null;
    this.publish(change.kind, change.printerId, change.printJobId, ownerId, {
      job: null,
      task: change.task ?? null,
      redirectedTo: change.redirectedTo ?? null,
    });
  }

  private publish(
    kind: JobEventKind,
    printerId: string,
    printJobId: string,
    ownerId: string | null,
    detail: { job: PrintJob | null; task: PrintTask | null; redirectedTo?: PrintJob | null },
  ): void {
    const event: JobEvent = {
      kind,
      printerId,
      printJobId,
      ownerId,
      job: detail.job,
      task: detail.task,
      redirectedTo: detail.redirectedTo ?? null,
      occurredAt: this.now().toISOString(),
    };
    this.events.publish(event);
  }
}
