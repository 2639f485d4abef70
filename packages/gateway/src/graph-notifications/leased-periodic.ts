/**
 * A periodic duty that only the holder of a lease performs (managing Graph subscriptions,
 * reconciling). Besides its schedule it runs as soon as leases become acquirable: a replica whose
 * Redis connects after start-up, or comes back after an outage, takes up the duty then, not an
 * interval later (60 s by default, with no Graph subscription meanwhile).
 */
import type { Leadership } from '../shared-state/contracts.js';
import { type Periodic, startPeriodic } from './periodic.js';

export function startLeasedPeriodic(
  task: () => Promise<void>,
  intervalMs: number,
  leadership: Leadership,
): Periodic {
  const loop = startPeriodic(task, intervalMs);
  leadership.onAcquirable(() => void loop.runNow());
  return loop;
}
