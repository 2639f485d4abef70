import { itemNotFound } from './graph-errors.js';
import type { RouteContext } from './router.js';
import type { EmulatorStore } from './store.js';
import type { JobRecord, PrinterRecord } from './tenant.js';

// The `{printerId}` and `{jobId}` path segments resolved the same way by every job route:
// an unknown printer, an unknown job or a job under another printer is 404 itemNotFound.

export function printerById(store: EmulatorStore, id: string): PrinterRecord {
  const printer = store.printer(id);
  if (printer === undefined) {
    throw itemNotFound(`Printer '${id}' was not found.`);
  }
  return printer;
}

export function printerOf(store: EmulatorStore, context: RouteContext): PrinterRecord {
  return printerById(store, context.param('printerId'));
}

export function jobOf(store: EmulatorStore, context: RouteContext): JobRecord {
  const printer = printerOf(store, context);
  const id = context.param('jobId');
  const job = store.job(id);
  if (job === undefined || job.printerId !== printer.id) {
    throw itemNotFound(`Print job '${id}' was not found on printer '${printer.id}'.`);
  }
  return job;
}
