/** A repeat of a write's `idempotencyKey` within this many seconds returns the first outcome. */
export const DEFAULT_IDEMPOTENCY_WINDOW_SECONDS = 600;
/**
 * Keys one caller (a person, an app, a service key) holds at once, in memory and in Redis: past
 * it, its new key drops its own oldest. A release station app is one caller for all its
 * stations, so this covers a site's keyed writes within the window.
 */
export const DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER = 1_000;
export const MAX_IDEMPOTENCY_KEYS_PER_CALLER = 100_000;
