/**
 * "All my waiting jobs", for `releasePrintJobs` without ids: the jobs held by a `PROCESSING` task
 * of the gateway app's task definitions whose `createdBy.id` is the person's.
 *
 * Found through the task definitions (Graph lists only the calling app's), their tasks (every
 * page, following `@odata.nextLink`, up to MAX_TASK_PAGES per definition) and each processing
 * task's job, read through the batcher: the jobs of one page are asked for in the same tick as
 * the next page, so they share its `$batch` envelope. Reads only; they are paid from the
 * request's call budget as they go.
 *
 * `myPrintJobs` pages the same set with cursors (waiting-jobs.ts); this reads it whole, for a
 * release of everything at once, and overlaps the job reads with the next page. Making the two
 * one walk is a known follow-up.
 */

import {
  type GraphSession,
  listTaskDefinitions,
  type PrintJob,
  type PrintTask,
  printTaskPages,
} from '@universal-print-gateway/graph-client';
import type { OwnershipMemory } from '../ownership-memory.js';
import { jobOfTask } from '../reads.js';
import { isOwnedBy } from '../visibility.js';

/** Pages of tasks read per task definition; a backlog beyond this waits for the next call. */
export const MAX_TASK_PAGES = 20;

const isWaiting = (task: PrintTask): boolean => task.status?.state === 'processing';

/** The person's waiting jobs, in task order, each once. */
export async function waitingJobsOf(
  graph: GraphSession,
  objectId: string,
  ownership?: OwnershipMemory,
): Promise<PrintJob[]> {
  const definitions = await listTaskDefinitions(graph);
  const perDefinition = await Promise.all(
    definitions.map(async (definition) => {
      const reads: Promise<PrintJob | null>[] = [];
      for await (const page of printTaskPages(graph, definition.id, MAX_TASK_PAGES)) {
        for (const task of page.filter(isWaiting)) {
          // Started, not awaited: they go out with the request for the next page. Handled at
          // once so that one failing before the last page is not an unhandled rejection;
          // Promise.all below still rejects with it.
          const read = jobOfTask(graph, task, ownership);
          read.catch(() => undefined);
          reads.push(read);
        }
      }
      return Promise.all(reads);
    }),
  );
  const seen = new Set<string>();
  return perDefinition.flat().filter((job): job is PrintJob => {
    if (job === null || !isOwnedBy(job, objectId)) return false;
    const key = `${job.printerId}/${job.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
