import { itemNotFound } from './graph-errors.js';
import { jsonResult } from './graph-result.js';
import { collection, contexts, toGraphDocument, withContext } from './graph-shapes.js';
import { jobOf } from './job-lookup.js';
import { parseODataQuery } from './odata.js';
import type { Pager } from './paging.js';
import type { Route } from './router.js';
import type { EmulatorStore } from './store.js';

// A job's documents (resources/printdocument.md). Universal Print allows one document per job,
// so the collection always holds exactly one entry; it pages like every other collection.

export function jobDocumentRoutes(store: EmulatorStore, pager: Pager): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs/:jobId/documents',
      handle: (context) => {
        const job = jobOf(store, context);
        parseODataQuery(context.call.query, { typeName: 'printDocument' });
        const page = pager.page(context.call, [toGraphDocument(job, store)]);
        return jsonResult(200, collection(contexts.documents(job.printerId, job.id), page));
      },
    },
    {
      method: 'GET',
      pattern: '/print/printers/:printerId/jobs/:jobId/documents/:documentId',
      handle: (context) => {
        const job = jobOf(store, context);
        const id = context.param('documentId');
        if (id !== job.document.id) {
          throw itemNotFound(`Print document '${id}' was not found on print job '${job.id}'.`);
        }
        parseODataQuery(context.call.query, { typeName: 'printDocument' });
        const shape = toGraphDocument(job, store);
        return jsonResult(200, withContext(contexts.document(job.printerId, job.id), shape));
      },
    },
  ];
}
