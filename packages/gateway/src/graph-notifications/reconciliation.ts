/**
 * Print sends no `missed` or `subscriptionRemoved` notifications, so a lost notification would
 * hide a waiting job for good. Every `intervalMs`, while this replica holds the
 * `graph-reconciliation` lease, this reads each task definition's tasks (at most `maxPages` Graph
 * pages per definition) and announces what changed since the last pass: WAITING for processing
 * tasks not announced yet (the announcer drops those a notification already announced), GONE for
 * tasks seen processing last time that are no longer. A definition whose
 * tasks span more than `maxPages` pages gets no GONE that pass: what was not read is not gone.
 * Job reads are made only for tasks new to it, and share `$batch` envelopes page by page.
 */

import {
  type GraphService,
  type GraphSession,
  listTaskDefinitions,
  type PrintJob,
  type PrintTask,
  printTaskPages,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import { jobOfTask } from '../domain/reads.js';
import type { JobAnnouncer } from '../live-events/job-announcer.js';
import type { Leadership } from '../shared-state/contracts.js';
import { heldJobsByDevice } from './held-jobs.js';
import { startLeasedPeriodic } from './leased-periodic.js';
import type { Periodic } from './periodic.js';

export const RECONCILIATION_LEASE = 'graph-reconciliation';
/** @default 60 s */
export const DEFAULT_RECONCILE_INTERVAL_MS = 60_000;
/** Graph pages of tasks read per definition and pass (10 tasks a page on the emulator). */
export const DEFAULT_RECONCILE_MAX_PAGES = 20;

export interface ReconcilerSettings {
  intervalMs: number;
  maxPages: number;
}

interface Waiting {
  task: PrintTask;
  job: PrintJob;
}

const taskKey = (task: PrintTask) => `${task.taskDefinitionId}/${task.id}`;

export class Reconciler {
  /** Processing tasks as of the last pass, with their jobs. */
  private waiting = new Map<string, Waiting>();
  /** Jobs held for secure release as of the last pass, by job id. */
  private held = new Map<string, PrintJob>();
  private loop: Periodic | undefined;

  constructor(
    private readonly graph: GraphService,
    private readonly announcer: JobAnnouncer,
    private readonly leadership: Leadership,
    private readonly settings: ReconcilerSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop ??= startLeasedPeriodic(
      () => this.reconcile(),
      this.settings.intervalMs,
      this.leadership,
    );
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    await this.leadership.release(RECONCILIATION_LEASE);
  }

  /**
   * Jobs held for secure release, which Graph never notifies: WAITING for those new since the
   * last pass, GONE for those no longer held (only when every device was read in full).
   */
  private async reconcileHeld(graph: GraphSession): Promise<void> {
    const { jobs, complete } = await heldJobsByDevice(graph, this.settings.maxPages);
    for (const [id, job] of jobs) {
      if (!this.held.has(id)) await this.announcer.heldWaiting(job);
    }
    if (complete) {
      for (const [id, job] of this.held) if (!jobs.has(id)) this.announcer.heldGone(job);
    }
    this.held = jobs;
  }

  /** One pass. Never rejects; a pass that fails leaves the last snapshot as it was. */
  async reconcile(): Promise<void> {
    try {
      const leaseMs = this.settings.intervalMs * 3;
      if (!(await this.leadership.holdOrAcquire(RECONCILIATION_LEASE, leaseMs))) {
        this.waiting.clear();
        this.held.clear();
        return;
      }
      const graph = this.graph.session();
      const now = new Map<string, Waiting>();
      const partlyRead = new Set<string>();
      for (const definition of await listTaskDefinitions(graph)) {
        let pages = 0;
        for await (const page of printTaskPages(graph, definition.id, this.settings.maxPages)) {
          pages += 1;
          const processing = page.filter((task) => task.status?.state === 'processing');
          await Promise.all(
            processing.map(async (task) => {
              const known = this.waiting.get(taskKey(task));
              const job = known?.job ?? (await jobOfTask(graph, task, this.announcer.ownership));
              if (job) now.set(taskKey(task), { task, job });
            }),
          );
        }
        if (pages >= this.settings.maxPages) partlyRead.add(definition.id);
      }
      for (const [key, { task, job }] of now) {
        if (!this.waiting.has(key)) await this.announcer.waiting(task, job);
      }
      for (const [key, { task, job }] of this.waiting) {
        if (!now.has(key) && !partlyRead.has(task.taskDefinitionId)) this.announcer.gone(job, task);
      }
      this.waiting = now;
      await this.reconcileHeld(graph);
    } catch (error) {
      this.logger.warn(
        {
          code: 'RECONCILIATION_FAILED',
          error: String(error),
        },
        'Reconciliation failed; will try again',
      );
    }
  }
}
