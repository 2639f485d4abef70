/**
 * The frame every write mutation shares, declared once: write access (scope-auth, and the router
 * directives), a refusal written to the audit for each target before it is thrown, a result union
 * with the idempotency errors, the optional `idempotencyKey` argument, and the write run under it
 * (src/idempotency/guard.ts). A mutation file states only what is its own: input, result, what
 * the audit names, and the write itself.
 *
 * A function rather than a Pothos plugin: the frame adds arguments and error unions, which the
 * errors and scope-auth plugins must see as if written on the field; a plugin would have to run
 * before them and rebuild what they read.
 *
 * The union and result types are named after the field (`abortPrintJob`: AbortPrintJobResult;
 * `abortPrintJobs`: AbortPrintJobsResult, AbortPrintJobsSuccess, AbortPrintJobsItemResult), so
 * every write's types follow one pattern.
 */
import type { InputObjectRef, ObjectRef, SchemaTypes } from '@pothos/core';
import type { AuditedOperation } from '../audit/audit-log.js';
import type { Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { refuseWrites, type WriteContext } from '../domain/writes.js';
import { IDEMPOTENCY_ERRORS } from '../idempotency/errors.js';
import { builder } from './builder.js';
import { BULK_LIST_ERRORS, keyedBulkWrite, writeEach } from './bulk-writes.js';
import { GRAPH_WRITE_ERRORS } from './errors/error-types.js';
import { type PRINT_ACCESS, WRITE_ACCESS } from './field-permissions.js';
import { BULK_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY } from './idempotency-key.js';
import { bulkInputs, idempotencyKey } from './validation.js';

type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : SchemaTypes;

/** One thing a refused write names in the audit: its target, and whom a station acted for. */
export type AuditedTarget = Parameters<typeof refuseWrites>[2][number];

/** An error class of a result union; the errors plugin matches by `instanceof`. */
type ErrorClass = new (...args: never[]) => Error;

/** What every write says of itself. */
interface Write<Input extends object, Result extends object> {
  description: string;
  /** The input type: the argument `input`, or each item of `inputs` for a bulk write. */
  input: InputObjectRef<BuilderTypes, Input>;
  /** What one write answers when it succeeds. */
  result: ObjectRef<BuilderTypes, Result>;
}

/** Under which operation the audit records a refusal, and what each input targets. */
interface AuditOfEach<Input> {
  audit: { operation: AuditedOperation; target: (input: Input) => AuditedTarget };
}

/** Who may call a write: the release writes' rule unless a write names its own. */
type Access = typeof WRITE_ACCESS | typeof PRINT_ACCESS;

/** One write: `name(input, idempotencyKey)`, its result or a typed error. */
export function writeMutation<Input extends object, Result extends object>(
  name: string,
  options: Write<Input, Result> &
    AuditOfEach<Input> & {
      write: (context: GatewayContext, input: Input) => Promise<Result>;
      /** @default WRITE_ACCESS */
      access?: Access;
      /** Errors of this write beyond every write's (e.g. Entra's refusals of a person's token). */
      errors?: readonly ErrorClass[];
      /**
       * `input`: the key is the input's own `idempotencyKey` field (a name clients were promised),
       * not an argument of its own; it is left out of what the key's fingerprint covers.
       * @default 'argument'
       */
      idempotencyKeyIn?: 'argument' | 'input';
    },
): void {
  const { audit, write } = options;
  const keyInInput = options.idempotencyKeyIn === 'input';
  declareWrite(name, {
    ...erased(options),
    shape: 'one',
    access: options.access ?? WRITE_ACCESS,
    keyArgument: !keyInInput,
    errors: [...GRAPH_WRITE_ERRORS, ...(options.errors ?? []), ...IDEMPOTENCY_ERRORS],
    audit: { operation: audit.operation, targets: (input) => [audit.target(input as Input)] },
    run: (context, input, argumentKey) => {
      const { idempotencyKey: inputKey, ...rest } = input as { idempotencyKey?: string | null };
      const [key, fingerprinted] = keyInInput ? [inputKey, rest] : [argumentKey, input];
      return context.idempotency.run(context.caller, name, key, fingerprinted, () =>
        write(context, input as Input),
      );
    },
  });
}

/**
 * The same write for a list: `name(inputs, idempotencyKey)`, each item with its own result or
 * typed error, the list written as bulk-writes.ts says (one budget, one tick, all settled).
 */
export function bulkWriteMutation<Input extends object, Result extends object>(
  name: string,
  options: Write<Input, Result> &
    AuditOfEach<Input> & {
      /** The Graph calls one item may make, its ownership reads included. */
      callsFor: (caller: Caller, input: Input) => number;
      write: (prepaid: WriteContext, input: Input) => Promise<Result>;
    },
): void {
  const { audit, callsFor, write } = options;
  declareWrite(name, {
    ...erased(options),
    shape: 'bulk',
    access: WRITE_ACCESS,
    keyArgument: true,
    errors: [...BULK_LIST_ERRORS],
    audit: {
      operation: audit.operation,
      targets: (inputs) => (inputs as Input[]).map(audit.target),
    },
    run: (context, inputs, key) =>
      keyedBulkWrite(context, name, key, inputs, () =>
        writeEach(context, inputs as Input[], (input) => callsFor(context.caller, input), write),
      ),
  });
}

/**
 * A write of one input that answers a list, each item carrying its own outcome (a release of
 * several jobs): `name(input, idempotencyKey)`, refused whole only by `errors`.
 */
export function listWriteMutation<Input extends object, Item extends object>(
  name: string,
  options: Write<Input, Item> & {
    errors: readonly ErrorClass[];
    audit: { operation: AuditedOperation; targets: (input: Input) => AuditedTarget[] };
    write: (context: GatewayContext, input: Input) => Promise<Item[]>;
    /** What tells whether an item was sent to Graph (bulk-writes.ts, `keyedBulkWrite`). */
    itemOutcome: (item: Item) => unknown;
  },
): void {
  const { audit, write, itemOutcome } = options;
  declareWrite(name, {
    ...erased(options),
    shape: 'list',
    access: WRITE_ACCESS,
    keyArgument: true,
    errors: [...options.errors],
    audit: { operation: audit.operation, targets: (input) => audit.targets(input as Input) },
    run: (context, input, key) =>
      keyedBulkWrite(context, name, key, input, () => write(context, input as Input), itemOutcome),
  });
}

/**
 * Pothos computes argument and resolver shapes with conditional types, which stay unresolved on
 * a type parameter: the frame below is written against plain objects, and the exported signatures
 * keep each mutation's input, result and write tied together.
 */
const erased = <Input extends object, Result extends object>(options: Write<Input, Result>) => ({
  description: options.description,
  input: options.input as unknown as InputObjectRef<BuilderTypes, object>,
  result: options.result as unknown as ObjectRef<BuilderTypes, object>,
});

/**
 * `one`: `input`, one result. `bulk`: `inputs`, a list of `input`, each item with its own result
 * or typed error. `list`: `input`, a list of results that carry their own outcomes.
 */
type Shape = 'one' | 'bulk' | 'list';

interface Frame {
  shape: Shape;
  access: Access;
  /** Whether `idempotencyKey` is an argument of the field (otherwise a field of its input). */
  keyArgument: boolean;
  description: string;
  input: InputObjectRef<BuilderTypes, object>;
  result: ObjectRef<BuilderTypes, object>;
  /** What refuses the field as a whole. */
  errors: ErrorClass[];
  audit: { operation: AuditedOperation; targets: (argument: object) => AuditedTarget[] };
  run: (
    context: GatewayContext,
    argument: object,
    key: string | null | undefined,
  ) => Promise<object | object[]>;
}

/** The arguments declared below, which Pothos types from a spread it cannot resolve. */
const argsOf = (args: object) => args as Record<string, unknown>;

const typeName = (field: string, suffix: string) =>
  `${field.charAt(0).toUpperCase()}${field.slice(1)}${suffix}`;

function declareWrite(name: string, frame: Frame): void {
  const argument = frame.shape === 'bulk' ? 'inputs' : 'input';
  const one = frame.shape === 'one';
  builder.mutationField(name, (t) =>
    t.field({
      type: one ? frame.result : [frame.result],
      description: frame.description,
      ...frame.access,
      unauthorizedResolver: (_root, args, context, _info, error) => {
        const { operation, targets } = frame.audit;
        throw refuseWrites(context, operation, targets(argsOf(args)[argument] as object), error);
      },
      errors: {
        types: frame.errors,
        union: { name: typeName(name, 'Result') },
        ...(!one && {
          result: { name: typeName(name, 'Success') },
          dataField: { name: 'results' },
        }),
      },
      ...(frame.shape === 'bulk' && {
        itemErrors: {
          types: [...GRAPH_WRITE_ERRORS],
          union: { name: typeName(name, 'ItemResult') },
          directResult: true,
        },
      }),
      args: {
        [argument]:
          frame.shape === 'bulk'
            ? t.arg({ type: [frame.input], required: true, validate: bulkInputs })
            : t.arg({ type: frame.input, required: true }),
        ...(frame.keyArgument && {
          idempotencyKey: t.arg.string({
            validate: idempotencyKey,
            description: one ? IDEMPOTENCY_KEY : BULK_IDEMPOTENCY_KEY,
          }),
        }),
      },
      // Both arguments are declared just above: `argument` required, the key a validated string.
      resolve: (_root, args, context) =>
        frame.run(
          context,
          argsOf(args)[argument] as object,
          argsOf(args)['idempotencyKey'] as string | null | undefined,
        ),
    }),
  );
}
