/**
 * Releasing held jobs at a device, under both of Universal Print's models: which jobs a release
 * means (named, or all of a person's waiting jobs), which model each goes by, and releasing each
 * its model's way (redirects.ts with the app's token, secure-releases.ts with the person's own).
 *
 * How a list of writes is sent (one budget for the list, every item started in one tick so their
 * calls share `$batch` envelopes, each settled into its own result) belongs to the GraphQL layer's
 * bulk writes; it comes in as `WriteEach`, so this module needs nothing above the domain.
 */

import {
  type PrintJob,
  type PrintJobConfigurationPatch,
  pageHeldJobs,
} from '@universal-print-gateway/graph-client';
import { InvalidInputError } from '../../errors.js';
import { assertDestinationCanPrint, type DeviceContext } from '../printing/printer-devices.js';
import { requiredOwner, type WriteContext } from '../writes.js';
import { waitingJobsOf } from './all-waiting-jobs.js';
import type { ReleaseMethod } from './jobs-waiting-at-device.js';
import { callsForRedirect, type RedirectRequest, redirectJob } from './redirects.js';
import {
  CALLS_FOR_SECURE_RELEASE,
  releaseSecurely,
  type SecureReleaseContext,
} from './secure-releases.js';

/** A job, by its printer and its id: Graph addresses a job under its printer. */
export interface JobRef {
  readonly printerId: string;
  readonly printJobId: string;
}

/** A release at a device: the jobs named, or none for all of a person's waiting jobs. */
export interface ReleaseAtDevice {
  readonly destinationPrinterId: string;
  /** Graph's printJobConfiguration, only the fields asked for; for every job released. */
  readonly configuration: PrintJobConfigurationPatch | undefined;
  readonly printJobIds?: readonly JobRef[] | null | undefined;
  readonly onBehalfOf?: string | null | undefined;
}

/** A job to release and how: secure-release jobs are addressed at the device (printerId). */
export interface ReleaseRequest extends RedirectRequest {
  readonly releaseMethod: ReleaseMethod;
}

/** One job of a release: which it was, how it was released, and how that ended. */
export interface ReleasedJob extends JobRef {
  readonly releaseMethod: ReleaseMethod;
  readonly outcome: { printJob: PrintJob } | Error;
}

/** What releasing reads and writes with: a write's context, the person's own, the printers. */
export type ReleaseContext = SecureReleaseContext & DeviceContext;

/**
 * Sends a list of writes: reserves `callsFor` of every item for the whole list first, starts
 * every `writeOne` in this tick, and settles each into its value or its typed error.
 */
export type WriteEach = <Input, T>(
  inputs: readonly Input[],
  callsFor: (input: Input) => number,
  writeOne: (prepaid: WriteContext, input: Input) => Promise<T>,
) => Promise<(T | Error)[]>;

/** How a release at a device is carried out: the list writer, and how many jobs one may hold. */
export interface ReleaseSettings {
  readonly writeEach: WriteEach;
  /** At most this many of a person's waiting jobs are released in one call. */
  readonly maxJobs: number;
}

/**
 * Releases jobs at a device, each by its model: a configuration the device cannot do refuses the
 * whole release before anything is sent; named jobs come back in their order, a person's waiting
 * jobs redirect jobs first.
 */
export async function releaseAtDevice(
  context: ReleaseContext,
  release: ReleaseAtDevice,
  settings: ReleaseSettings,
): Promise<ReleasedJob[]> {
  await assertDestinationCanPrint(context, release.destinationPrinterId, release.configuration);
  if (release.printJobIds != null) {
    return releaseEach(context, namedRequests(release), settings, { ownerAlreadyChecked: false });
  }
  const requests = await waitingRequests(context, release, settings.maxJobs);
  return releaseEach(context, requests, settings, { ownerAlreadyChecked: true });
}

/** Redirects one job to a device, once the device is known to do the configuration asked. */
export async function redirectToDevice(
  context: WriteContext & DeviceContext,
  request: RedirectRequest,
): Promise<PrintJob> {
  await assertDestinationCanPrint(context, request.destinationPrinterId, request.configuration);
  return redirectJob(context, request);
}

/**
 * Releases each job by its method, all started in this tick so their calls share envelopes (the
 * app's redirects in the app's, the person's releases in the person's), and settles every one
 * before the field resolves; a failed item keeps its typed error.
 */
