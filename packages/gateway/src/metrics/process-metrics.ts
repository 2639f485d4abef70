/**
 * Node's process metrics (CPU, resident memory, heap, event-loop lag, GC), from prom-client's
 * `collectDefaultMetrics`, in a registry of their own created once per process: they describe
 * the process, not an app, and each collection starts observers (GC, event-loop delay) that
 * would pile up if every app instance of a test run started its own.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

export function processMetricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
