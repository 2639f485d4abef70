/**
 * Releasing a job Universal Print holds for secure release, at the device a person stands at
 * (Graph's `POST /print/printers/{device}/jobs/release`), decided and audited like the other
 * writes (writes.ts).
 *
 * Graph supports `release` with delegated permissions only, so the call always carries the
 * person's own token (their on-behalf-of session, paid from the request's budget or the list's
 * reservation). A station, whatever it holds, cannot release such a job for anyone: the item is
 * `ForbiddenError` naming why, and nothing is sent. Graph itself releases only the signed-in
 * person's own job, so no ownership read precedes the call.
 */

import {
  type GraphSession,
  type PrintJob,
  releaseHeldJob,
} from '@universal-print-gateway/graph-client';
import { ForbiddenError, InvalidInputError } from '../../errors.js';
import { announceEnded, audited, requiredOwner, type WriteContext } from '../writes.js';

export interface SecureReleaseRequest {
  /** The device: where Graph's releaseWait listed the job, and where it prints. */
  readonly deviceId: string;
  readonly printJobId: string;
  readonly onBehalfOf?: string | null | undefined;
  /** Asked of the list as a whole; Graph's `release` has no way to carry it. */
  readonly configuration?: object | undefined;
}

export interface SecureReleaseContext extends WriteContext {
  /** The calling person's session over `over` (a reservation); ForbiddenError for anyone else. */
  readonly personGraph: (over?: GraphSession) => GraphSession;
}

/** Graph calls a secure release costs: the release alone. */
export const CALLS_FOR_SECURE_RELEASE = 1;

export const RELEASE_TAKES_NO_CONFIGURATION =
  "Microsoft Graph's release of a secure-release job takes no configuration: the job prints as " +
  'it was sent. Release it without one, or redirect a job of the other method';

export const STATION_CANNOT_RELEASE =
  "A secure-release job is released with the person's own token: Microsoft Graph offers no " +
  'application permission for release, so only the person, signed in, can release it';

/** Resolves with the job, now printing at the device. */
export function releaseSecurely(
  context: SecureReleaseContext,
  request: SecureReleaseRequest,
): Promise<PrintJob> {
  const { deviceId, printJobId, onBehalfOf } = request;
  return audited(
    context,
    {
      operation: 'releasePrintJob',
      onBehalfOf,
      target: { printerId: deviceId, printJobId },
      success: 'RedirectPrintJobSuccess',
    },
    async () => {
      if (context.caller.kind !== 'person') throw new ForbiddenError(STATION_CANNOT_RELEASE);
      // Sending it anyway would print the job other than asked, and say nothing.
      if (request.configuration !== undefined) {
        throw new InvalidInputError([
          { path: ['input', 'configuration'], message: RELEASE_TAKES_NO_CONFIGURATION },
        ]);
      }
      // A person naming someone else in onBehalfOf is refused here.
      requiredOwner(context.caller, onBehalfOf);
    },
    async () => {
      const person = context.personGraph(context.graph);
      const { printJob, requestId } = await releaseHeldJob(person, deviceId, printJobId);
      announceEnded(
        context,
        { kind: 'RELEASED', printerId: deviceId, printJobId, redirectedTo: null },
        onBehalfOf,
      );
      return { result: printJob, requestId };
    },
  );
}
