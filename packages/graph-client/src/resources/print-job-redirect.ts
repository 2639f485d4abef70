/**
 * `POST /print/printers/{id}/jobs/{id}/redirect` (printjob-redirect.md): moves a held job to
 * another printer, typically the device a person stands at. App-only (`PrintJob.Manage.All`);
 * Graph accepts it only while the job has a `processing` task from a trigger of the calling app,
 * and completes that task itself. It answers 200 with a NEW job on the destination printer.
 *
 * A redirect creates a job, so it must never be sent twice by accident: it is a POST, which
 * `isWrite` (call.ts) and the retry policy treat as a write (resent only after 429 or a refused
 * connection, never after a timeout or 5xx; the caller then gets `outcomeUnknown: true`).
 */
import type { PrintJobConfiguration } from '@microsoft/microsoft-graph-types';
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { PrintJob } from './types.js';

/** The configuration fields the gateway lets a caller override; Graph's names and values. */
export type PrintJobConfigurationPatch = Pick<
  PrintJobConfiguration,
  | 'copies'
  | 'colorMode'
  | 'duplexMode'
  | 'orientation'
  | 'quality'
  | 'scaling'
  | 'mediaSize'
  | 'pageRanges'
  | 'collate'
  | 'pagesPerSheet'
  | 'fitPdfToPage'
>;

export interface RedirectTarget {
  readonly destinationPrinterId: string;
  /** Fields over the source job's configuration; left out of the body when absent. */
  readonly configuration?: PrintJobConfigurationPatch | undefined;
}

type GraphJob = Omit<PrintJob, 'printerId' | 'tasks'>;

/**
 * Sends the redirect and resolves with the new job, addressed on the destination printer (the
 * 200 body does not name its printer), and Graph's `request-id` for the audit log.
 */
export async function redirectPrintJob(
  graph: GraphSession,
  printerId: string,
  printJobId: string,
  target: RedirectTarget,
): Promise<{ printJob: PrintJob; requestId: string | null }> {
  const { body, requestId } = await graph.answered<GraphJob>({
    method: 'POST',
    url: graphPath`/print/printers/${printerId}/jobs/${printJobId}/redirect`,
    body: {
      destinationPrinterId: target.destinationPrinterId,
      ...(target.configuration === undefined ? {} : { configuration: target.configuration }),
    },
  });
  return { printJob: { ...body, printerId: target.destinationPrinterId }, requestId };
}
