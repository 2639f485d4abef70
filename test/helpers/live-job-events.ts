/**
 * What a live-events test needs around the gateway: Graph's change notifications switched on
 * (the gateway's subscription manager subscribes at the emulator, which then posts to the
 * gateway's webhook), a job submitted the way a person's computer submits it (the emulator's
 * admin endpoint, which notifies), and a bounded wait for a condition.
 */
import { DEMO } from '@universal-print-gateway/emulator';
import { SubscriptionManager } from '../../packages/gateway/src/graph-notifications/subscription-manager.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { LocalLeadership } from '../../packages/gateway/src/shared-state/local/leadership.js';
import { CLIENT_STATE, type EmulatedTestGateway } from './test-gateway.js';

/**
 * Subscribes the gateway to Graph's notifications for the emulator's task definition and
 * returns the manager; the caller stops it.
 */
export async function startGraphNotifications(
  gateway: EmulatedTestGateway,
  lifetimeMs = 60 * 60_000,
  checkIntervalMs = 60_000,
): Promise<SubscriptionManager> {
  const manager = new SubscriptionManager(
    gateway.gateway.service,
    new LocalLeadership(),
    {
      notificationUrl: gateway.notificationUrl,
      clientState: CLIENT_STATE,
      lifetimeMs,
      renewAtFraction: 0.75,
      checkIntervalMs,
    },
    silentLogger,
  );
  gateway.live.lifecycle = manager;
  await manager.check();
  return manager;
}

/** Submits a job for `userId` through the emulator's admin endpoint, which notifies Graph's way. */
export async function submitJobAsPerson(
  gateway: EmulatedTestGateway,
  userId: string,
  printerId: string = DEMO.printers.floor1,
): Promise<{ id: string }> {
  const response = await fetch(`${gateway.emulator.url}/_emulator/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ printerId, userId }),
  });
  if (response.status !== 201) {
    throw new Error(`The emulator refused the job: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as { id: string };
}

/** Waits until `check` holds, polling; throws naming `what` after 5 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
