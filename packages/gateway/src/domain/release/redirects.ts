/**
 * Redirecting a held job to another printer (a person releasing it at a device), decided and
 * audited like the other writes (writes.ts): a person redirects only their own job, a station any
 * job or, with `onBehalfOf`, that person's; the ownership read goes through the batcher, and a
 * refused redirect sends nothing. The audit line's target names the destination printer, and on
 * success the new job Graph created there.
 */

import {
  type PrintJob,
  type RedirectTarget,
  redirectPrintJob,
} from '@universal-print-gateway/graph-client';
import type { Caller } from '../../auth/caller.js';
import {
  announceEnded,
  audited,
  checksOwner,
  jobOwnedBy,
  requiredOwner,
  type WriteContext,
} from '../writes.js';

export interface RedirectRequest extends RedirectTarget {
  readonly printerId: string;
  readonly printJobId: string;
  readonly onBehalfOf?: string | null | undefined;
}

/**
 * Whose ownership has already been established for this request, so the job read is not
 * repeated: `releasePrintJobs` without ids found the person's jobs by reading them.
 */
export interface RedirectOptions {
  readonly ownerAlreadyChecked?: boolean;
}

/** Graph calls a redirect can cost: the job read when ownership is checked, then the redirect. */
export const callsForRedirect = (
  caller: Caller,
  request: Pick<RedirectRequest, 'onBehalfOf'>,
  options: RedirectOptions = {},
): number => (!options.ownerAlreadyChecked && checksOwner(caller, request.onBehalfOf) ? 2 : 1);

/** What the audit line and a refusal name: the source job and where it was to go. */
export const redirectTarget = (request: RedirectRequest): Record<string, string> => ({
  printerId: request.printerId,
  printJobId: request.printJobId,
  destinationPrinterId: request.destinationPrinterId,
});

/** Resolves with the new job on the destination printer. */
export function redirectJob(
  context: WriteContext,
  request: RedirectRequest,
  options: RedirectOptions = {},
): Promise<PrintJob> {
  const { printerId, printJobId, onBehalfOf } = request;
  return audited(
    context,
    {
      operation: 'redirectPrintJob',
      onBehalfOf,
      target: redirectTarget(request),
      success: 'RedirectPrintJobSuccess',
      successTarget: (job) => ({ redirectedPrintJobId: job.id }),
    },
    async () => {
      const owner = requiredOwner(context.caller, onBehalfOf);
      if (owner !== null && !options.ownerAlreadyChecked) {
        await jobOwnedBy(context, printerId, printJobId, owner);
      }
    },
    async () => {
      const { printJob, requestId } = await redirectPrintJob(
        context.graph,
        printerId,
        printJobId,
        request,
      );
      announceEnded(
        context,
        { kind: 'REDIRECTED', printerId, printJobId, redirectedTo: printJob },
        onBehalfOf,
      );
      return { result: printJob, requestId };
    },
  );
}
