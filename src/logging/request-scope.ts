/**
 * What the log knows about the HTTP request being served, wherever the code logging runs
 * (a resolver, the Graph layer, the audit log): AsyncLocalStorage carries it through every
 * await, so nothing passes a logger or an id around. The access line is assembled from it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { activeTraceId } from './trace-ids.js';

export interface OperationSeen {
  /** The operation's name, or null for an anonymous one. */
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
}

/** Who called, as log lines show it: a kind and an id that is not a secret. */
export interface CallerSeen {
  readonly kind: 'person' | 'app' | 'service-key' | 'anonymous';
  /** A person's `oid`, an app's app id, a service key's name; none for anonymous. */
  readonly id?: string;
}

export interface RequestScope {
  readonly requestId: string;
  /** From a valid incoming `traceparent`: the trace id when no span is active (tracing off). */
  readonly incomingTraceId: string | undefined;
  /** The trace id seen while the app ran (a span is active there once tracing is on). */
  traceId: string | undefined;
  readonly operations: OperationSeen[];
  caller: CallerSeen | undefined;
  /** `extensions.code` of every GraphQL error in the results, in order, repeats removed. */
  readonly errorCodes: string[];
  /** Whether a GraphQL result was produced (else the answer was a refusal, or a probe). */
  executed: boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** The ids pino's `mixin` adds to every line; nothing outside a request. */
export function requestLogFields(): { requestId?: string; traceId?: string } {
  const scope = storage.getStore();
  const traceId = activeTraceId() ?? scope?.traceId ?? scope?.incomingTraceId;
  return {
    ...(scope ? { requestId: scope.requestId } : {}),
    ...(traceId ? { traceId } : {}),
  };
}
