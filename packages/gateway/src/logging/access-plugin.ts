/**
 * What only the GraphQL layer knows about a request, written into its request scope for the
 * access line: the operations run (each one of a batch), the caller, the trace id while a span
 * is active, and the codes of the errors in the results: top-level ones, and the typed errors
 * answered as data in result unions (`noteTypedError`, called by the schema's errors plugin).
 * Outside a request scope (tests calling `yoga.fetch`) it does nothing.
 */
import { type DocumentNode, type ExecutionResult, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Caller } from '../auth/caller.js';
import { callerFields } from './caller-fields.js';
import { currentRequestScope } from './request-scope.js';
import { activeTraceId } from './trace-ids.js';

export function useAccessLogFields(): Plugin {
  return {
    onRequest() {
      const scope = currentRequestScope();
      // Inside the app call the request's SERVER span, when tracing is on, is the active one.
      if (scope) scope.traceId ??= activeTraceId();
    },
    // At parse time, not execution: an operation that fails validation is listed too.
    onParse({ context }) {
      const scope = currentRequestScope();
      if (!scope) return;
      return ({ result }) => {
        if (!isDocument(result)) return;
        const { params } = context as { params?: { operationName?: string | null } };
        const operation = getOperationAST(result, params?.operationName ?? undefined);
        scope.operations.push({
          name: operation?.name?.value ?? params?.operationName ?? null,
          type: operation?.operation ?? 'query',
        });
      };
    },
    onExecute({ args }) {
      const scope = currentRequestScope();
      const { caller } = args.contextValue as { caller?: Caller };
      if (scope && caller && !scope.caller) scope.caller = callerFields(caller);
    },
    onResultProcess({ result }) {
      const scope = currentRequestScope();
      if (!scope) return;
      scope.executed = true;
      // A stream (subscriptions, @defer) is not read here: the gateway serves neither.
      if (Symbol.asyncIterator in result) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        addErrorCodes(scope.errorCodes, single);
      }
    },
  };
}

function addErrorCodes(codes: string[], result: ExecutionResult): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions?.['code'];
    addCode(codes, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
}

/**
 * A typed error (`NotFoundError`, `UpstreamUnavailableError`, …) answered as a union member: the
 * answer is a 200 without `errors`, but it did not do what was asked. Its code goes on the
 * access line; the line of a write's audit has it too.
 */
export function noteTypedError(error: Error): void {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return;
  const scope = currentRequestScope();
  if (scope) addCode(scope.errorCodes, code);
}

function addCode(codes: string[], code: string): void {
  // Bounded by the schema: one entry per distinct code.
  if (!codes.includes(code)) codes.push(code);
}

function isDocument(value: unknown): value is DocumentNode {
  return (value as DocumentNode | null)?.kind === Kind.DOCUMENT;
}
