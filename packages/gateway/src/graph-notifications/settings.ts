/**
 * Live job events' settings (docs/subscriptions.md): where Graph delivers notifications, the
 * Graph subscriptions' lifetime, reconciliation, de-duplication and the subscriber caps.
 * src/config.ts composes this piece.
 */
import { z } from 'zod';
import { DEFAULT_SUBSCRIBER_LIMITS } from '../live-events/subscriber-limits.js';
import { ConfigError, type EnvOf, isLoopback, nonEmpty } from '../settings/env.js';
import { DEFAULT_NOTIFICATION_DEDUP_TTL_MS } from './notification-processor.js';
import { DEFAULT_RECONCILE_INTERVAL_MS } from './reconciliation.js';
import { DEFAULT_SUBSCRIPTION_MINUTES, MIN_SUBSCRIPTION_MINUTES } from './subscription-lifetime.js';

export interface LiveEventSettings {
  /**
   * Where Graph delivers notifications (`GATEWAY_NOTIFICATION_URL`); null: no webhook and no
   * Graph subscriptions (on the embedded emulator, main.ts derives it from the listening port).
   */
  notificationUrl: string | null;
  /** Whether this process creates and renews Graph subscriptions (the webhook is served anyway). */
  manageSubscriptions: boolean;
  /** The clientState every subscription is created with; null: generated at start. */
  clientState: string | null;
  subscriptionLifetimeMs: number;
  renewAtFraction: number;
  subscriptionCheckMs: number;
  /** 0: no reconciliation. */
  reconcileIntervalMs: number;
  dedupTtlMs: number;
  subscribersPerCaller: number;
  subscribersMax: number;
}

export const LIVE_EVENTS_ENV = {
  GATEWAY_NOTIFICATION_URL: nonEmpty,
  GATEWAY_GRAPH_SUBSCRIPTIONS: z.enum(['true', 'false']).default('true'),
  GATEWAY_NOTIFICATION_CLIENT_STATE: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(128, "must be at most 128 characters (Graph's limit)")
    .optional(),
  // At most Graph's 4,230 less a margin for a clock ahead of Graph's (subscription-lifetime.ts).
  GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES: z.coerce
    .number()
    .int()
    .min(MIN_SUBSCRIPTION_MINUTES)
    .max(DEFAULT_SUBSCRIPTION_MINUTES)
    .default(DEFAULT_SUBSCRIPTION_MINUTES),
  GATEWAY_SUBSCRIPTION_RENEW_AT: z.coerce.number().min(0.1).max(0.95).default(0.75),
  GATEWAY_SUBSCRIPTION_CHECK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  GATEWAY_RECONCILE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 5_000 && ms <= 3_600_000), '0 (off) or 5000–3600000')
    .default(DEFAULT_RECONCILE_INTERVAL_MS),
  GATEWAY_NOTIFICATION_DEDUP_TTL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(86_400_000)
    .default(DEFAULT_NOTIFICATION_DEDUP_TTL_MS),
  GATEWAY_SUBSCRIPTIONS_PER_CALLER: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(DEFAULT_SUBSCRIBER_LIMITS.perCaller),
  GATEWAY_SUBSCRIPTIONS_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(DEFAULT_SUBSCRIBER_LIMITS.total),
};

type LiveEventsEnv = EnvOf<typeof LIVE_EVENTS_ENV>;

export function liveEventSettings(vars: LiveEventsEnv): LiveEventSettings {
  const notificationUrl = vars.GATEWAY_NOTIFICATION_URL
    ? publicNotificationUrl(vars.GATEWAY_NOTIFICATION_URL)
    : null;
  const clientState = vars.GATEWAY_NOTIFICATION_CLIENT_STATE ?? null;
  if (notificationUrl && clientState === null) {
    // Replicas behind one URL must share it, and it must survive restarts: Graph keeps sending
    // the one a subscription was created with.
    throw new ConfigError(
      'GATEWAY_NOTIFICATION_URL needs GATEWAY_NOTIFICATION_CLIENT_STATE (16–128 characters), ' +
        'the same on every replica: it is how notifications prove they come from our subscriptions',
    );
  }
  return {
    notificationUrl,
    manageSubscriptions: vars.GATEWAY_GRAPH_SUBSCRIPTIONS === 'true',
    clientState,
    subscriptionLifetimeMs: vars.GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES * 60_000,
    renewAtFraction: vars.GATEWAY_SUBSCRIPTION_RENEW_AT,
    subscriptionCheckMs: vars.GATEWAY_SUBSCRIPTION_CHECK_MS,
    reconcileIntervalMs: vars.GATEWAY_RECONCILE_INTERVAL_MS,
    dedupTtlMs: vars.GATEWAY_NOTIFICATION_DEDUP_TTL_MS,
    subscribersPerCaller: vars.GATEWAY_SUBSCRIPTIONS_PER_CALLER,
    subscribersMax: vars.GATEWAY_SUBSCRIPTIONS_MAX,
  };
}

/** Graph posts only to https; plain http is accepted on loopback (the emulator). */
function publicNotificationUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`GATEWAY_NOTIFICATION_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      `GATEWAY_NOTIFICATION_URL must use https (plain http only on loopback): ${raw}`,
    );
  }
  if (!url.pathname.endsWith('/graph/notifications') || url.search || url.hash || url.username) {
    throw new ConfigError(
      "GATEWAY_NOTIFICATION_URL is the public URL of this gateway's /graph/notifications, " +
        `with no query or credentials: ${raw}`,
    );
  }
  return url.href;
}
