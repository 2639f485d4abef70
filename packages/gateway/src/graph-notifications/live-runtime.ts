/**
 * Everything live events need in one process, assembled from settings: the pub/sub, the
 * announcer, the webhook, and (once the gateway listens and knows its notification URL) the
 * subscription manager and reconciliation. Shared state comes in through the contracts
 * (`OnceSet`, `Leadership`, the event target), in-process unless a caller passes others.
 */

import { randomBytes } from 'node:crypto';
import type { GraphService } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { OwnershipMemory } from '../domain/ownership-memory.js';
import { JobAnnouncer } from '../live-events/job-announcer.js';
import { type JobEventTarget, LiveEvents } from '../live-events/live-events.js';
import type { Leadership, OnceSet } from '../shared-state/contracts.js';
import { LocalLeadership } from '../shared-state/local/leadership.js';
import { createNotificationProcessor } from './notification-processor.js';
import { DEFAULT_RECONCILE_MAX_PAGES, Reconciler } from './reconciliation.js';
import type { LiveEventSettings } from './settings.js';
import { SubscriptionManager } from './subscription-manager.js';
import { createNotificationWebhook, type NotificationWebhook } from './webhook.js';

export interface LiveRuntimeOptions {
  graph: GraphService;
  settings: LiveEventSettings;
  logger: Logger;
  eventTarget?: JobEventTarget;
  onceSet?: OnceSet;
  leadership?: Leadership;
  /** The app's memory of whose jobs are whose, which the announcer feeds and asks. */
  ownership?: OwnershipMemory;
}

export interface LiveRuntime {
  readonly liveEvents: LiveEvents;
  readonly jobAnnouncer: JobAnnouncer;
  readonly webhook: NotificationWebhook;
  /** Starts the manager (when a notification URL is known) and reconciliation. */
  start(notificationUrl: string | null): void;
  /** Stops their timers and ends open subscriptions. Deletes no Graph subscription. */
  stop(): Promise<void>;
}

export function createLiveRuntime({
  graph,
  settings,
  logger,
  eventTarget,
  onceSet,
  leadership = new LocalLeadership(),
  ownership,
}: LiveRuntimeOptions): LiveRuntime {
  const liveEvents = new LiveEvents({
    ...(eventTarget ? { eventTarget } : {}),
    ...(onceSet ? { onceSet } : {}),
    subscriberLimits: { perCaller: settings.subscribersPerCaller, total: settings.subscribersMax },
  });
  const jobAnnouncer = new JobAnnouncer(graph, liveEvents, logger, {
    ...(ownership ? { ownership } : {}),
  });
  // Generated only where no URL was configured (the embedded emulator): it lives as long as
  // the subscriptions made with it. config.ts insists on a shared one otherwise.
  const clientState = settings.clientState ?? randomBytes(32).toString('base64url');
  let manager: SubscriptionManager | undefined;
  let reconciler: Reconciler | undefined;
  const webhook = createNotificationWebhook({
    clientState,
    logger,
    processor: createNotificationProcessor({
      announcer: jobAnnouncer,
      onceSet: liveEvents.onceSet,
      logger,
      dedupTtlMs: settings.dedupTtlMs,
      lifecycle: { reauthorize: async (id) => manager?.reauthorize(id) },
    }),
  });
  return {
    liveEvents,
    jobAnnouncer,
    webhook,
    start(notificationUrl) {
      if (notificationUrl && settings.manageSubscriptions) {
        manager = new SubscriptionManager(
          graph,
          leadership,
          {
            notificationUrl,
            clientState,
            lifetimeMs: settings.subscriptionLifetimeMs,
            renewAtFraction: settings.renewAtFraction,
            checkIntervalMs: settings.subscriptionCheckMs,
          },
          logger,
        );
        manager.start();
      }
      if (settings.reconcileIntervalMs > 0) {
        reconciler = new Reconciler(
          graph,
          jobAnnouncer,
          leadership,
          { intervalMs: settings.reconcileIntervalMs, maxPages: DEFAULT_RECONCILE_MAX_PAGES },
          logger,
        );
        reconciler.start();
      }
    },
    async stop() {
      // Streams first: they end at once, while a pass in progress may take a Graph call's time.
      liveEvents.close();
      await Promise.all([manager?.stop(), reconciler?.stop()]);
    },
  };
}
