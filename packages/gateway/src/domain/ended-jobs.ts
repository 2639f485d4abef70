/**
 * What a write tells live subscribers once Graph confirmed it: a port of the domain, which
 * src/live-events/job-announcer.ts implements and the app wires into the context. The domain
 * declares it so that it never imports the notifications built on top of it.
 */
import type { PrintJob, PrintTask } from '@universal-print-gateway/graph-client';

/** The job events a write ends a job with (a subset of src/live-events/job-event.ts's kinds). */
export type EndedKind = 'RELEASED' | 'REDIRECTED' | 'ABORTED';

export interface EndedJob {
  readonly kind: EndedKind;
  readonly printerId: string;
  readonly printJobId: string;
  /** Whose job it is when the write already established it (a person's, or `onBehalfOf`). */
  readonly ownerId: string | null;
  readonly task?: PrintTask | null;
  readonly redirectedTo?: PrintJob | null;
}

export interface EndedJobAnnouncer {
  /** Announces without a Graph call; never throws at the write that reports it. */
  ended(change: EndedJob): void;
}
