// The emulator's stored form of a Graph change-notification subscription, and the limits Graph
// documents for Universal Print subscriptions.

/** Print subscriptions (printer and printTaskDefinition) last at most 4,230 minutes. */
export const MAX_PRINT_SUBSCRIPTION_MINUTES = 4230;

/** Graph's documented limit for clientState. */
export const MAX_CLIENT_STATE_LENGTH = 128;

export type SubscriptionKind = 'taskCreated' | 'printerJobsUpdated';

export interface SubscriptionRecord {
  id: string;
  kind: SubscriptionKind;
  /** As the caller sent it (Graph echoes it unchanged). */
  resource: string;
  /** The task definition or printer the resource names. */
  targetId: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  notificationQueryOptions: string | null;
  clientState: string | null;
  latestSupportedTlsVersion: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  applicationId: string;
  /** The signed-in user for delegated tokens, the app otherwise (see README). */
  creatorId: string;
}

/** Counters per subscription, for GET /_emulator/subscriptions. */
export interface DeliveryCounts {
  /** Change notifications that reached the endpoint with a 2xx (a duplicate counts twice). */
  delivered: number;
  /** Lost on purpose by the drop knob. */
  dropped: number;
  /** Sent a second time by the duplicate knob. */
  duplicated: number;
  /** POST attempts that failed (non-2xx, timeout, unreachable) and were retried or given up. */
  failedAttempts: number;
  /** Notifications given up after the last retry. */
  abandoned: number;
  /** Lifecycle notifications that reached the lifecycle endpoint with a 2xx. */
  lifecycleDelivered: number;
}

export function emptyCounts(): DeliveryCounts {
  return {
    delivered: 0,
    dropped: 0,
    duplicated: 0,
    failedAttempts: 0,
    abandoned: 0,
    lifecycleDelivered: 0,
  };
}
