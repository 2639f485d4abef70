import { type Caller, requireJobOwner, requireUserCaller } from './auth.js';
import { accessDenied, conflict, GraphFailure, invalidRequest } from './graph-errors.js';
import { jsonResult } from './graph-result.js';
import { contexts, toGraphJob, withContext } from './graph-shapes.js';
import { parseShareJob, parseUploadProperties } from './print-submission-body.js';
import { readJsonObject } from './request-body.js';
import type { Route } from './router.js';
import { shareJobOf, shareOf } from './share-lookup.js';
import type { EmulatorStore } from './store.js';
import type { JobRecord } from './tenant.js';
import { UPLOAD_PREFIX } from './upload-routes.js';
import type { UploadSessions } from './upload-sessions.js';

// Printing through a share, as a person does: create the job with its document, open an upload
// session for the bytes, start the job (printershare-post-jobs.md,
// printdocument-createuploadsession.md, printjob-start.md).

/**
 * createUploadSession: a person on their own job; an app only where Graph's page allows it,
 * "if there is a printTask in a processing state on the associated print job, started by a
 * trigger that the requesting app created".
 */
function requireUploader(caller: Caller, job: JobRecord, store: EmulatorStore): void {
  if (caller.kind === 'user') {
    requireJobOwner(caller, job.createdBy.id, 'Creating an upload session');
    return;
  }
  const heldByCaller = store
    .tasksOfJob(job.id)
    .some(
      (task) =>
        task.state === 'processing' &&
        store.definition(task.definitionId)?.createdBy.appId === caller.appId,
    );
  if (!heldByCaller) {
    throw accessDenied(
      'Creating an upload session with application permissions needs a processing print task ' +
        "on the job from a trigger the calling app created; use the person's delegated token.",
    );
  }
}

function documentIdOf(job: JobRecord, documentId: string): void {
  if (job.document.id !== documentId) {
    throw new GraphFailure(
      404,
      'itemNotFound',
      `Document '${documentId}' is not on print job '${job.id}'.`,
    );
  }
}

export function printSubmissionRoutes(store: EmulatorStore, uploads: UploadSessions): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/print/shares/:shareId/jobs',
      handle: (context) => {
        const person = requireUserCaller(context.caller, 'Creating a print job on a printer share');
        const share = shareOf(store, context);
        const body = parseShareJob(readJsonObject(context.call, true) ?? {});
        const job = store.createShareJob(share, person.user, body);
        const shape = toGraphJob(job, store, { tasks: null, documents: true });
        return jsonResult(201, withContext(contexts.shareJob(share.id), shape));
      },
    },
    {
      method: 'POST',
      pattern: '/print/shares/:shareId/jobs/:jobId/documents/:documentId/createUploadSession',
      handle: (context) => {
        const { share, job } = shareJobOf(store, context);
        documentIdOf(job, context.param('documentId'));
        requireUploader(context.caller, job, store);
        const properties = parseUploadProperties(readJsonObject(context.call, true) ?? {});
        const allowed = store.printer(share.printerId)?.profile.capabilities.contentTypes ?? [];
        if (!allowed.includes(properties.contentType)) {
          throw invalidRequest(
            `contentType '${properties.contentType}' is not one the printer share accepts: ${allowed.join(', ')}.`,
          );
        }
        if (!job.document.awaitingUpload) {
          throw conflict(`Print job '${job.id}' already has its document's bytes.`);
        }
        // The document takes the properties of the file to be uploaded.
        Object.assign(job.document, {
          displayName: properties.documentName,
          contentType: properties.contentType,
          size: properties.size,
        });
        const { session, tempauth } = uploads.open({
          jobId: job.id,
          documentId: job.document.id,
          ...properties,
        });
        const uploadUrl = `${context.call.origin}${UPLOAD_PREFIX}/${session.id}?tempauth=${tempauth}`;
        return jsonResult(200, {
          '@odata.context': contexts.uploadSession(),
          uploadUrl,
          expirationDateTime: new Date(session.expiresAt).toISOString(),
          nextExpectedRanges: ['0-'],
        });
      },
    },
    {
      method: 'POST',
      pattern: '/print/shares/:shareId/jobs/:jobId/start',
      handle: (context) => {
        const person = requireUserCaller(context.caller, 'Starting a print job');
        const { job } = shareJobOf(store, context);
        requireJobOwner(person, job.createdBy.id, 'Starting a print job');
        if (job.document.awaitingUpload) {
          const size = job.document.size;
          const nextExpectedRanges = uploads.missingOfDocument(job.document.id) ?? [
            size > 0 ? `0-${size - 1}` : '0-',
          ];
          throw new GraphFailure(
            400,
            'invalidRequest',
            `Print job '${job.id}' cannot start: its document's upload is incomplete.`,
            {},
            { nextExpectedRanges },
          );
        }
        store.startJob(job);
        const status = store.jobStatus(job);
        return jsonResult(200, {
          '@odata.context': contexts.jobStatus(),
          state: status.state,
          description: status.description,
          details: status.details,
          isAcquiredByPrinter: status.isAcquiredByPrinter,
        });
      },
    },
  ];
}
