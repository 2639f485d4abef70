/**
 * What a person gets for a job or task that is not theirs: exactly what they get for one that
 * does not exist. Both come from here, so typename, code and message match, and `requestId` is
 * null in both (a Graph request id would tell the two apart).
 */
import { NotFoundError } from '../errors.js';

export const hiddenJob = (printerId: string, printJobId: string): NotFoundError =>
  new NotFoundError(`No print job ${printJobId} of yours on printer ${printerId}`, null);

export const hiddenTask = (taskDefinitionId: string, taskId: string): NotFoundError =>
  new NotFoundError(
    `No print task ${taskId} of yours in task definition ${taskDefinitionId}`,
    null,
  );
