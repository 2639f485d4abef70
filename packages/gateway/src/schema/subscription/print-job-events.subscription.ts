/**
 * Live release screens: GraphQL subscriptions (over SSE or WebSocket) on the process's job
 * events. Who hears what is decided per event, before it is sent: a person only of their own
 * jobs (the event's owner is their `oid`), a caller that may read any job of every job. A
 * stream lasts as long as its credential is accepted: then, over SSE, its last answer is the
 * error a new request would get (`TOKEN_EXPIRED`), and it ends; over WebSocket the connection's
 * own timer closes the socket 4403 `TOKEN_EXPIRED` (server/websocket-subscriptions.ts).
 * docs/subscriptions.md.
 */

import { callerKey } from '../../auth/caller.js';
import { CredentialExpiredError } from '../../auth/credential-expired.js';
import type { GatewayContext } from '../../context.js';
import { jobVisibilityOf, sameObjectId } from '../../domain/visibility.js';
import type { JobEvent } from '../../live-events/job-event.js';
import { endStreamAt } from '../../live-events/stream-deadline.js';
import { builder } from '../builder.js';
import { READ_ACCESS } from '../field-permissions.js';
import { graphId } from '../validation.js';
import { PrintJobEventRef } from './print-job-event.type.js';

/** Whether this caller may hear of the event's job: throws `ForbiddenError` for no read at all. */
function visibleTo(context: GatewayContext): (event: JobEvent) => boolean {
  const visibility = jobVisibilityOf(context.caller);
  if (visibility.kind === 'all') return () => true;
  return (event) => sameObjectId(event.ownerId, visibility.objectId);
}

/** What every stream's description ends with: how it ends on each transport, and what then. */
const ENDS =
  " The stream ends when the caller's token expires: over SSE its last answer is an error with " +
  'code TOKEN_EXPIRED; over WebSocket the socket is closed with code 4403, reason ' +
  'TOKEN_EXPIRED. Either way, subscribe again with a new token.';

/** The caller's events while its credential is accepted; then a `CredentialExpiredError`, last. */
function eventsFor(
  context: GatewayContext,
  visible: (event: JobEvent) => boolean,
): AsyncIterable<JobEvent | CredentialExpiredError> {
  // Read before the slot is taken, so that nothing that could throw runs while it is held.
  const expiresAt = context.credentialExpiresAt();
  const events = context.liveEvents.subscribe(callerKey(context.caller), visible);
  return expiresAt === null ? events : endStreamAt(events, expiresAt, new CredentialExpiredError());
}

/** Sends an event; the expiry marker becomes the stream's last answer, an error with its code. */
function sent(event: JobEvent | CredentialExpiredError): JobEvent {
  if (event instanceof CredentialExpiredError) throw event;
  return event;
}

builder.subscriptionFields((t) => ({
  myPrintJobEvents: t.field({
    type: PrintJobEventRef,
    description:
      "The calling person's print jobs as they start waiting, get released, redirected or " +
      'aborted. People only (Print.Release): other callers get FORBIDDEN.' +
      ENDS,
    ...READ_ACCESS,
    authScopes: { releaseOwn: true },
    requiresScopes: [['Print.Release']],
    subscribe: (_root, _args, context) => eventsFor(context, visibleTo(context)),
    resolve: sent,
  }),
  printerJobEvents: t.field({
    type: PrintJobEventRef,
    description:
      "A release station's view of one printer: every job's events with Print.Read.All or " +
      'Print.Release.All; a person hears only of their own jobs on it.' +
      ENDS,
    ...READ_ACCESS,
    args: { printerId: t.arg.id({ required: true, validate: graphId }) },
    subscribe: (_root, { printerId }, context) => {
      const visible = visibleTo(context);
      return eventsFor(context, (event) => event.printerId === printerId && visible(event));
    },
    resolve: sent,
  }),
}));
