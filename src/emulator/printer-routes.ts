import { requireAppCaller, requireUserCaller } from './auth.js';
import { invalidRequest, itemNotFound } from './graph-errors.js';
import { jsonResult, noContentResult } from './graph-result.js';
import {
  collection,
  contexts,
  type JobExpansion,
  toGraphJob,
  toGraphPrinter,
  withContext,
} from './graph-shapes.js';
import { type ExpandRules, type ExpandTree, parseODataQuery } from './odata.js';
import { readJsonObject } from './request-body.js';
import type { Route, RouteContext } from './router.js';
import type { EmulatorStore } from './store.js';
import type { JobRecord, PrinterRecord } from './tenant.js';

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
export function printerRoutes(store: EmulatorStore): Route[] {
  const printerOf = (context: RouteContext): PrinterRecord => {
    const id = context.param('printerId');
    const printer = store.printer(id);
    if (printer === undefined) {
      throw itemNotFound(`Printer '${id}' was not found.`);
    }
    return printer;
  };

  const jobOf = (context: RouteContext): JobRecord => {
    const printer = printerOf(context);
    const id = context.param('jobId');
    const job = store.job(id);
    if (job === undefined || job.printerId !== printer.id) {
      throw itemNotFound(`Print job '${id}' was not found on printer '${printer.id}'.`);
    }
    return job;
  };

  return [
    {
      method: 'GET',
      pattern: '/print/printers/:printerId',
      handle: (context) => {
        const printer = printerOf(context);
        parseODataQuery(context.call.query, { typeName: 'printer' });
        return jsonResult(200, withContext(contexts.printer(), toGraphPrinter(printer, store)));
      },
    },
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs',
      handle: (context) => {
        const printer = printerOf(context);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printJob',
          expand: JOB_EXPAND,
          filterByCreator: true,
        });
        // UPNs are case-insensitive in Entra ID, so the filter is too.
        const upn = query.createdByUserPrincipalName?.toLowerCase();
        const expansion = expansionOf(query.expand);
        const value = store
          .jobsOfPrinter(printer.id)
          .filter(
            (job) => upn === undefined || job.createdBy.userPrincipalName.toLowerCase() === upn,
          )
          .map((job) => toGraphJob(job, store, expansion));
        return jsonResult(200, collection(contexts.jobs(printer.id), value));
      },
    },
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs/:jobId',
      handle: (context) => {
        const job = jobOf(context);
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
        store.abortJob(jobOf(context), app.appId, typeof reason === 'string' ? reason : undefined);
        return noContentResult();
      },
    },
    {
      method: 'POST',
      pattern: '/print/printers/:printerId/jobs/:jobId/cancel',
      handle: (context) => {
        requireUserCaller(context.caller, 'Canceling a print job');
        store.cancelJob(jobOf(context));
        return noContentResult();
      },
    },
  ];
}
