/**
 * Universal Print's own secure release (Graph v1.0): jobs sent to a pull-print printer are held
 * in the cloud until their owner releases them at a physical printer that is a member of it.
 *
 * - `GET /print/printers/{deviceId}/jobs/releaseWait` (printjob-releasewait.md): "the signed-in
 *   user's" held jobs that can be released at that device. Delegated `PrintJob.ReadBasic`;
 *   application `PrintJob.ReadBasic.All` (an app token names no user, so the gateway keeps only
 *   the person's jobs by `createdBy.id`).
 * - `POST /print/printers/{deviceId}/jobs/release` `{ jobId }` (printjob-release.md): releases one
 *   to print there. **Delegated only** (`PrintJob.ReadWriteBasic`): always the person's session.
 *
 * A held job is addressed by the device it can be released at: the list does not say which
 * pull-print printer it was sent to, and the release names the device.
 */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { CollectionAddress, PagePosition } from './page-cursor.js';
import { type ConnectionPage, readConnectionPage } from './paged-read.js';
import type { PrintJob } from './types.js';

type GraphJob = Omit<PrintJob, 'printerId' | 'tasks'>;

/** `releaseWait` at a device: the collection its cursors must point into. */
export const releaseWaitCollection = (deviceId: string): CollectionAddress => ({
  path: graphPath`/print/printers/${deviceId}/jobs/releaseWait`,
  query: {},
});

/** One connection page of the held jobs releasable at `deviceId`; `keep` filters each page. */
export function pageHeldJobs(
  graph: GraphSession,
  deviceId: string,
  page: {
    start: PagePosition | null;
    first: number;
    maxGraphPages?: number;
    keep?: (jobs: readonly PrintJob[]) => Promise<readonly boolean[]>;
  },
): Promise<ConnectionPage<PrintJob>> {
  return readConnectionPage<GraphJob, PrintJob>(graph, {
    collection: releaseWaitCollection(deviceId),
    toItem: (job) => ({ ...job, printerId: deviceId }),
    ...page,
  });
}

/**
 * Releases a held job at `deviceId` as the person (`person` must be their on-behalf-of session).
 * A POST that prints: never resent blindly (call.ts), `outcomeUnknown` after an ambiguous end.
 */
export async function releaseHeldJob(
  person: GraphSession,
  deviceId: string,
  printJobId: string,
): Promise<{ printJob: PrintJob; requestId: string | null }> {
  const { body, requestId } = await person.answered<GraphJob | null>({
    method: 'POST',
    url: graphPath`/print/printers/${deviceId}/jobs/release`,
    body: { jobId: printJobId },
  });
  // Graph's page shows no response body; the emulator answers the job. Either way it is this
  // job, now at the device.
  return { printJob: { ...(body ?? {}), id: printJobId, printerId: deviceId }, requestId };
}
