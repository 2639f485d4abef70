/**
 * What Graph has said about whose a job is, kept so that a write need not ask again.
 *
 * Two facts never change once Graph has stated them: the person who submitted a job
 * (`createdBy.id`) and the job a task belongs to (`parentUrl`). A person's release at a device
 * usually follows the release screen, which read both; remembering them turns the ownership
 * check of `updatePrintTask` (read the task, then its job: two round trips to Graph before the
 * PATCH) and of `abortPrintJob` / `redirectPrintJob` (read the job) into no call at all.
 *
 * Only facts are kept, never states: whether the job still waits, or exists, is Graph's to say
 * when the write is sent. Only a match spares the read: a job remembered as someone else's is
 * read again (writes.ts says why). Entries expire (a job id is a printer's counter, and a printer's history could in
 * principle be reset) and the memory is bounded, oldest first; it belongs to one process.
 */

import {
  type PrintJob,
  type PrintTask,
  parsePrintJobUrl,
} from '@universal-print-gateway/graph-client';
import { ExpiringLru } from '../expiring-lru.js';

export interface JobRef {
  readonly printerId: string;
  readonly printJobId: string;
}

export interface OwnershipMemoryOptions {
  /** Facts of each kind (job owners, task parents) kept at most. 0 keeps none. */
  maxEntries: number;
  /** How long a fact is used after Graph stated it. */
  ttlMs: number;
}

/**
 * @default 10,000 of each kind, for 10 minutes: about 8 MiB when full (measured on Node 20 with
 * Graph-shaped jobs, GUID ids and creators: ~390 bytes a fact, the keys and ids being copies).
 */
export const DEFAULT_OWNERSHIP_MEMORY: OwnershipMemoryOptions = {
  maxEntries: 10_000,
  ttlMs: 600_000,
};

/** Ids come from Graph and may hold any character: the length prefix keeps pairs apart. */
const pairKey = (a: string, b: string): string => `${a.length}:${a}/${b}`;

export class OwnershipMemory {
  /** Job → `createdBy.id`. */
  private readonly owners: ExpiringLru<string>;
  /** Task (by its definition) → its job. */
  private readonly parents: ExpiringLru<JobRef>;
  private readonly ttlMs: number;

  constructor(
    options: OwnershipMemoryOptions = DEFAULT_OWNERSHIP_MEMORY,
    private readonly now: () => number = Date.now,
  ) {
    this.owners = new ExpiringLru(options.maxEntries);
    this.parents = new ExpiringLru(options.maxEntries);
    this.ttlMs = options.ttlMs;
  }

  /** A job as Graph returned it, with the tasks it came with. */
  learnJob(job: PrintJob): void {
    // An answer without ids (Graph's or a fault's) states nothing.
    if (typeof job.id !== 'string' || typeof job.printerId !== 'string') return;
    const now = this.now();
    const creator = job.createdBy?.id;
    // A job that names no creator is left to be read again rather than remembered as nobody's.
    if (typeof creator === 'string')
      this.owners.set(pairKey(job.printerId, job.id), creator, this.ttlMs, now);
    for (const task of job.tasks ?? []) this.learnTaskAt(task, now);
  }

  /** A task as Graph returned it. */
  learnTask(task: PrintTask): void {
    this.learnTaskAt(task, this.now());
  }

  /** Whose the job is (its creator's object id), or undefined when Graph has not said lately. */
  ownerOf(job: JobRef): string | undefined {
    return this.owners.get(pairKey(job.printerId, job.printJobId), this.now());
  }

  /** The job a task belongs to, or undefined when Graph has not said lately. */
  jobOf(taskDefinitionId: string, taskId: string): JobRef | undefined {
    return this.parents.get(pairKey(taskDefinitionId, taskId), this.now());
  }

  /** Facts held, of each kind: for tests and the bound. */
  get size(): { owners: number; parents: number } {
    return { owners: this.owners.size, parents: this.parents.size };
  }

  private learnTaskAt(task: PrintTask, now: number): void {
    if (typeof task.id !== 'string' || typeof task.taskDefinitionId !== 'string') return;
    const parent = parsePrintJobUrl(task.parentUrl);
    if (parent) this.parents.set(pairKey(task.taskDefinitionId, task.id), parent, this.ttlMs, now);
  }
}
