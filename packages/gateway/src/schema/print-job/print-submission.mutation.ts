/**
 * Printing from an app: `createPrintJob`, `startPrintJob`, `cancelPrintJob`, each through the
 * write frame (audited, idempotent, budgeted, rate-limited) and sent as the signed-in person.
 * The document's bytes never pass through the gateway: the client PUTs them to `uploadUrl`.
 */
import type { PrintJobStatus } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { GatewayContext } from '../../context.js';
import {
  type CancelPrintJobRequest,
  type CreatedPrintJob,
  cancelOwnPrintJob,
  createPrintJob,
  type StartedPrintJob,
  startPrintJob,
} from '../../domain/printing/print-submission.js';
import { MAX_DOCUMENT_BYTES } from '../../domain/printing/upload-terms.js';
import { readPrintJob } from '../../domain/reads.js';
import { UploadIncompleteError } from '../../errors.js';
import { builder } from '../builder.js';
import { DELEGATED_ERRORS } from '../errors/error-types.js';
import { PRINT_ACCESS } from '../field-permissions.js';
import { IDEMPOTENCY_KEY } from '../idempotency-key.js';
import { PrintJobRef } from '../refs.js';
import { boundedText, graphId, idempotencyKey } from '../validation.js';
import { writeMutation } from '../write-mutation.js';
import { PrintJobConfigurationInput, toConfigurationPatch } from './print-job-configuration.js';

export const MAX_DOCUMENT_NAME_LENGTH = 255;
export const MAX_CONTENT_TYPE_LENGTH = 127;

const documentName = boundedText(MAX_DOCUMENT_NAME_LENGTH).pipe(
  z.string().min(1, 'must not be empty'),
);

const PrintDocumentInput = builder.inputType('PrintDocumentInput', {
  description: 'The document to print: described here, its bytes sent to the upload URL.',
  fields: (t) => ({
    name: t.string({ required: true, validate: documentName }),
    contentType: t.string({
      required: true,
      description: "A MIME type the share's capabilities list, e.g. application/pdf.",
      validate: z
        .string()
        .max(MAX_CONTENT_TYPE_LENGTH, `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters`)
        .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as application/pdf'),
    }),
    size: t.float({
      required: true,
      description: `In bytes: at least 1, at most ${MAX_DOCUMENT_BYTES} (1 GiB, Graph's limit).`,
      validate: z
        .number()
        .int('must be a whole number of bytes')
        .min(1, 'must be at least 1 byte')
        .max(MAX_DOCUMENT_BYTES, `must be at most ${MAX_DOCUMENT_BYTES} bytes (1 GiB)`),
    }),
  }),
});

const CreatePrintJobInput = builder.inputType('CreatePrintJobInput', {
  fields: (t) => ({
    printerShareId: t.id({ required: true, validate: graphId }),
    displayName: t.string({ required: true, validate: documentName }),
    document: t.field({ type: PrintDocumentInput, required: true }),
    configuration: t.field({ type: PrintJobConfigurationInput }),
    idempotencyKey: t.string({ validate: idempotencyKey, description: IDEMPOTENCY_KEY }),
  }),
});

const DocumentUploadRef = builder
  .objectRef<CreatedPrintJob['upload']>('PrintDocumentUpload')
  .implement({
    description:
      "Where and how to send the document's bytes: PUT them to uploadUrl (no Authorization " +
      'header: the URL carries its own credential) with Content-Range, then startPrintJob.',
    fields: (t) => ({
      uploadUrl: t.exposeString('uploadUrl'),
      expiresAt: t.field({ type: 'DateTime', resolve: (upload) => upload.expiresAt }),
      nextExpectedRanges: t.exposeStringList('nextExpectedRanges'),
      maxBytesPerRequest: t.exposeInt('maxBytesPerRequest', {
        description: 'Each PUT carries at most this many bytes (Graph: under 10 MB).',
      }),
      recommendedChunkBytes: t.exposeInt('recommendedChunkBytes', {
        description: 'A chunk size Graph recommends (a multiple of 200 KiB and 320 KiB).',
      }),
      maxParallelRequests: t.exposeInt('maxParallelRequests', {
        description: 'PUTs that may be in flight at once; ranges may go in any order.',
      }),
    }),
  });