async function releaseEach(
  context: ReleaseContext,
  requests: readonly ReleaseRequest[],
  settings: ReleaseSettings,
  options: { ownerAlreadyChecked: boolean },
): Promise<ReleasedJob[]> {
  const secure = (request: ReleaseRequest) => request.releaseMethod === 'SECURE_RELEASE';
  const outcomes = await settings.writeEach(
    requests,
    (request) =>
      secure(request)
        ? // A station's item is refused before sending, and costs nothing.
          context.caller.kind === 'person'
          ? CALLS_FOR_SECURE_RELEASE
          : 0
        : callsForRedirect(context.caller, request, options),
    async (prepaid, request) => ({
      printJob: secure(request)
        ? await releaseSecurely(
            { ...prepaid, personGraph: context.personGraph },
            {
              deviceId: request.printerId,
              printJobId: request.printJobId,
              onBehalfOf: request.onBehalfOf,
              configuration: request.configuration,
            },
          )
        : await redirectJob(prepaid, request, options),
    }),
  );
  return requests.map((request, index) => ({
    printerId: request.printerId,
    printJobId: request.printJobId,
    releaseMethod: request.releaseMethod,
    outcome: outcomes[index] as ReleasedJob['outcome'],
  }));
}

/**
 * No jobs named: a person's own waiting jobs of both methods, found by reading them: the
 * redirect jobs on the gateway's queues (all-waiting-jobs.ts), then the jobs Graph holds for
 * secure release at the destination device, read with the person's token.
 */
async function waitingRequests(
  context: ReleaseContext,
  release: ReleaseAtDevice,
  maxJobs: number,
): Promise<ReleaseRequest[]> {
  const { caller } = context;
  if (caller.kind !== 'person') {
    throw new InvalidInputError([
      {
        path: ['input', 'printJobIds'],
        message: 'a release station must name the jobs it releases',
      },
    ]);
  }
  // A person naming someone else in onBehalfOf is refused here, before any Graph call.
  const owner = requiredOwner(caller, release.onBehalfOf) ?? caller.objectId;
  const device = release.destinationPrinterId;
  const person = personSessionIfAny(context);
  // Both reads start in this tick; both settle before either failure is thrown, so no read is
  // left running past the request.
  const [redirectRead, heldRead] = await Promise.allSettled([
    waitingJobsOf(context.graph, owner, context.ownership),
    person === null ? { edges: [] } : pageHeldJobs(person, device, { start: null, first: maxJobs }),
  ]);
  if (redirectRead.status === 'rejected') throw redirectRead.reason;
  if (heldRead.status === 'rejected') throw heldRead.reason;
  const [redirect, held] = [redirectRead.value, heldRead.value];
  const of =
    (releaseMethod: ReleaseMethod) =>
    (job: PrintJob): ReleaseRequest =>
      requestFor(release, { printerId: job.printerId, printJobId: job.id }, releaseMethod);
  return [
    ...redirect.map(of('REDIRECT')),
    ...held.edges.map((edge) => of('SECURE_RELEASE')(edge.node)),
  ].slice(0, maxJobs);
}

/**
 * The person's own session, or null where the gateway cannot act as them (no credential for the
 * on-behalf-of exchange): their held jobs then cannot be read or released, and the redirect jobs
 * still are, as before secure release existed.
 */
function personSessionIfAny(context: ReleaseContext) {
  if (!context.graph.actsForPeople) return null;
  return context.personGraph();
}

/**
 * Named jobs: a job addressed at the destination device itself is one Graph holds for secure
 * release there (myPrintJobs addresses them so, and a redirect to the printer a job is already
 * on is no redirect); any other is redirected.
 */
export const namedRequests = (release: ReleaseAtDevice): ReleaseRequest[] =>
  (release.printJobIds ?? []).map((ref) =>
    requestFor(
      release,
      ref,
      ref.printerId === release.destinationPrinterId ? 'SECURE_RELEASE' : 'REDIRECT',
    ),
  );

const requestFor = (
  release: ReleaseAtDevice,
  job: JobRef,
  releaseMethod: ReleaseMethod,
): ReleaseRequest => ({
  printerId: job.printerId,
  printJobId: job.printJobId,
  destinationPrinterId: release.destinationPrinterId,
  configuration: release.configuration,
  onBehalfOf: release.onBehalfOf,
  releaseMethod,
});
