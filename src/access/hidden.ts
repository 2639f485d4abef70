/**
 * What a person gets for a job or task that is not theirs: exactly what they get for one that
 * does not exist. Both come from here, so typename, code and message match (the message names
 * no id, so it cannot differ by one), and `requestId` is null in both: Graph's request id would
 * tell the two apart.
 */
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
