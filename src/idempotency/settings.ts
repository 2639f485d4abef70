/** A repeat of a write's `idempotencyKey` within this many seconds returns the first outcome. */
export const DEFAULT_IDEMPOTENCY_WINDOW_SECONDS = 600;