const CreatePrintJobSuccess = builder
  .objectRef<CreatedPrintJob>('CreatePrintJobSuccess')
  .implement({
    fields: (t) => ({
      printJob: t.field({ type: PrintJobRef, resolve: (created) => created.printJob }),
      upload: t.field({ type: DocumentUploadRef, resolve: (created) => created.upload }),
    }),
  });

writeMutation('createPrintJob', {
  description:
    'Creates a print job with one document on a printer share, as the signed-in person ' +
    '(Print.Submit), and opens its upload session. The document and configuration are checked ' +
    "against the share's capabilities first: a mismatch is InvalidInputError naming the field " +
    'and the allowed values, and nothing is created. With idempotencyKey, a retry answers the ' +
    'same job and upload session.',
  input: CreatePrintJobInput,
  result: CreatePrintJobSuccess,
  access: PRINT_ACCESS,
  errors: DELEGATED_ERRORS,
  idempotencyKeyIn: 'input',
  audit: {
    operation: 'createPrintJob',
    target: (input) => ({ target: { printerShareId: input.printerShareId } }),
  },
  write: (context, input) =>
    createPrintJob(context, {
      printerShareId: input.printerShareId,
      displayName: input.displayName,
      document: input.document,
      configuration: toConfigurationPatch(input.configuration),
    }),
});

const StartPrintJobInput = builder.inputType('StartPrintJobInput', {
  fields: (t) => ({
    printerShareId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
    idempotencyKey: t.string({ validate: idempotencyKey, description: IDEMPOTENCY_KEY }),
  }),
});

const PrintJobStatusRef = builder.objectRef<PrintJobStatus>('StartedPrintJobStatus').implement({
  description: "The job's status as Graph answered the start.",
  fields: (t) => ({
    state: t.string({ nullable: true, resolve: (status) => status.state ?? null }),
    description: t.string({ nullable: true, resolve: (status) => status.description ?? null }),
    details: t.stringList({ resolve: (status) => (status.details ?? []).map(String) }),
  }),
});

/** The job as it stands after the write, read back through the batcher (a person: their own). */
const jobReadBack = {
  type: PrintJobRef,
  nullable: true,
  description: 'The job as it stands after this, read back through the batcher.',
  resolve: (job: CancelPrintJobRequest, _args: object, context: GatewayContext) =>
    readPrintJob(context, job.printerId, job.printJobId),
} as const;

const StartPrintJobSuccess = builder.objectRef<StartedPrintJob>('StartPrintJobSuccess').implement({
  fields: (t) => ({
    status: t.field({ type: PrintJobStatusRef, resolve: (started) => started.status }),
    printJob: t.field({
      ...jobReadBack,
      resolve: (started, _args, context) =>
        readPrintJob(context, started.printerId, started.printJobId),
    }),
  }),
});

writeMutation('startPrintJob', {
  description:
    'Starts a job once its document is uploaded, as the signed-in person (Print.Submit). An ' +
    'incomplete upload is UploadIncompleteError with the ranges Graph still expects.',
  input: StartPrintJobInput,
  result: StartPrintJobSuccess,
  access: PRINT_ACCESS,
  errors: [...DELEGATED_ERRORS, UploadIncompleteError],
  idempotencyKeyIn: 'input',
  audit: {
    operation: 'startPrintJob',
    target: (input) => ({
      target: { printerShareId: input.printerShareId, printJobId: input.printJobId },
    }),
  },
  write: (context, input) =>
    startPrintJob(context, { printerShareId: input.printerShareId, printJobId: input.printJobId }),
});

const CancelPrintJobInput = builder.inputType('CancelPrintJobInput', {
  fields: (t) => ({
    printerId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
  }),
});

const CancelPrintJobSuccess = builder
  .objectRef<CancelPrintJobRequest>('CancelPrintJobSuccess')
  .implement({
    fields: (t) => ({
      printJob: t.field(jobReadBack),
    }),
  });

writeMutation('cancelPrintJob', {
  description:
    "Cancels one of the signed-in person's own print jobs (Print.Submit; Graph's delegated " +
    "cancel). Another person's job is NotFoundError, and nothing is sent.",
  input: CancelPrintJobInput,
  result: CancelPrintJobSuccess,
  access: PRINT_ACCESS,
  errors: DELEGATED_ERRORS,
  audit: {
    operation: 'cancelPrintJob',
    target: (input) => ({ target: { printerId: input.printerId, printJobId: input.printJobId } }),
  },
  write: cancelOwnPrintJob,
});
