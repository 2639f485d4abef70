/**
 * One span per GraphQL operation, a child of the request span; a batched GraphQL-over-HTTP
 * request gets one per operation. Execution runs inside it, so the Graph exchanges its resolvers
 * cause are its children (an envelope shared by two operations of one batched request hangs
 * under the operation whose call opened it).
 */
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tracer } from './tracer.js';

/**
 * The `__typename` of each root field's value, when the document asked for it: the gateway's
 * results are unions, so this is the outcome (`UpdatePrintTaskSuccess`, `NotFoundError`, ...).
 */
function rootTypenames(result: ExecutionResult): string[] {
  const data = result.data ?? {};
  return Object.values(data).flatMap((value) => {
    const typename = (value as { __typename?: unknown } | null)?.__typename;
    return typeof typename === 'string' ? [typename] : [];
  });
}

export function useOperationSpans(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'unknown';
      const name = operation?.name?.value;
      const span = tracer.startSpan(name ? `${type} ${name}` : type, {
        attributes: {
          'graphql.operation.type': type,
          ...(name ? { 'graphql.operation.name': name } : {}),
        },
      });
      // Not recorded (tracing off, or not sampled): nothing to wrap, nothing to describe.
      if (!span.isRecording()) return;
      const active = trace.setSpan(context.active(), span);
      setExecuteFn((executionArgs) => context.with(active, () => executeFn(executionArgs)));
      return {
        onExecuteDone({ result }) {
          // A subscription's stream would outlive this hook; this gateway serves none.
          if (Symbol.asyncIterator in result) {
            span.end();
            return;
          }
          const errors = result.errors ?? [];
          const typenames = rootTypenames(result);
          span.setAttribute('graphql.response.errors', errors.length);
          if (typenames.length > 0) span.setAttribute('graphql.result.typenames', typenames);
          if (errors.length > 0) {
            const code = errors[0]?.extensions?.['code'];
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: typeof code === 'string' ? code : 'GRAPHQL_ERROR',
            });
          }
          span.end();
        },
      };
    },
  };
}
