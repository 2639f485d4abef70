import { itemNotFound } from './graph-errors.js';
import type { RouteContext } from './router.js';
import type { EmulatorStore } from './store.js';
import type { JobRecord, ShareRecord } from './tenant.js';

// `{shareId}` and `{jobId}` under /print/shares resolved alike by every share route: an unknown
// share, an unknown job or a job on another share's printer is 404 itemNotFound.

export function shareOf(store: EmulatorStore, context: RouteContext): ShareRecord {
  const id = context.param('shareId');
  const share = store.share(id);
  if (share === undefined) throw itemNotFound(`Printer share '${id}' was not found.`);
  return share;
}

export function shareJobOf(
  store: EmulatorStore,
  context: RouteContext,
): { share: ShareRecord; job: JobRecord } {
  const share = shareOf(store, context);
  const id = context.param('jobId');
  const job = store.job(id);
  if (job === undefined || job.printerId !== share.printerId) {
    throw itemNotFound(`Print job '${id}' was not found on printer share '${share.id}'.`);
  }
  return { share, job };
}
