import { requireAppCaller, requireJobOwner, requireUserCaller } from './auth.js';
import { invalidRequest } from './graph-errors.js';
import { jsonResult, noContentResult } from './graph-result.js';
import {
  collection,
  contexts,
  type JobExpansion,
  toGraphJob,
  withContext,
} from './graph-shapes.js';
import { jobOf, printerOf } from './job-lookup.js';
import {
  type ExpandRules,
  type ExpandTree,
  JOB_LIST_UNSUPPORTED,
  parseODataQuery,
} from './odata.js';
import { MAX_TOP, type Pager } from './paging.js';
import { printerWithCapabilities, selected } from './printer-select.js';
import { readJsonObject } from './request-body.js';
import type { Route } from './router.js';
import type { EmulatorStore } from './store.js';

const JOB_EXPAND: ExpandRules = {
  tasks: { type: 'printTask', nested: { definition: { type: 'printTaskDefinition' } } },
  documents: { type: 'printDocument' },
};

function expansionOf(expand: ExpandTree): JobExpansion {
  const tasks = expand.get('tasks');
  return {
    tasks: tasks === undefined ? null : { withDefinition: tasks.has('definition') },
    documents: expand.has('documents'),
  };
}

/** Printers and their jobs, including the two job actions (abort is app-only, cancel delegated). */
export function printerRoutes(store: EmulatorStore, pager: Pager): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/print/printers/:printerId',
      handle: (context) => {
        const printer = printerOf(store, context);
        parseODataQuery(context.call.query, { typeName: 'printer' });
        const shape = selected(printerWithCapabilities(printer, store), context.call.query);
        return jsonResult(200, withContext(contexts.printer(), shape));
      },
    },
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs',
      handle: (context) => {
        const printer = printerOf(store, context);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printJob',
          expand: JOB_EXPAND,
          filterByCreator: true,
          top: { max: MAX_TOP },
          unsupported: JOB_LIST_UNSUPPORTED,
        });
        // UPNs are case-insensitive in Entra ID, so the filter is too.
        const upn = query.createdByUserPrincipalName?.toLowerCase();
        const expansion = expansionOf(query.expand);
        const matching = store
          .jobsOfPrinter(printer.id)
          .filter(
            (job) => upn === undefined || job.createdBy.userPrincipalName.toLowerCase() === upn,
          );
        const page = pager.page(context.call, matching, query.top);
        const value = page.value.map((job) => toGraphJob(job, store, expansion));
        return jsonResult(200, collection(contexts.jobs(printer.id), { ...page, value }));
      },
    },
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs/:jobId',
      handle: (context) => {
        const job = jobOf(store, context);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printJob',
          expand: JOB_EXPAND,
        });
        const shape = toGraphJob(job, store, expansionOf(query.expand));
        return jsonResult(200, withContext(contexts.job(job.printerId), shape));
      },
    },
    {
      method: 'POST',
      pattern: '/print/printers/:printerId/jobs/:jobId/abort',
      handle: (context) => {
        const app = requireAppCaller(context.caller, 'Aborting a print job');
        const body = readJsonObject(context.call, false);
        const reason = body?.['reason'];
        if (reason !== undefined && reason !== null && typeof reason !== 'string') {
          throw invalidRequest('reason must be a string.');
        }
        store.abortJob(
          jobOf(store, context),
          app.appId,
          typeof reason === 'string' ? reason : undefined,
        );
        return noContentResult();
      },
    },
    {
      method: 'POST',
      pattern: '/print/printers/:printerId/jobs/:jobId/cancel',
      handle: (context) => {
        const person = requireUserCaller(context.caller, 'Canceling a print job');
        const job = jobOf(store, context);
        requireJobOwner(person, job.createdBy.id, 'Canceling a print job');
        store.cancelJob(job);
        return noContentResult();
      },
    },
  ];
}
