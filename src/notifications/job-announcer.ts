/**
 * Turns what the gateway learns (a Graph notification, a reconciliation read, its own confirmed
 * writes) into `JobEvent`s. Works outside any GraphQL request, so every announcement opens its own
 * Graph session: its own batcher, deadline and budget of calls, and failures are logged, never
 * thrown at whoever reported the change.
 */
import { jobOfTask } from '../access/reads.js';
import { getPrintJob } from '../graph/print-jobs.js';
import { getPrintTask } from '../graph/print-tasks.js';
import type { PrintJob, PrintTask } from '../graph/resources.js';
import type { GraphService } from '../graph/service.js';
import type { GraphSession } from '../graph/session.js';
import type { Logger } from '../logger.js';
import type { JobEvent, JobEventKind } from './job-event.js';
import type { LiveEvents } from './live-events.js';

/** How long an announced WAITING suppresses a repeat (another notification, reconciliation). */
export const WAITING_ANNOUNCED_TTL_MS = 24 * 60 * 60 * 1_000;

export type EndedKind = Exclude<JobEventKind, 'WAITING' | 'GONE'>;

export interface EndedJob {
  readonly kind: EndedKind;
  readonly printerId: string;
  readonly printJobId: string;
  /** Whose job it is when the write already established it (a person's, or `onBehalfOf`). */
  readonly ownerId: string | null;
  readonly task?: PrintTask | null;
  readonly redirectedTo?: PrintJob | null;
}

export class JobAnnouncer {
  constructor(
    private readonly graph: GraphService,
    private readonly events: LiveEvents,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
      const job = await jobOfTask(graph, task);
      if (job) await this.waiting(task, job);
    } catch (error) {
      this.logger.warn('Could not read a task Graph notified', {
        code: 'NOTIFIED_TASK_UNREADABLE',
        taskDefinitionId,
        taskId,
        error: String(error),
      });
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

  /** Reconciliation found a job no longer waiting that it had seen waiting. */
  gone(job: PrintJob, task: PrintTask): void {
    this.publish('GONE', job.printerId, job.id, job.createdBy?.id ?? null, { job, task });
  }

  /**
   * The gateway's own write, after Graph confirmed it. Reads the job only when its owner is not
   * known yet (a station's write without `onBehalfOf`): who may hear of it depends on it. The
   * read goes through the writing request's session, so it shares its envelopes and is the same
   * call as the job read that request makes anyway (an abort reads the job back); if that
   * request's budget is spent, the event goes out with no owner (to stations only). A person's
   * write checked ownership already: no read, and the event carries no `job`. Never rejects.
   */
  async ended(change: EndedJob, session?: GraphSession): Promise<void> {
    try {
      const job =
        change.ownerId === null
          ? await getPrintJob(
              session ?? this.newSession(),
              change.printerId,
              change.printJobId,
            ).catch(() => null)
          : null;
      const ownerId = change.ownerId ?? job?.createdBy?.id ?? null;
      this.publish(change.kind, change.printerId, change.printJobId, ownerId, {
        job,
        task: change.task ?? null,
        redirectedTo: change.redirectedTo ?? null,
      });
    } catch (error) {
      this.logger.warn('Could not announce a confirmed write', {
        code: 'JOB_EVENT_UNANNOUNCED',
        kind: change.kind,
        printerId: change.printerId,
        printJobId: change.printJobId,
        error: String(error),
      });
    }
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
