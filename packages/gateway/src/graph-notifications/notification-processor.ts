/**
 * What the webhook hands on, acted on: repeats dropped (Graph may deliver a notification twice,
 * and replicas share the `OnceSet`), created tasks announced, `reauthorizationRequired` passed to
 * the subscription manager. Print notifications carry no resource data, so the announcer reads
 * the task and its job.
 */

import type { GraphSession } from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { JobAnnouncer } from '../live-events/job-announcer.js';
import type { OnceSet } from '../shared-state/contracts.js';
import { type GraphNotification, notifiedTask } from './notification-body.js';
import type { NotificationProcessor } from './webhook.js';

/** @default 10 minutes: longer than Graph's redelivery of one notification usually takes. */
export const DEFAULT_NOTIFICATION_DEDUP_TTL_MS = 10 * 60 * 1_000;

export interface LifecycleHandler {
  reauthorize(subscriptionId: string): Promise<void>;
}

export interface ProcessorOptions {
  announcer: JobAnnouncer;
  onceSet: OnceSet;
  logger: Logger;
  /** The subscription manager, where this process runs one. */
  lifecycle?: LifecycleHandler;
  dedupTtlMs?: number;
}

export function createNotificationProcessor({
  announcer,
  onceSet,
  logger,
  lifecycle,
  dedupTtlMs = DEFAULT_NOTIFICATION_DEDUP_TTL_MS,
}: ProcessorOptions): NotificationProcessor {
  const handle = async (item: GraphNotification, graph: () => GraphSession): Promise<void> => {
    if (item.lifecycleEvent !== undefined) {
      const key = `lifecycle:${item.subscriptionId}:${item.lifecycleEvent}`;
      if (!(await onceSet.firstSighting(key, dedupTtlMs))) return;
      if (item.lifecycleEvent === 'reauthorizationRequired' && lifecycle) {
        await lifecycle.reauthorize(item.subscriptionId);
      } else {
        logger.info(
          {
            lifecycleEvent: item.lifecycleEvent,
            subscriptionId: item.subscriptionId,
          },
          'Lifecycle notification not acted on',
        );
      }
      return;
    }
    const key = `change:${item.subscriptionId}:${item.resource}:${item.changeType}`;
    if (!(await onceSet.firstSighting(key, dedupTtlMs))) return;
    const task = item.changeType === 'created' ? notifiedTask(item) : null;
    if (!task) {
      logger.info(
        {
          changeType: item.changeType,
          subscriptionId: item.subscriptionId,
        },
        'Notification not acted on',
      );
      return;
    }
    await announcer.taskCreated(task.taskDefinitionId, task.taskId, graph());
  };
  return {
    async process(notifications) {
      // One session for the POST, opened only if a notification needs Graph.
      let session: GraphSession | undefined;
      const graph = () => {
        session ??= announcer.newSession();
        return session;
      };
      await Promise.all(
        notifications.map((item) =>
          handle(item, graph).catch((error: unknown) =>
            logger.warn(
              {
                code: 'NOTIFICATION_FAILED',
                subscriptionId: item.subscriptionId,
                error: String(error),
              },
              'A notification failed',
            ),
          ),
        ),
      );
    },
  };
}
