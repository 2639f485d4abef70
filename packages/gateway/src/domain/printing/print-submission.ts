/**
 * Printing a document as a person: create the job on a printer share with its one document and
 * open the document's upload session (`createPrintJob`), start it once the client has sent the
 * bytes straight to the upload URL (`startPrintJob`), or cancel it (`cancelPrintJob`). Each is
 * audited like the release writes, and sent with the person's own Graph token: Graph refuses
 * the app's for all three.
 *
 * The document and its settings are checked against what the share can do before anything is
 * created (share-capabilities.ts): a refusal then writes nothing to Graph.
 */

import type { PrintJobStatus } from '@microsoft/microsoft-graph-types';
import {
  cancelPrintJob,
  createShareJob,
  createUploadSession,
  GatewayFault,
  type PrintJob,
  type PrintJobConfigurationPatch,
  startShareJob,
} from '@universal-print-gateway/graph-client';
import { InvalidInputError } from '../../errors.js';
import { audited, jobOwnedBy } from '../writes.js';
import { printableShare } from './printer-shares.js';
import type { PrintingContext } from './printing-context.js';
import { capabilityIssues, type DocumentToPrint } from './share-capabilities.js';
import type { RememberedShare } from './share-memory.js';
import {
  MAX_PARALLEL_UPLOAD_REQUESTS,
  MAX_UPLOAD_BYTES_PER_REQUEST,
  RECOMMENDED_UPLOAD_CHUNK_BYTES,
} from './upload-terms.js';

export interface CreatePrintJobRequest {
  readonly printerShareId: string;
  readonly displayName: string;
  readonly document: DocumentToPrint;
  readonly configuration?: PrintJobConfigurationPatch | undefined;
}

export interface DocumentUpload {
  readonly uploadUrl: string;
  readonly expiresAt: string;
  readonly nextExpectedRanges: string[];
  readonly maxBytesPerRequest: number;
  readonly recommendedChunkBytes: number;
  readonly maxParallelRequests: number;
}

/** Plain data: an idempotency key's replay answers it again (src/idempotency/). */
export interface CreatedPrintJob {
  readonly printJob: PrintJob;
  readonly upload: DocumentUpload;
}

/** Graph calls `createPrintJob` makes once the share is known: the job, then its upload session. */
const CREATE_CALLS = 2;

export function createPrintJob(
  context: PrintingContext,
  request: CreatePrintJobRequest,
): Promise<CreatedPrintJob> {
  const { printerShareId, document, configuration } = request;
  let printerId = '';
  return personalWrite(
    context,
    'createPrintJob',
    { printerShareId },
    async () => {
      const share = await printableShare(context, printerShareId);
      const issues = capabilityIssues(share.capabilities, document, configuration);
      if (issues.length > 0) throw new InvalidInputError(issues);
      printerId = printerOf(share);
    },
    async () => {
      // Both calls are paid for before the first is sent: a budget that runs out in between
      // would leave a job that can never receive its document.
      const graph = context.personGraph().reserve(CREATE_CALLS);
      const { job, requestId } = await createShareJob(graph, printerShareId, {
        displayName: request.displayName,
        ...(configuration === undefined ? {} : { configuration }),
        document: {
          displayName: document.name,
          contentType: document.contentType,
          size: document.size,
        },
      });
      const documentId = job.documents?.[0]?.id;
      if (!documentId) {
        throw new GatewayFault(
          'UPSTREAM_UNEXPECTED_JOB',
          'Graph created the print job without its document',
          `POST /print/shares/${printerShareId}/jobs answered no documents[0].id`,
        );
      }
      const session = await createUploadSession(
        graph,
        { shareId: printerShareId, jobId: job.id, documentId },
        { documentName: document.name, contentType: document.contentType, size: document.size },
      );
      // Graph's job body does not name its printer: the share's, which holds it, does. A job
      // just created has no tasks yet (they come with start).
      const { tasks: _none, ...created } = job;
      return {
        result: { printJob: { ...created, printerId }, upload: uploadOf(session) },
        requestId,
      };
    },
    (created) => ({ printerId, printJobId: created.printJob.id }),
  );
}

