/** The description of every write's `idempotencyKey` argument (src/idempotency/guard.ts). */
export const IDEMPOTENCY_KEY =
  'Makes a retry of this write safe: a repeat with the same key and the same input, by the ' +
  'same caller, within the idempotency window, returns the first successful outcome without ' +
  'writing to Microsoft Graph again. The same key with other input is ' +
  'IdempotencyKeyReusedError; a repeat while the first is running, ' +
  'IdempotencyKeyInProgressError. A failed write gives its key back. 8-128 characters of ' +
  'letters, digits and . _ : - (a UUID fits).';

/** The same for a bulk write, which is remembered with the failures of its items. */
export const BULK_IDEMPOTENCY_KEY =
  'Makes a retry of this list safe: a repeat with the same key and the same input, by the same ' +
  'caller, within the idempotency window, returns the first answer, every item’s result as it ' +
  'was (failed items included), without writing to Microsoft Graph again; send failed items ' +
  'again under a new key. The same key with other input is IdempotencyKeyReusedError; a ' +
  'repeat while the first is running, IdempotencyKeyInProgressError. A list refused as a ' +
  'whole (invalid input, request budget), or whose every item was refused before being sent, ' +
  'gives its key back. 8-128 characters of letters, digits and . _ : - (a UUID fits).';
