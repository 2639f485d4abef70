/**
 * Redirecting held jobs to a device: `redirectPrintJob` for one job, `releasePrintJobs` for
 * several in one call (named, or all of a person's waiting jobs). Thin: who may redirect what,
 * and the audit, are in src/domain/release/redirects.ts; finding a person's jobs in
 * src/domain/release/waiting-jobs.ts.
 */

import type { PrintJob } from '@universal-print-gateway/graph-client';
import { pageHeldJobs } from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import type { GatewayContext } from '../../context.js';
import { assertDestinationCanPrint } from '../../domain/printing/printer-devices.js';
import { waitingJobsOf } from '../../domain/release/all-waiting-jobs.js';
import type { ReleaseMethod } from '../../domain/release/jobs-waiting-at-device.js';
import {
  callsForRedirect,
  type RedirectRequest,
  redirectJob,
  redirectTarget,
} from '../../domain/release/redirects.js';
import { CALLS_FOR_SECURE_RELEASE, releaseSecurely } from '../../domain/release/secure-releases.js';
import { requiredOwner } from '../../domain/writes.js';
import {
  CallBudgetExceededError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ThrottledError,
  UpstreamUnavailableError,
} from '../../errors.js';
import { IDEMPOTENCY_ERRORS } from '../../idempotency/errors.js';
import { builder } from '../builder.js';
import { type BulkWriteContext, writeEach } from '../bulk-writes.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { PrintJobRef } from '../refs.js';
import { entraObjectId, graphId, MAX_BULK_ITEMS } from '../validation.js';
import { listWriteMutation, writeMutation } from '../write-mutation.js';
import { PrintJobConfigurationInput, toConfigurationPatch } from './print-job-configuration.js';
import { PrintReleaseMethodEnum } from './release-method.type.js';

const ON_BEHALF_OF =
  'The Entra object id of the person a release station acts for (e.g. who badged in). The ' +
  'job must be theirs, or the result is NotFoundError and nothing is sent. A person may name ' +
  'only themselves (ForbiddenError otherwise).';

const RedirectPrintJobInput = builder.inputType('RedirectPrintJobInput', {
  fields: (t) => ({
    printerId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
    destinationPrinterId: t.id({
      required: true,
      validate: graphId,
      description: 'The printer to print on, e.g. the device a person stands at.',
    }),
    configuration: t.field({ type: PrintJobConfigurationInput }),
    onBehalfOf: t.id({ validate: entraObjectId, description: ON_BEHALF_OF }),
  }),
});

const RedirectPrintJobSuccess = builder
  .objectRef<{ printJob: PrintJob }>('RedirectPrintJobSuccess')
  .implement({
    fields: (t) => ({
      printJob: t.field({
        type: PrintJobRef,
        description:
          'The NEW job Graph created on the destination printer, as Graph returned it: its ' +
          'printerId is the destination, redirectedFrom names the source job.',
        resolve: (result) => result.printJob,
      }),
    }),
  });

type RedirectArgs = typeof RedirectPrintJobInput.$inferInput;

const redirectRequest = (input: RedirectArgs): RedirectRequest => ({
  printerId: input.printerId,
  printJobId: input.printJobId,
  destinationPrinterId: input.destinationPrinterId,
  configuration: toConfigurationPatch(input.configuration),
  onBehalfOf: input.onBehalfOf,
});

const PrintJobRefInput = builder.inputType('PrintJobRefInput', {
  description: 'A job, by its printer and its id: Graph addresses a job under its printer.',
  fields: (t) => ({
    printerId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
  }),
});

const jobRefs = z
  .array(z.object({ printerId: z.string(), printJobId: z.string() }))
  .min(1, 'must hold at least one job (leave it out for all your waiting jobs)')
  .max(MAX_BULK_ITEMS, `must hold at most ${MAX_BULK_ITEMS} jobs`)
  .refine(
    (refs) => new Set(refs.map((ref) => `${ref.printerId}/${ref.printJobId}`)).size === refs.length,
    'must not name a job twice',
  )
  .nullish();

