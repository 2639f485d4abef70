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

/** What the mixin returns when a line has every id already, or is not written in a request. */
export const NO_LOG_FIELDS: Readonly<{ requestId?: string; traceId?: string }> = Object.freeze({});

/**
 * The ids pino's `mixin` adds to a line: those of the request being served that the line does
 * not carry already (the access line carries its own). `NO_LOG_FIELDS` when none is
 * missing, so that `mergeLogFields` can write the line as it is.
 */
export function requestLogFields(line?: object): { requestId?: string; traceId?: string } {
  const scope = storage.getStore();
  const has = line as { requestId?: unknown; traceId?: unknown } | undefined;
  const requestId = has?.requestId === undefined ? scope?.requestId : undefined;
  const traceId =
    has?.traceId === undefined
      ? (activeTraceId() ?? scope?.traceId ?? scope?.incomingTraceId)
      : undefined;
  if (requestId === undefined && traceId === undefined) return NO_LOG_FIELDS;
  return {
    ...(requestId === undefined ? {} : { requestId }),
    ...(traceId === undefined ? {} : { traceId }),
  };
}

/**
 * pino's `mixinMergeStrategy`: the line's own fields win, as with pino's default, but a line
 * that needs nothing added is not copied field by field into a new object (in a profile of a
 * release, that copy was the costliest JavaScript function of the gateway's own code path).
 */
export function mergeLogFields(line: object, fields: object): object {
  return fields === NO_LOG_FIELDS ? line : Object.assign(fields, line);
}
