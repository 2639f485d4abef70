import { type GraphResult, jsonResult } from './graph-result.js';
import { collection, contexts, type JobExpansion, toGraphJob } from './graph-shapes.js';
import type { Pager } from './paging.js';
import type { GraphCall } from './router.js';
import type { EmulatorStore } from './store.js';
import type { JobRecord } from './tenant.js';

// A page of jobs answered as a printer's job collection: `…/jobs` and `…/jobs/releaseWait`.

export interface JobListRequest {
  call: GraphCall;
  printerId: string;
  /** `$filter=createdBy/userPrincipalName eq '…'`; UPNs are case-insensitive in Entra ID. */
  createdByUserPrincipalName: string | undefined;
  top: number | undefined;
  expansion: JobExpansion;
}

export function jobListResult(
  store: EmulatorStore,
  pager: Pager,
  jobs: readonly JobRecord[],
  request: JobListRequest,
): GraphResult {
  const upn = request.createdByUserPrincipalName?.toLowerCase();
  const matching = jobs.filter(
    (job) => upn === undefined || job.createdBy.userPrincipalName.toLowerCase() === upn,
  );
  const page = pager.page(request.call, matching, request.top);
  const value = page.value.map((job) => toGraphJob(job, store, request.expansion));
  return jsonResult(200, collection(contexts.jobs(request.printerId), { ...page, value }));
}
