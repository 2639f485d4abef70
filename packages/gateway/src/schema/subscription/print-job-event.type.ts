import { JOB_EVENT_KINDS, type JobEvent } from '../../live-events/job-event.js';
import { builder } from '../builder.js';
import { PrintJobRef, PrintTaskRef } from '../refs.js';

export const PrintJobEventKindEnum = builder.enumType('PrintJobEventKind', {
  description:
    'WAITING: the job waits for release. RELEASED: its task was completed through the gateway. ' +
    'REDIRECTED: it was released at another printer (redirectedTo is the new job). ABORTED: it ' +
    'was declined through the gateway. GONE: it no longer waits, for a reason the gateway did ' +
    'not see (found by reconciliation). A client may hear of a job more than once: treat events ' +
    'as idempotent by (printerId, printJobId).',
  values: JOB_EVENT_KINDS,
});

export const PrintJobEventRef = builder.objectRef<JobEvent>('PrintJobEvent').implement({
  description:
    'A change to a print job, as a live release screen hears it. Nested fields that read ' +
    "Microsoft Graph (a job's printer, a task's job) are read within the subscription's own " +
    'request, and so share its deadline and budget of Graph calls: query them instead.',
  fields: (t) => ({
    kind: t.field({ type: PrintJobEventKindEnum, resolve: (event) => event.kind }),
    printerId: t.exposeID('printerId'),
    printJobId: t.exposeID('printJobId'),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the gateway learnt of the change.',
      resolve: (event) => event.occurredAt,
    }),
    printJob: t.field({
      type: PrintJobRef,
      nullable: true,
      description:
        'The job as the gateway read it for this event; null when it did not need to read it ' +
        '(a write the caller made on their own job) or could not.',
      resolve: (event) => event.job,
    }),
    printTask: t.field({
      type: PrintTaskRef,
      nullable: true,
      description: "The task from the gateway's task definition, when the event concerns one.",
      resolve: (event) => event.task,
    }),
    redirectedTo: t.field({
      type: PrintJobRef,
      nullable: true,
      description: 'REDIRECTED only: the new job on the destination printer.',
      resolve: (event) => event.redirectedTo,
    }),
  }),
});
