/**
 * Redirecting held jobs to a device: `redirectPrintJob` for one job, `releasePrintJobs` for
 * several in one call (named, or all of a person's waiting jobs). Thin: the fields and their
 * input; which jobs a release means and how each is released are decided in
 * src/domain/release/release-at-device.ts, who may redirect what, and the audit, in
 * src/domain/release/redirects.ts.
 */

import type { PrintJob } from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import { type RedirectRequest, redirectTarget } from '../../domain/release/redirects.js';
import {
  namedRequests,
  type ReleaseAtDevice,
  type ReleasedJob,
  redirectToDevice,
  releaseAtDevice,
} from '../../domain/release/release-at-device.js';
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
import { writeEach } from '../bulk-writes.js';
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

/** The domain's release at a device, from the field's input. */
const releaseAtDeviceOf = (input: ReleaseArgs): ReleaseAtDevice => ({
  destinationPrinterId: input.destinationPrinterId,
  configuration: toConfigurationPatch(input.configuration),
  printJobIds: input.printJobIds,
  onBehalfOf: input.onBehalfOf,
});

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
    return { printJob: await redirectToDevice(context, redirectRequest(input)) };
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
    targets: (input) => namedRequests(releaseAtDeviceOf(input)).map(redirectAudited),
  },
  // Without printJobIds the repeat of a release that went through finds no job waiting: the
  // key is what gives it the first answer back.
  write: (context, input) =>
    releaseAtDevice(context, releaseAtDeviceOf(input), {
      writeEach: (requests, callsFor, releaseOne) =>
        writeEach(context, requests, callsFor, releaseOne),
      maxJobs: MAX_BULK_ITEMS,
    }),
  itemOutcome: (released) => released.outcome,
});
