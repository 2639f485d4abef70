/**
 * How a waiting job will be released, shown on the edges of the waiting-jobs connections
 * (myPrintJobs, User.waitingPrintJobs): domain/release/jobs-waiting-at-device.ts decides it.
 */
import type { PrintJob } from '@universal-print-gateway/graph-client';
import type { ReleaseMethod, WaitingJob } from '../../domain/release/jobs-waiting-at-device.js';
import { builder } from '../builder.js';

const RELEASE_METHODS = ['REDIRECT', 'SECURE_RELEASE'] as const satisfies readonly ReleaseMethod[];

export const PrintReleaseMethodEnum = builder.enumType('PrintReleaseMethod', {
  description:
    "REDIRECT: held on a gateway queue by the app's task trigger; released by redirecting it to " +
    "the device, with the app's token (any device will do). SECURE_RELEASE: held in the cloud " +
    "by Universal Print's own secure release; released at this device with the person's own " +
    'token, so only the person can release it (a station cannot).',
  values: RELEASE_METHODS,
});

/** What `printerId` means for both waiting-jobs lists (jobs-waiting-at-device.ts). */
export const WAITING_AT_PRINTER =
  'With `printerId` of a physical device: every waiting job of the person that can be released ' +
  'there, under both release methods (REDIRECT jobs from every gateway queue, SECURE_RELEASE ' +
  "jobs Graph's releaseWait lists at that device), redirect jobs first. With `printerId` of a " +
  'gateway queue: the jobs waiting on it. Without: the jobs on every gateway queue (Graph lists ' +
  'secure-release jobs only at a device). ';

/** The edge type of a waiting-jobs connection: the job, and how it will be released. */
export const releaseMethodEdge = (name: string) => ({
  name,
  fields: (edge: EdgeFieldBuilder) => ({
    releaseMethod: edge.field({
      type: PrintReleaseMethodEnum,
      description: 'How this job will be released at the device, and with whose token.',
      resolve: ({ node }: { node: PrintJob }) => releaseMethodOf(node),
    }),
  }),
});

type EdgeFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never,
  { node: PrintJob; cursor: string }
>;

/** The method the waiting-jobs read tagged the job with; every node of those lists has one. */
export function releaseMethodOf(job: PrintJob): ReleaseMethod {
  const method = (job as Partial<WaitingJob>).releaseMethod;
  if (method === undefined) throw new Error(`Waiting job ${job.id} has no release method.`);
  return method;
}
