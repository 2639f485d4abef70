/**
 * Which errors refused a write before it was sent: the write's own checks (permission, the
 * person it acts for, whose job it is) threw them, so Graph was sent no write at all. Reads may
 * have been sent (an ownership check reads the job); nothing was changed. A bulk write whose
 * every item ended so is not kept under its idempotency key (src/idempotency/guard.ts): its retry
 * is checked again, as a refused single write's is.
 */
const refusals = new WeakSet<object>();

export function markRefusedBeforeWriting(error: unknown): void {
  if (typeof error === 'object' && error !== null) refusals.add(error);
}

export function refusedBeforeWriting(outcome: unknown): boolean {
  return typeof outcome === 'object' && outcome !== null && refusals.has(outcome);
}