const ReleasePrintJobsInput = builder.inputType('ReleasePrintJobsInput', {
  fields: (t) => ({
    destinationPrinterId: t.id({
      required: true,
      validate: graphId,
      description: 'The device to print on.',
    }),
    configuration: t.field({
      type: PrintJobConfigurationInput,
      description:
        'Settings for every job released, checked against what the device can do before ' +
        'anything is sent (InvalidInputError naming each field and the allowed values).',
    }),
    printJobIds: t.field({
      type: [PrintJobRefInput],
      validate: jobRefs,
      description:
        `The jobs to release, at most ${MAX_BULK_ITEMS}. Left out, for a person: all their ` +
        `waiting jobs (the first ${MAX_BULK_ITEMS}). A release station must name them.`,
    }),
    onBehalfOf: t.id({ validate: entraObjectId, description: ON_BEHALF_OF }),
  }),
});

type ReleaseArgs = typeof ReleasePrintJobsInput.$inferInput;

/** One job of a release: which it was, how it was released, and how that ended. */
interface ReleasedJob {
  printerId: string;
  printJobId: string;
  releaseMethod: ReleaseMethod;
  outcome: { printJob: PrintJob } | Error;
}

/** A job to release and how: secure-release jobs are addressed at the device (printerId). */
type ReleaseRequest = RedirectRequest & { readonly releaseMethod: ReleaseMethod };

