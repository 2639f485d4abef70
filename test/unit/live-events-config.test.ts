import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';

const base = { GATEWAY_ALLOW_ANONYMOUS: 'true' };

describe('live event settings', () => {
  it('defaults: no notification URL, 4,200-minute subscriptions (4,230 less a margin) renewed at 75%, 60 s reconciliation', () => {
    expect(loadConfig(base).liveEvents).toEqual({
      notificationUrl: null,
      manageSubscriptions: true,
      clientState: null,
      subscriptionLifetimeMs: 4_200 * 60_000,
      renewAtFraction: 0.75,
      subscriptionCheckMs: 60_000,
      reconcileIntervalMs: 60_000,
      dedupTtlMs: 600_000,
      subscribersPerCaller: 5,
      subscribersMax: 1_000,
    });
  });

  it('needs a shared clientState with a notification URL', () => {
    expect(() =>
      loadConfig({
        ...base,
        GATEWAY_NOTIFICATION_URL: 'https://gw.example.com/graph/notifications',
      }),
    ).toThrow(/GATEWAY_NOTIFICATION_CLIENT_STATE/);
    const config = loadConfig({
      ...base,
      GATEWAY_NOTIFICATION_URL: 'https://gw.example.com/graph/notifications',
      GATEWAY_NOTIFICATION_CLIENT_STATE: 'a-shared-secret-of-some-length',
    });
    expect(config.liveEvents.notificationUrl).toBe('https://gw.example.com/graph/notifications');
  });

  it.each([
    ['GATEWAY_NOTIFICATION_URL', 'http://gw.example.com/graph/notifications'],
    ['GATEWAY_NOTIFICATION_URL', 'https://gw.example.com/elsewhere'],
    ['GATEWAY_NOTIFICATION_URL', 'not a url'],
    ['GATEWAY_NOTIFICATION_CLIENT_STATE', 'short'],
    ['GATEWAY_NOTIFICATION_CLIENT_STATE', 'x'.repeat(129)],
    ['GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES', '4201'],
    ['GATEWAY_SUBSCRIPTION_RENEW_AT', '1'],
    ['GATEWAY_RECONCILE_INTERVAL_MS', '100'],
    ['GATEWAY_SUBSCRIPTIONS_PER_CALLER', '0'],
    ['GATEWAY_SUBSCRIPTIONS_MAX', 'many'],
    ['GATEWAY_GRAPH_SUBSCRIPTIONS', 'yes'],
  ])('refuses %s=%s, naming it', (name, value) => {
    const env = {
      ...base,
      GATEWAY_NOTIFICATION_CLIENT_STATE: 'a-shared-secret-of-some-length',
      [name]: value,
    };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('accepts 0 to turn reconciliation off', () => {
    expect(
      loadConfig({ ...base, GATEWAY_RECONCILE_INTERVAL_MS: '0' }).liveEvents.reconcileIntervalMs,
    ).toBe(0);
  });
});
