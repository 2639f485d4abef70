/**
 * Printing a document as a person, Graph's four steps less the upload (which the client sends
 * straight to `uploadUrl`): create a job holding one document on a printer share, open the
 * document's upload session, and start the job. All three are delegated only.
 */
import type {
  PrintJobConfiguration,
  PrintJobStatus,
  UploadSession,
} from '@microsoft/microsoft-graph-types';
import { graphPath } from '../call.js';
import { GraphSession } from '../session.js';
import { UploadIncompleteError } from '../typed-errors.js';
import type { PrintJob } from './types.js';

export interface ShareJobRequest {
  readonly displayName: string;
  readonly document: { readonly name: string; readonly contentType: string; readonly size: number };
  readonly configuration?: PrintJobConfiguration | undefined;
}

/** Graph's job as created on a share: with its document, and the printer the share names. */
export type ShareJob = PrintJob & { documents: Array<{ id: string }> };

/** `POST /print/shares/{id}/jobs` (201): the job, paused until it is started. */
export async function createShareJob(
  graph: GraphSession,
  shareId: string,
  printerId: string,
  request: ShareJobRequest,
): Promise<{ job: ShareJob; requestId: string | null }> {
  const { document } = request;
  const { body, requestId } = await graph.answered<Omit<ShareJob, 'printerId'>>({
    method: 'POST',
    url: graphPath`/print/shares/${shareId}/jobs`,
    body: {
      displayName: request.displayName,
      ...(request.configuration === undefined ? {} : { configuration: request.configuration }),
      documents: [
        { displayName: document.name, contentType: document.contentType, size: document.size },
      ],
    },
  });
  return { job: { ...body, printerId }, requestId };
}

/** `POST …/documents/{id}/createUploadSession`: where the client PUTs the bytes, until when. */
export async function createUploadSession(
  graph: GraphSession,
  address: { shareId: string; printJobId: string; documentId: string },
  document: ShareJobRequest['document'],
): Promise<{ session: UploadSession; requestId: string | null }> {
  const { shareId, printJobId, documentId } = address;
  const { body, requestId } = await graph.answered<UploadSession>({
    method: 'POST',
    url: graphPath`/print/shares/${shareId}/jobs/${printJobId}/documents/${documentId}/createUploadSession`,
    body: {
      properties: {
        documentName: document.name,
        contentType: document.contentType,
        size: document.size,
      },
    },
  });
  return { session: body, requestId };
}

/**
 * `POST /print/shares/{id}/jobs/{id}/start` → the job's status. A 400 that lists the ranges
 * still missing (`error.innerError.nextExpectedRanges`) is `UploadIncompleteError` with them
 * as Graph sent them; any other refusal maps as every call's does.
 */
export async function startShareJob(
  graph: GraphSession,
  shareId: string,
  printJobId: string,
): Promise<{ status: PrintJobStatus; requestId: string | null }> {
  const call = {
    method: 'POST' as const,
    url: graphPath`/print/shares/${shareId}/jobs/${printJobId}/start`,
  };
  const reply = await graph.reply(call);
  const missing = reply.status === 400 ? missingRanges(reply.body) : null;
  if (missing) {
    throw new UploadIncompleteError(
      `The document's upload is not complete: ${missing.join(', ')} still expected`,
      reply.headers['request-id'] ?? null,
      missing,
    );
  }
  const { body, requestId } = GraphSession.success<PrintJobStatus>(reply, call);
  return { status: body, requestId };
}

/** Graph's `innerError.nextExpectedRanges`, when its 400 names them as strings. */
function missingRanges(body: unknown): string[] | null {
  const inner = (body as { error?: { innerError?: { nextExpectedRanges?: unknown } } } | null)
    ?.error?.innerError;
  const ranges = inner?.nextExpectedRanges;
  if (!Array.isArray(ranges) || ranges.length === 0) return null;
  return ranges.every((range) => typeof range === 'string') ? (ranges as string[]) : null;
}
