/**
 * What a person gets for a job or task that is not theirs: exactly what they get for one that
 * does not exist. Both come from here, so typename, code and message match (the message names
 * no id, so it cannot differ by one), and `requestId` is null in both: Graph's request id would
 * tell the two apart.
 */

import { type GraphSession, readTaskDefinitionAs } from '@universal-print-gateway/graph-client';
import { NotFoundError } from '../errors.js';

export const HIDDEN_JOB_MESSAGE = 'No print job of yours has this id on this printer';
export const HIDDEN_TASK_MESSAGE = 'No print task of yours has this id in this task definition';

export const hiddenJob = (): NotFoundError => new NotFoundError(HIDDEN_JOB_MESSAGE, null);

export const hiddenTask = (): NotFoundError => new NotFoundError(HIDDEN_TASK_MESSAGE, null);

/** Rethrows Graph's "not found" as the person's "not found", which carries no request id. */
export function hideNotFound(hidden: () => NotFoundError): (error: unknown) => never {
  return (error) => {
    throw error instanceof NotFoundError ? hidden() : error;
  };
}

/**
 * For a person's read of a task by id that Graph says does not exist. A task that exists costs
 * two reads one after the other (the task, then its job, to see whose it is), so a missing one
 * costs two as well: after the task's 404, one more read in place of the job's, or the Graph
 * calls (`CallBudgetExceededError.remainingCalls`), the round trips and the time would tell a
 * person which of another's task ids exist. That read is the task's definition, keyed to this
 * task: two lookups of one task in a request send it once, as they read one job once, and no
 * other field's read can stand in for it. Its answer is not used; a failure other than "not
 * found" fails the lookup, as one of the job read would.
 */
export function hideMissingTask(
  graph: GraphSession,
  taskDefinitionId: string,
  taskId: string,
): (error: unknown) => Promise<never> {
  return async (error) => {
    if (!(error instanceof NotFoundError)) throw error;
    const key = `in place of the job of task ${taskId.length}:${taskId} in ${taskDefinitionId}`;
    try {
      await readTaskDefinitionAs(graph, taskDefinitionId, key);
    } catch (failure) {
      if (!(failure instanceof NotFoundError)) throw failure;
    }
    throw hiddenTask();
  };
}
