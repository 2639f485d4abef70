import { requireAppCaller, requireAppRole } from './auth.js';
import { invalidRequest } from './graph-errors.js';
import { jsonResult } from './graph-result.js';
import { contexts, toGraphJob, withContext } from './graph-shapes.js';
import { jobOf, printerById } from './job-lookup.js';
import type { JsonObject } from './json-object.js';
import { type ConfigurationPatch, parseConfigurationPatch } from './print-job-configuration.js';
import { readJsonObject } from './request-body.js';
import type { Route } from './router.js';
import type { EmulatorStore } from './store.js';

// printjob-redirect.md: `POST /print/printers/{printerId}/jobs/{printJobId}/redirect`, app-only,
// body {destinationPrinterId, configuration?}, 200 with the new job queued on the destination.

interface RedirectRequest {
  destinationPrinterId: string;
  configuration?: ConfigurationPatch;
}

function parseRedirect(body: JsonObject): RedirectRequest {
  const destinationPrinterId = body['destinationPrinterId'];
  if (typeof destinationPrinterId !== 'string' || destinationPrinterId.trim() === '') {
    throw invalidRequest('destinationPrinterId is required and must be a printer id.');
  }
  const configuration = body['configuration'];
  return configuration === undefined || configuration === null
    ? { destinationPrinterId }
    : { destinationPrinterId, configuration: parseConfigurationPatch(configuration) };
}

export function jobRedirectRoutes(store: EmulatorStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/print/printers/:printerId/jobs/:jobId/redirect',
      handle: (context) => {
        const app = requireAppCaller(context.caller, 'Redirecting a print job');
        // printjob-redirect: "Application: PrintJob.Manage.All", and nothing less.
        requireAppRole(app, ['PrintJob.Manage.All'], 'Redirecting a print job');
        // Bound before any lookup, as PATCH task does: 415/400 win over 404/409.
        const request = parseRedirect(readJsonObject(context.call, true) ?? {});
        const job = jobOf(store, context);
        const destination = printerById(store, request.destinationPrinterId);
        if (destination.id === job.printerId) {
          throw invalidRequest(
            'destinationPrinterId names the printer the job is already on; a redirect must ' +
              'move the job to another printer.',
          );
        }
        const redirected = store.redirectJob(job, app.appId, destination, request.configuration);
        const shape = toGraphJob(redirected, store, { tasks: null, documents: false });
        return jsonResult(200, withContext(contexts.job(destination.id), shape));
      },
    },
  ];
}
