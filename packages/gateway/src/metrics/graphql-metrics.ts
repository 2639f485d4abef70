/**
 * `graphql_operation_duration_seconds`: one observation per GraphQL operation (a batched HTTP
 * request has several), from its parameters being read to its result being ready, labelled by
 * operation name, result and outcome. docs/operations.md#metrics says what each value means.
 *
 * Label values come from clients, so each is bounded (bounded-label.ts): an attacker sending
 * 100,000 random operation names adds at most `maxOperationNames` series sets, then `other`.
 */

import type { GraphSession } from '@universal-print-gateway/graph-client';
import type { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { getOperationAST, isObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Histogram, type Registry } from 'prom-client';
import { BoundedLabel, OTHER } from './bounded-label.js';
import { instrumentRootFields, type RootOutcomes, watch } from './root-outcomes.js';
import type { UpstreamMetrics } from './upstream-metrics.js';

export interface GraphQLMetricsOptions {
  /** Distinct operation names with series of their own; later ones are `other`. @default 50 */
  maxOperationNames: number;
}

export const DEFAULT_MAX_OPERATION_NAMES = 50;

/** Distinct result values: the schema's result types and error codes are far fewer. */
export const MAX_RESULT_VALUES = 64;
/** Distinct (operation, result) pairs per allowed operation name. */
export const PAIRS_PER_OPERATION_NAME = 10;

export const OPERATION_SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Operation label values that are not names. */
export const ANONYMOUS = 'anonymous';
export const UNKNOWN = 'unknown';

interface Operation {
  readonly started: number;
  /** The operation's name, '' when it has none; unset until a document parsed. */
  name?: string;
  valid: boolean;
  roots?: RootOutcomes;
}

type Result = ExecutionResult | AsyncIterable<ExecutionResult> | undefined;

export class GraphQLMetrics {
  readonly duration: Histogram<'operation' | 'result' | 'outcome'>;
  private readonly names: BoundedLabel;
  private readonly results = new BoundedLabel(MAX_RESULT_VALUES);
  private readonly pairs: BoundedLabel;

  constructor(registry: Registry, options: GraphQLMetricsOptions) {
    this.names = new BoundedLabel(options.maxOperationNames);
    this.pairs = new BoundedLabel(options.maxOperationNames * PAIRS_PER_OPERATION_NAME);
    this.duration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations, from parameters read to result ready, by operation name, result (root type name or error code) and outcome.',
      labelNames: ['operation', 'result', 'outcome'] as const,
      buckets: OPERATION_SECONDS_BUCKETS,
      registers: [registry],
    });
  }

  /**
   * Operation names that always get series of their own (src/metrics/bounded-label.ts): the
   * trusted documents' and the gateway's own, which createApp passes.
   */
  trustOperationNames(names: Iterable<string>): void {
    this.names.trust(names);
  }

  observe(operation: Operation, result: Result, schema: GraphQLSchema | undefined): void {
    const seconds = (performance.now() - operation.started) / 1000;
    const { value, error } = resultOf(result, operation.roots, schema);
    const resultLabel = this.results.of(value);
    let name =
      operation.name === undefined
        ? UNKNOWN
        : operation.name === ''
          ? ANONYMOUS
          : this.names.of(operation.name, { admit: operation.valid });
    // A trusted name's pairs are bounded by the results (MAX_RESULT_VALUES), and must not be
    // crowded out by untrusted names' pairs either.
    if (!this.names.isTrusted(name) && this.pairs.of(`${name}\n${resultLabel}`) === OTHER) {
      name = OTHER;
    }
    this.duration.observe(
      { operation: name, result: resultLabel, outcome: error ? 'error' : 'success' },
      seconds,
    );
  }
}

/** The yoga plugin that feeds `GraphQLMetrics`, and the per-request Graph budget histogram. */
export function useGraphQLMetrics(metrics: GraphQLMetrics, upstream: UpstreamMetrics): Plugin {
  const operations = new WeakMap<object, Operation>();
  const sessions = new WeakMap<Request, GraphSession>();
  let schema: GraphQLSchema | undefined;
  return {
    onSchemaChange({ schema: changed }) {
      schema = changed;
      instrumentRootFields(changed);
    },
    onParams({ context }) {
      operations.set(context, { started: performance.now(), valid: false });
    },
    onValidate({ context, params }) {
      const operation = operations.get(context);
      if (!operation) return;
      const { operationName } = (context as { params?: { operationName?: string } }).params ?? {};
      const ast = getOperationAST(params.documentAST, operationName);
      if (ast) operation.name = ast.name?.value ?? '';
      return ({ valid }) => {
        operation.valid = valid;
      };
    },
    onExecute({ args }) {
      const operation = operations.get(args.contextValue as object);
      if (operation) operation.roots = watch(args.contextValue as object);
    },
    onExecutionResult({ context, result }) {
      const operation = operations.get(context);
      if (!operation) return;
      operations.delete(context);
      metrics.observe(operation, result, schema);
      const graph = (context as { graph?: GraphSession }).graph;
      if (graph) sessions.set(context.request, graph);
    },
    onResultProcess({ request }) {
      const graph = sessions.get(request);
      if (!graph) return;
      sessions.delete(request);
      upstream.requestUsed(graph.callsUsed);
    },
  };
}

/**
 * One value for the whole operation: the first root field (in document order) that failed,
 * as its error type name (`NotFoundError`) or, when it failed outright, its error code; else
 * the first root field's type name. Failed before execution: the first error's code.
 */
function resultOf(
  result: Result,
  roots: RootOutcomes | undefined,
  schema: GraphQLSchema | undefined,
): { value: string; error: boolean } {
  if (!result || Symbol.asyncIterator in result) return { value: 'stream', error: false };
  const errors = result.errors ?? [];
  const data = result.data as Record<string, unknown> | null | undefined;
  if (!data) return { value: codeOf(errors[0]), error: true };
  let first: { value: string; error: boolean } | undefined;
  for (const key of Object.keys(data)) {
    const failure = data[key] === null ? errors.find((e) => e.path?.[0] === key) : undefined;
    const outcome = failure
      ? { value: codeOf(failure), error: true }
      : {
          value: roots?.get(key) ?? 'null',
          error: isErrorType(schema, roots?.get(key)),
        };
    if (outcome.error) return outcome;
    first ??= outcome;
  }
  return first ?? { value: 'empty', error: false };
}

function codeOf(error: GraphQLError | undefined): string {
  const code = error?.extensions?.['code'];
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Result union members that report a failure implement the schema's `Error` interface. */
function isErrorType(schema: GraphQLSchema | undefined, name: string | undefined): boolean {
  const type = name ? schema?.getType(name) : undefined;
  return isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Error');
}
