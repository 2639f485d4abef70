/**
 * Live release screens: GraphQL subscriptions (over SSE) on the process's job events. Who hears
 * what is decided per event, before it is sent: a person only of their own jobs (the event's
 * owner is their `oid`), a caller that may read any job of every job. docs/subscriptions.md.
 */
import { jobVisibilityOf, sameObjectId } from '../../access/visibility.js';
import { callerKey } from '../../auth/caller.js';
import type { GatewayContext } from '../../context.js';
import type { JobEvent } from '../../notifications/job-event.js';
import { READ_ACCESS } from '../access.js';
import { builder } from '../builder.js';
import { graphId } from '../validation.js';
import { PrintJobEventRef } from './print-job-event.type.js';

/** Whether this caller may hear of the event's job: throws `ForbiddenError` for no read at all. */
function visibleTo(context: GatewayContext): (event: JobEvent) => boolean {
  const visibility = jobVisibilityOf(context.caller);
  if (visibility.kind === 'all') return () => true;
  return (event) => sameObjectId(event.ownerId, visibility.objectId);
}

builder.subscriptionFields((t) => ({
  myPrintJobEvents: t.field({
    type: PrintJobEventRef,
    description:
      "The calling person's print jobs as they start waiting, get released, redirected or " +
      'aborted. People only (Print.Release): other callers get FORBIDDEN.',
    ...READ_ACCESS,
    authScopes: { releaseOwn: true },
    requiresScopes: [['Print.Release']],
    subscribe: (_root, _args, context) =>
      context.liveEvents.subscribe(callerKey(context.caller), visibleTo(context)),
    resolve: (event) => event,
  }),
  printerJobEvents: t.field({
    type: PrintJobEventRef,
    description:
      "A release station's view of one printer: every job's events with Print.Read.All or " +
      'Print.Release.All; a person hears only of their own jobs on it.',
    ...READ_ACCESS,
    args: { printerId: t.arg.id({ required: true, validate: graphId }) },
    subscribe: (_root, { printerId }, context) => {
      const visible = visibleTo(context);
      return context.liveEvents.subscribe(
        callerKey(context.caller),
        (event) => event.printerId === printerId && visible(event),
      );
    },
    resolve: (event) => event,
  }),
}));
