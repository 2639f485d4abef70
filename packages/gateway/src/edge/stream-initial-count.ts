/**
 * `@stream(initialCount:)` between 0 and MAX_STREAM_INITIAL_COUNT, checked before anything
 * runs. Validation cannot see a count given as a variable, so this looks at the document with
 * the request's variables, as execution would: a literal and `$count` are refused alike, with
 * HTTP 400 and nothing sent to Graph. A count that is not an Int at all is left to graphql-js,
 * which refuses it as any other wrongly typed argument.
 */
import {
  type DocumentNode,
  type GraphQLError,
  GraphQLInt,
  Kind,
  valueFromAST,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './limit-error.js';
import { LIMIT_CODES, MAX_STREAM_INITIAL_COUNT } from './limits.js';

/** The first `@stream` whose initialCount is out of range, as an error; null when none is. */
export function streamInitialCountViolation(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  let violation: GraphQLError | null = null;
  visit(document, {
    Directive(node) {
      if (violation || node.name.value !== 'stream') return;
      const argument = node.arguments?.find((arg) => arg.name.value === 'initialCount');
      if (!argument) return;
      const count = valueFromAST(argument.value, GraphQLInt, variables ?? undefined);
      if (typeof count !== 'number') return;
      if (count < 0 || count > MAX_STREAM_INITIAL_COUNT) {
        const given =
          argument.value.kind === Kind.VARIABLE ? ` ($${argument.value.name.value})` : '';
        violation = limitError(
          LIMIT_CODES.streamInitialCount,
          `@stream initialCount${given} must be between 0 and ${MAX_STREAM_INITIAL_COUNT}, got ${count}.`,
        );
      }
    },
  });
  return violation;
}

interface CheckedOperation {
  args: { document: DocumentNode; variableValues?: Record<string, unknown> | null | undefined };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}

export function useStreamInitialCountLimit(): Plugin {
  const check = ({ args, setResultAndStopExecution }: CheckedOperation) => {
    const violation = streamInitialCountViolation(args.document, args.variableValues);
    if (violation) setResultAndStopExecution({ errors: [violation] });
  };
  // A subscription's events may stream a list too.
  return { onExecute: check, onSubscribe: check };
}