/**
 * `audited` for a write a person makes as themselves: no one is named `onBehalfOf`, and the
 * audit calls a success after the operation (`createPrintJob`: CreatePrintJobSuccess).
 */
function personalWrite<T>(
  context: PrintingContext,
  operation: 'createPrintJob' | 'startPrintJob' | 'cancelPrintJob',
  target: Record<string, string>,
  check: () => Promise<void>,
  write: () => Promise<{ result: T; requestId: string | null }>,
  successTarget?: (result: T) => Record<string, string>,
): Promise<T> {
  const success = `${operation.charAt(0).toUpperCase()}${operation.slice(1)}Success`;
  return audited(
    context,
    { operation, onBehalfOf: null, target, success, ...(successTarget && { successTarget }) },
    check,
    write,
  );
}

/** The printer a share prints to, which addresses its jobs once created. */
function printerOf(share: RememberedShare): string {
  const printerId = share.printer?.id;
  if (!printerId) {
    throw new GatewayFault(
      'UPSTREAM_UNEXPECTED_SHARE',
      'Graph did not say which printer this share prints to',
      `GET /print/shares/${share.id}?$expand=printer answered no printer id`,
    );
  }
  return printerId;
}

function uploadOf(session: {
  uploadUrl?: string | null;
  expirationDateTime?: string | null;
  nextExpectedRanges?: string[] | null;
}): DocumentUpload {
  if (!session.uploadUrl || !session.expirationDateTime) {
    throw new GatewayFault(
      'UPSTREAM_UNEXPECTED_UPLOAD_SESSION',
      'Graph opened an upload session without its URL or expiry',
      'createUploadSession answered no uploadUrl or expirationDateTime',
    );
  }
  return {
    uploadUrl: session.uploadUrl,
    expiresAt: session.expirationDateTime,
    nextExpectedRanges: session.nextExpectedRanges ?? [],
    maxBytesPerRequest: MAX_UPLOAD_BYTES_PER_REQUEST,
    recommendedChunkBytes: RECOMMENDED_UPLOAD_CHUNK_BYTES,
    maxParallelRequests: MAX_PARALLEL_UPLOAD_REQUESTS,
  };
}

export interface StartPrintJobRequest {
  readonly printerShareId: string;
  readonly printJobId: string;
}

export interface StartedPrintJob {
  readonly printerId: string;
  readonly printJobId: string;
  readonly status: PrintJobStatus;
}

/**
 * Starts a job whose document has been uploaded; `UploadIncompleteError` (with the ranges Graph
 * still expects) when it has not. Graph says whether the job is the caller's.
 */
export function startPrintJob(
  context: PrintingContext,
  request: StartPrintJobRequest,
): Promise<StartedPrintJob> {
  const { printerShareId, printJobId } = request;
  let printerId = '';
  return personalWrite(
    context,
    'startPrintJob',
    { printerShareId, printJobId },
    async () => {
      // The share's printer addresses the job afterwards (its read-back, cancel).
      printerId = printerOf(await printableShare(context, printerShareId));
    },
    async () => {
      const { status, requestId } = await startShareJob(
        context.personGraph(),
        printerShareId,
        printJobId,
      );
      return { result: { printerId, printJobId, status }, requestId };
    },
  );
}

export interface CancelPrintJobRequest {
  readonly printerId: string;
  readonly printJobId: string;
}

/**
 * Cancels one of the caller's own jobs. Another person's is "not found" and nothing is sent, as
 * for every write of a person (writes.ts): Graph's own 403 would tell them that it exists.
 */
export function cancelOwnPrintJob(
  context: PrintingContext,
  request: CancelPrintJobRequest,
): Promise<CancelPrintJobRequest> {
  const { printerId, printJobId } = request;
  return personalWrite(
    context,
    'cancelPrintJob',
    { printerId, printJobId },
    async () => {
      context.personGraph();
      // The ownership read is the app's, as for every other write (writes.ts).
      if (context.caller.kind === 'person') {
        await jobOwnedBy(context, printerId, printJobId, context.caller.objectId);
      }
    },
    async () => {
      const { requestId } = await cancelPrintJob(context.personGraph(), printerId, printJobId);
      return { result: { printerId, printJobId }, requestId };
    },
  );
}
