/**
 * Idempotency keys' settings: the defaults the stores and the guard use, and this module's piece
 * of the environment, which src/config.ts composes.
 */
import { z } from 'zod';

/** A repeat of a write's `idempotencyKey` within this many seconds returns the first outcome. */
export const DEFAULT_IDEMPOTENCY_WINDOW_SECONDS = 600;
/**
 * Keys one caller (a person, an app, a service key) holds at once, in memory and in Redis: past
 * it, its new key drops its own oldest. A release station app is one caller for all its
 * stations, so this covers a site's keyed writes within the window.
 */
export const DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER = 1_000;
export const MAX_IDEMPOTENCY_KEYS_PER_CALLER = 100_000;

export const IDEMPOTENCY_ENV = {
  IDEMPOTENCY_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_IDEMPOTENCY_WINDOW_SECONDS),
  IDEMPOTENCY_MAX_KEYS_PER_CALLER: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_IDEMPOTENCY_KEYS_PER_CALLER)
    .default(DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER),
};
