/**
 * What tests of live events share: Graph's subscription to a test gateway's webhook (so that a
 * job submitted to the emulator is announced WAITING), and waiting for a condition to hold.
 */
import { SubscriptionManager } from '../../packages/gateway/src/graph-notifications/subscription-manager.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { LocalLeadership } from '../../packages/gateway/src/shared-state/local/leadership.js';
import { CLIENT_STATE, type EmulatedTestGateway } from './test-gateway.js';

/** Creates Graph's subscriptions to `gateway`'s webhook; the caller stops the manager. */
export async function notifyTheGateway(gateway: EmulatedTestGateway): Promise<SubscriptionManager> {
  const manager = new SubscriptionManager(
    gateway.gateway.service,
    new LocalLeadership(),
    {
      notificationUrl: gateway.notificationUrl,
      clientState: CLIENT_STATE,
      lifetimeMs: 60 * 60_000,
      renewAtFraction: 0.75,
      checkIntervalMs: 60_000,
    },
    silentLogger,
  );
  await manager.check();
  return manager;
}

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
