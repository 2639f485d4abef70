import { requireAppRole, requireUserCaller } from './auth.js';
import { accessDenied, invalidRequest, itemNotFound } from './graph-errors.js';
import { jsonResult } from './graph-result.js';
import { contexts, toGraphJob, withContext } from './graph-shapes.js';
import { jobListResult } from './job-list.js';
import { printerOf } from './job-lookup.js';
import { JOB_LIST_UNSUPPORTED, parseODataQuery } from './odata.js';
import { MAX_TOP, type Pager } from './paging.js';
import { readJsonObject } from './request-body.js';
import type { Route } from './router.js';
import type { EmulatorStore } from './store.js';

// Universal Print's own secure release (printjob-releasewait, printjob-release): jobs sent to a
// pull-print printer are held in the cloud until their owner releases them at a member printer.

/** printjob-releasewait's application permissions, least privileged first. */
const RELEASE_WAIT_APP_ROLES = [
  'PrintJob.ReadBasic.All',
  'PrintJob.Read.All',
  'PrintJob.ReadWrite.All',
  'PrintJob.ReadWriteBasic.All',
];

const NO_EXPANSION = { tasks: null, documents: false } as const;

export function secureReleaseRoutes(store: EmulatorStore, pager: Pager): Route[] {
  return [
    {
      // Before `GET …/jobs/:jobId`, which the router would otherwise match first.
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs/releaseWait',
      handle: (context) => {
        const device = printerOf(store, context);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printJob',
          filterByCreator: true,
          top: { max: MAX_TOP },
          unsupported: JOB_LIST_UNSUPPORTED,
        });
        const { caller } = context;
        if (caller.kind === 'app') {
          requireAppRole(caller, RELEASE_WAIT_APP_ROLES, 'Listing jobs waiting for release');
        }
        // Delegated: only the signed-in user's own jobs, even a Printer Administrator's. Application:
        // the page names no user, so an app sees every person's (README: the emulator's choice),
        // narrowed with the same $filter on createdBy/userPrincipalName as …/jobs.
        const held = store
          .heldJobsReleasableAt(device)
          .filter((job) => caller.kind === 'app' || job.createdBy.id === caller.user.id);
        return jobListResult(store, pager, held, {
          call: context.call,
          printerId: device.id,
          createdByUserPrincipalName: query.createdByUserPrincipalName,
          top: query.top,
          expansion: NO_EXPANSION,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/print/printers/:printerId/jobs/release',
      handle: (context) => {
        // printjob-release: "Application: Not supported."
        const person = requireUserCaller(context.caller, 'Releasing a held print job');
        const device = printerOf(store, context);
        const jobId = readJsonObject(context.call, true)?.['jobId'];
        if (typeof jobId !== 'string' || jobId.trim() === '') {
          throw invalidRequest('jobId is required and must be a print job id.');
        }
        const job = store.job(jobId);
        if (job === undefined) throw itemNotFound(`Print job '${jobId}' was not found.`);
        if (job.createdBy.id !== person.user.id) {
          throw accessDenied(
            `Print job '${jobId}' belongs to another user; only its owner can release it.`,
          );
        }
        const released = store.releaseHeldJob(job, device);
        const shape = toGraphJob(released, store, NO_EXPANSION);
        return jsonResult(200, withContext(contexts.job(device.id), shape));
      },
    },
  ];
}
