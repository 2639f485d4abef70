/**
 * What a live release screen hears: one print job's change, with the job and task as the gateway
 * last read them. Plain JSON (ISO dates, no classes), because an event target shared by replicas
 * (Redis) serializes it.
 */
import type { PrintJob, PrintTask } from '@universal-print-gateway/graph-client';

/**
 * - `WAITING`: the job waits for release (its task from the gateway's definition is processing);
 * - `RELEASED`: its task was completed through the gateway, so the job prints;
 * - `REDIRECTED`: it was released at another printer (a new job there);
 * - `ABORTED`: it was declined through the gateway;
 * - `GONE`: it no longer waits, for a reason the gateway did not see (released or aborted
 *   elsewhere, expired): what reconciliation finds.
 */
export const JOB_EVENT_KINDS = ['WAITING', 'RELEASED', 'REDIRECTED', 'ABORTED', 'GONE'] as const;
export type JobEventKind = (typeof JOB_EVENT_KINDS)[number];

export interface JobEvent {
  readonly kind: JobEventKind;
  readonly printerId: string;
  readonly printJobId: string;
  /**
   * Whose job it is (`createdBy.id`), what each subscriber's authorization is decided on; null
   * when the gateway could not tell, and then no person hears of it.
   */
  readonly ownerId: string | null;
  readonly job: PrintJob | null;
  readonly task: PrintTask | null;
  /** For `REDIRECTED`: the new job on the destination printer. */
  readonly redirectedTo: PrintJob | null;
  /** ISO 8601: when the gateway learnt of the change. */
  readonly occurredAt: string;
}

/** The one topic of the GraphQL pub/sub; subscribers filter it per caller. */
export const JOB_EVENTS_TOPIC = 'print-job-events';
