/**
 * Which jobs a caller may see: all of them, or a person's own. A job is a person's when its
 * `createdBy.id` is their `oid`. Never the UPN: it changes, and can be handed to someone else.
 */

import type { PrintJob } from '@universal-print-gateway/graph-client';
import type { Caller } from '../auth/caller.js';
import { ForbiddenError } from '../errors.js';
import { accessScopesOf } from './permissions.js';

export type JobVisibility = { kind: 'all' } | { kind: 'owner'; objectId: string };

/** Throws `ForbiddenError` for a caller that may read nothing. */
export function jobVisibilityOf(caller: Caller): JobVisibility {
  const scopes = accessScopesOf(caller);
  if (scopes.readAny) return { kind: 'all' };
  if (scopes.releaseOwn && caller.kind === 'person') {
    return { kind: 'owner', objectId: caller.objectId };
  }
  throw new ForbiddenError(
    'This caller holds none of Print.Release, Print.Release.All, Print.Read.All',
  );
}

/** Throws `ForbiddenError` for a caller that may read nothing: the check for metadata reads. */
export function assertMayRead(caller: Caller): void {
  jobVisibilityOf(caller);
}

/** Entra object ids are GUIDs; tokens and Graph may differ in case. */
export const sameObjectId = (a: string | null | undefined, b: string): boolean =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

export function isOwnedBy(job: PrintJob, objectId: string): boolean {
  return sameObjectId(job.createdBy?.id, objectId);
}

export function isVisible(job: PrintJob, visibility: JobVisibility): boolean {
  return visibility.kind === 'all' || isOwnedBy(job, visibility.objectId);
}
