/** What can go wrong with a write's `idempotencyKey`; each is a member of the write's result union. */
import { GatewayError } from '../errors.js';

/** The key was used (by this caller, within its window) for a different operation or input. */
export class IdempotencyKeyReusedError extends GatewayError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super(
      'This idempotencyKey was already used for a different operation or input; nothing was ' +
        'sent to Microsoft Graph. Use a new key for a new write.',
    );
  }
}

/**
 * The first write with this key has not finished yet. The repeat is refused rather than kept
 * waiting: retry after a moment and get the first write's outcome.
 */
export class IdempotencyKeyInProgressError extends GatewayError {
  readonly code = 'IDEMPOTENCY_KEY_IN_PROGRESS';
  override readonly name = 'IdempotencyKeyInProgressError';
  constructor() {
    super(
      'The first write with this idempotencyKey is still in progress; nothing was sent to ' +
        'Microsoft Graph. Retry in a moment to get its outcome.',
    );
  }
}

/**
 * The shared store of keys (Redis) cannot be reached, so the gateway cannot promise one write:
 * it sends nothing. Writes without a key are still served.
 */
export class IdempotencyUnavailableError extends GatewayError {
  readonly code = 'IDEMPOTENCY_UNAVAILABLE';
  override readonly name = 'IdempotencyUnavailableError';
  constructor() {
    super(
      'Idempotency keys cannot be checked right now; nothing was sent to Microsoft Graph. ' +
        'Retry later, or send the write without idempotencyKey.',
    );
  }
}

export const IDEMPOTENCY_ERRORS = [
  IdempotencyKeyReusedError,
  IdempotencyKeyInProgressError,
  IdempotencyUnavailableError,
] as const;
