/**
 * Printing a document as a person, Graph's four steps less the bytes: create a job with one
 * document on a printer share, open an upload session on that document (its `uploadUrl` is
 * pre-authenticated: the client PUTs the bytes there, never through the gateway), then start the
 * job. Delegated-only at Graph: these take a person's session (`GraphSession.asPerson`).
 */
import type {
  PrintJob as GraphPrintJob,
  PrintJobConfiguration,
  PrintJobStatus,
} from '@microsoft/microsoft-graph-types';
import type { GraphCall } from '../call.js';
import { graphPath } from '../call.js';
import { GraphSession } from '../session.js';
import { UploadIncompleteError } from '../typed-errors.js';

export interface ShareJobDocument {
  displayName: string;
  contentType: string;
  size?: number;
}

export type ShareJob = GraphPrintJob & { id: string };

export interface UploadSession {
  uploadUrl: string;
  expirationDateTime: string;
  nextExpectedRanges: string[];
}

/** `POST /print/shares/{id}/jobs`: the job, paused with `uploadPending`, and its document's id. */
export async function createShareJob(
  person: GraphSession,
  shareId: string,
  job: {
    displayName?: string;
    configuration?: PrintJobConfiguration;
    document: ShareJobDocument;
  },
): Promise<{ job: ShareJob; requestId: string | null }> {
  const { body, requestId } = await person.answered<ShareJob>({
    method: 'POST',
    url: graphPath`/print/shares/${shareId}/jobs`,
    body: {
      ...(job.displayName === undefined ? {} : { displayName: job.displayName }),
      ...(job.configuration === undefined ? {} : { configuration: job.configuration }),
      documents: [job.document],
    },
  });
  return { job: body, requestId };
}

/** `POST …/documents/{id}/createUploadSession`: where the client PUTs the bytes, until when. */
export function createUploadSession(
  person: GraphSession,
  ids: { shareId: string; jobId: string; documentId: string },
  document: { documentName: string; contentType: string; size: number },
): Promise<UploadSession> {
  return person.call<UploadSession>({
    method: 'POST',
    url: graphPath`/print/shares/${ids.shareId}/jobs/${ids.jobId}/documents/${ids.documentId}/createUploadSession`,
    body: { properties: document },
  });
}

/**
 * `POST …/jobs/{id}/start`. A document not uploaded whole is Graph's 400 naming the ranges it
 * still needs (`error.innerError.nextExpectedRanges`): `UploadIncompleteError` with Graph's list.
 */
export async function startShareJob(
  person: GraphSession,
  shareId: string,
  jobId: string,
): Promise<{ status: PrintJobStatus; requestId: string | null }> {
  const call: GraphCall = {
    method: 'POST',
    url: graphPath`/print/shares/${shareId}/jobs/${jobId}/start`,
  };
  const reply = await person.reply(call);
  const missing = reply.status === 400 ? nextExpectedRanges(reply.body) : null;
  if (missing) {
    throw new UploadIncompleteError(
      'The document has not been uploaded whole: upload the missing ranges, then start the job again',
      reply.headers['request-id'] ?? null,
      missing,
    );
  }
  const { body, requestId } = GraphSession.success<PrintJobStatus>(reply, call);
  return { status: body, requestId };
}

function nextExpectedRanges(body: unknown): string[] | null {
  const ranges = (body as { error?: { innerError?: { nextExpectedRanges?: unknown } } } | null)
    ?.error?.innerError?.nextExpectedRanges;
  return Array.isArray(ranges) && ranges.every((range) => typeof range === 'string')
    ? ranges
    : null;
}