const ReleasedPrintJob = builder.objectRef<ReleasedJob>('ReleasedPrintJob').implement({
  description:
    'One job of releasePrintJobs: the job that waited, how it was released, and its own result.',
  fields: (t) => ({
    printerId: t.exposeID('printerId', {
      description: 'The printer the job waited on (a secure-release job: the device).',
    }),
    printJobId: t.exposeID('printJobId', { description: 'The job that waited (the source).' }),
    releaseMethod: t.field({
      type: PrintReleaseMethodEnum,
      description:
        "REDIRECT: redirected to the device with the app's token. SECURE_RELEASE: released " +
        "there with the person's own token.",
      resolve: (released) => released.releaseMethod,
    }),
    result: t.field({
      type: RedirectPrintJobSuccess,
      description:
        'REDIRECT: the new job on the device. SECURE_RELEASE: the same job, now at the device. A ' +
        "station's SECURE_RELEASE item is ForbiddenError: Graph releases those jobs only with " +
        "the person's own token, and nothing is sent.",
      errors: { types: [...GRAPH_WRITE_ERRORS], union: { name: 'ReleasedPrintJobResult' } },
      resolve: ({ outcome }) => {
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
    }),
  }),
});

/**
 * Releases each job by its method, all started in this tick so their calls share envelopes (the
 * app's redirects in the app's, the person's releases in the person's), and settles every one
 * before the field resolves (bulk-writes.ts); a failed item keeps its typed error.
 */
async function releaseEach(
  context: ReleaseContext,
  requests: readonly ReleaseRequest[],
  options: { ownerAlreadyChecked: boolean },
): Promise<ReleasedJob[]> {
  const secure = (request: ReleaseRequest) => request.releaseMethod === 'SECURE_RELEASE';
  const outcomes = await writeEach(
    context,
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

type ReleaseContext = BulkWriteContext & Pick<GatewayContext, 'personGraph'>;

/**
 * `printJobIds` left out: a person's own waiting jobs of both methods, found by reading them:
 * the redirect jobs on the gateway's queues (waiting-jobs.ts), then the jobs Graph holds for
 * secure release at the destination device, read with the person's token.
 */
async function waitingRequests(
  context: ReleaseContext,
  input: ReleaseArgs,
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
  const owner = requiredOwner(caller, input.onBehalfOf) ?? caller.objectId;
  const device = input.destinationPrinterId;
  const person = personSessionIfAny(context);
  // Both reads start in this tick; both settle before either failure is thrown, so no read is
  // left running past the request.
  const [redirectRead, heldRead] = await Promise.allSettled([
    waitingJobsOf(context.graph, owner, context.ownership),
    person === null
      ? { edges: [] }
      : pageHeldJobs(person, device, { start: null, first: MAX_BULK_ITEMS }),
  ]);
  if (redirectRead.status === 'rejected') throw redirectRead.reason;
  if (heldRead.status === 'rejected') throw heldRead.reason;
  const [redirect, held] = [redirectRead.value, heldRead.value];
  const of = (releaseMethod: ReleaseMethod) => (job: PrintJob) => ({
    printerId: job.printerId,
    printJobId: job.id,
    destinationPrinterId: device,
    configuration: toConfigurationPatch(input.configuration),
    onBehalfOf: input.onBehalfOf,
    releaseMethod,
  });
  return [
    ...redirect.map(of('REDIRECT')),
    ...held.edges.map((edge) => of('SECURE_RELEASE')(edge.node)),
  ].slice(0, MAX_BULK_ITEMS);
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
const namedRequests = (input: ReleaseArgs): ReleaseRequest[] =>
  (input.printJobIds ?? []).map((ref) => ({
    printerId: ref.printerId,
    printJobId: ref.printJobId,
    destinationPrinterId: input.destinationPrinterId,
    configuration: toConfigurationPatch(input.configuration),
    onBehalfOf: input.onBehalfOf,
    releaseMethod: ref.printerId === input.destinationPrinterId ? 'SECURE_RELEASE' : 'REDIRECT',
  }));

/** What a refused redirect names in the audit: the source job, where it was to go, for whom. */
const redirectAudited = (request: RedirectRequest) => ({
  target: redirectTarget(request),
  onBehalfOf: request.onBehalfOf,
});

writeMutation('redirectPrintJob', {
  description:
    'Moves a job waiting for release to another printer (Graph POST …/jobs/{id}/redirect), ' +
    'e.g. the device a person stands at: Graph creates a NEW job there and completes the ' +
    'source’s task. Only while the job has a PROCESSING task from a trigger of the gateway ' +
    'app (ConflictError otherwise). Never resent after an ambiguous failure: ' +
    'UpstreamUnavailableError with outcomeUnknown means read the job back before trying ' +
    "again. A person redirects only their own jobs: another's is NotFoundError, and nothing " +
    'is sent. A configuration the destination cannot do (colour on a monochrome device) is ' +
    'InvalidInputError naming each field and the values allowed, and nothing is sent.',
  input: RedirectPrintJobInput,
  result: RedirectPrintJobSuccess,
  audit: {
    operation: 'redirectPrintJob',
    target: (input) => redirectAudited(redirectRequest(input)),
  },
  write: async (context, input) => {
    const request = redirectRequest(input);
    await assertDestinationCanPrint(context, request.destinationPrinterId, request.configuration);
    return { printJob: await redirectJob(context, request) };
  },
});

listWriteMutation('releasePrintJobs', {
  description:
    'Releases jobs at a device in one call, each by its releaseMethod: REDIRECT jobs are ' +
    "redirected there with the app's token (as redirectPrintJob), SECURE_RELEASE jobs (named " +
    'with printerId = the device, as myPrintJobs lists them) are released there with the ' +
    "person's own token; Graph $batch, one result per job. Named jobs come back in input " +
    "order; without printJobIds a person's waiting jobs of both kinds are found and released, " +
    'redirect jobs first. One id is the single-job form of a secure release. Invalid input ' +
    'rejects the whole call before anything is sent, and so does a configuration the device ' +
    'cannot do, and a request budget of Graph calls that cannot cover the releases and their ' +
    'ownership reads.',
  input: ReleasePrintJobsInput,
  result: ReleasedPrintJob,
  errors: [
    InvalidInputError,
    CallBudgetExceededError,
    ForbiddenError,
    // Finding a person's waiting jobs reads Graph, and those reads can fail.
    NotFoundError,
    PermissionDeniedError,
    ThrottledError,
    // The caller's Graph-call bucket may refuse those reads, unsent (src/rate-limit/).
    RateLimitedError,
    UpstreamUnavailableError,
    ...IDEMPOTENCY_ERRORS,
  ],
  audit: {
    operation: 'redirectPrintJob',
    targets: (input) => namedRequests(input).map(redirectAudited),
  },
  // Without printJobIds the repeat of a release that went through finds no job waiting: the
  // key is what gives it the first answer back.
  write: async (context, input) => {
    const configuration = toConfigurationPatch(input.configuration);
    await assertDestinationCanPrint(context, input.destinationPrinterId, configuration);
    if (input.printJobIds != null) {
      return releaseEach(context, namedRequests(input), { ownerAlreadyChecked: false });
    }
    const requests = await waitingRequests(context, input);
    return releaseEach(context, requests, { ownerAlreadyChecked: true });
  },
  itemOutcome: (released) => released.outcome,
});
