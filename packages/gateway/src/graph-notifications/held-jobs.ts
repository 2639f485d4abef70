/**
 * Reconciliation's view of the jobs Universal Print holds for secure release. Graph sends no
 * change notification for them (docs/subscriptions.md), so each pass reads them: the tenant's
 * physical printers (`GET /print/printers`), then each one's `releaseWait` with the app's
 * permission (`PrintJob.ReadBasic.All`: every person's held jobs there), the reads of a page of
 * printers sharing `$batch` envelopes. A job releasable at several devices (a pull-print printer
 * with several members) is kept once, at the first device in Graph's order.
 */
import {
  type GraphSession,
  type PrintJob,
  pageHeldJobs,
  physicalPrinterIds,
} from '@universal-print-gateway/graph-client';

/** Held jobs read per device and pass; more wait for a later pass. */
const MAX_HELD_PER_DEVICE = 1_000;

/** The held jobs of the tenant by job id, and whether every device was read in full. */
export async function heldJobsByDevice(
  graph: GraphSession,
  maxPages: number,
): Promise<{ jobs: Map<string, PrintJob>; complete: boolean }> {
  const devices = await physicalPrinterIds(graph, maxPages);
  const pages = await Promise.all(
    devices.map((device) =>
      pageHeldJobs(graph, device, {
        start: null,
        first: MAX_HELD_PER_DEVICE,
        maxGraphPages: maxPages,
      }),
    ),
  );
  const jobs = new Map<string, PrintJob>();
  for (const page of pages) {
    for (const { node } of page.edges) if (!jobs.has(node.id)) jobs.set(node.id, node);
  }
  return { jobs, complete: pages.every((page) => !page.hasNextPage) };
}
