/**
 * Which type each root field of an operation resolved to (`AbortPrintJobSuccess`,
 * `NotFoundError`, …), whether or not the client selected `__typename`: the `result` label of
 * `graphql_operation_duration_seconds`.
 *
 * The root fields' resolvers are wrapped once per schema object (the schema is shared by every
 * app of a process); a wrapper records only for an execution that `watch()` registered, so
 * apps without metrics, and every nested field, pay nothing.
 */
import {
  defaultFieldResolver,
  defaultTypeResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
} from 'graphql';

/** Response key → type name, for one execution. */
export type RootOutcomes = Map<string, string>;

const watched = new WeakMap<object, RootOutcomes>();
const instrumented = new WeakSet<GraphQLSchema>();

/** Starts recording the root outcomes of the execution whose context value is `context`. */
export function watch(context: object): RootOutcomes {
  const outcomes: RootOutcomes = new Map();
  watched.set(context, outcomes);
  return outcomes;
}

export function instrumentRootFields(schema: GraphQLSchema): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value: unknown = resolve(source, args, context, info);
        const outcomes = watched.get(context as object);
        if (!outcomes) return value;
        const record = (resolved: unknown) => {
          const name = typeNameOf(resolved, context, info);
          if (typeof name === 'string') {
            outcomes.set(info.path.key as string, name);
            return resolved;
          }
          return name.then((later) => {
            outcomes.set(info.path.key as string, later);
            return resolved;
          });
        };
        return value instanceof Promise ? value.then(record) : record(value);
      };
    }
  }
}

/**
 * The runtime type graphql-js will give `value`: resolved as it resolves it for unions and
 * interfaces; a list is named by its item type.
 */
function typeNameOf(
  value: unknown,
  context: unknown,
  info: GraphQLResolveInfo,
): string | Promise<string> {
  if (value === null || value === undefined) return 'null';
  const type = getNullableType(info.returnType) as GraphQLOutputType;
  if (isListType(type) || !isAbstractType(type)) return namedTypeName(type);
  try {
    const resolved = (type.resolveType ?? defaultTypeResolver)(value, context, info, type);
    if (resolved instanceof Promise) {
      return resolved.then(
        (name) => name ?? type.name,
        () => type.name,
      );
    }
    return resolved ?? type.name;
  } catch {
    return type.name;
  }
}

function namedTypeName(type: GraphQLOutputType): string {
  let named = type;
  while ('ofType' in named) named = named.ofType as GraphQLOutputType;
  return isObjectType(named) || 'name' in named ? named.name : 'unknown';
}
