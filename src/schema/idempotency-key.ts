/** The description of every write's `idempotencyKey` argument (src/idempotency/guard.ts). */
export const IDEMPOTENCY_KEY =
  'Makes a retry of this write safe: a repeat with the same key and the same input, by the ' +
  'same caller, within the idempotency window, returns the first successful outcome without ' +
  'writing to Microsoft Graph again. The same key with other input is ' +
  'IdempotencyKeyReusedError; a repeat while the first is running, ' +
  'IdempotencyKeyInProgressError. A failed write gives its key back. 8-128 characters of ' +
  'letters, digits and . _ : - (a UUID fits).';
