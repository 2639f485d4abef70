/**
 * Hardens `Query._entities`, which @apollo/subgraph resolves by mapping over the representations.
 * A representation with no or an unknown `__typename` makes that map throw synchronously, which
 * fails the whole list (and the router's whole fetch with it). Here every representation is
 * resolved on its own, so a malformed one costs an error for that entity only.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isUnionType } from 'graphql';
import { InvalidInputError } from '../../errors.js';

/**
 * Each representation may become one Graph call; this bounds the fan-out of a single request
 * (25 `$batch` envelopes), far above what a router's query plan sends for a page of results.
 * @default 500
 */
export const MAX_REPRESENTATIONS = 500;

interface EntitiesArgs {
  representations: readonly unknown[];
}

/** Rewires the `_entities` resolver of a subgraph schema in place and returns the schema. */
export function isolateEntityFailures(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_entities'];
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return schema;

  const entityTypes = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolveEach = field.resolve as GraphQLFieldResolver<unknown, unknown, EntitiesArgs>;
  const resolve: GraphQLFieldResolver<unknown, unknown, EntitiesArgs> = async (
    source,
    { representations },
    context,
    info,
  ) => {
    if (representations.length > MAX_REPRESENTATIONS) {
      throw new InvalidInputError([
        {
          path: ['representations'],
          message: `at most ${MAX_REPRESENTATIONS} representations per request`,
        },
      ]);
    }
    const entities = representations.map((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !entityTypes.has(typename)) {
        return Promise.reject(
          new InvalidInputError([
            {
              path: ['representations', String(index), '__typename'],
              message: `__typename must name an entity of this subgraph: ${[...entityTypes].join(', ')}`,
            },
          ]),
        );
      }
      try {
        const resolved = resolveEach(source, { representations: [representation] }, context, info);
        return (resolved as unknown[])[0];
      } catch (error) {
        return Promise.reject(error);
      }
    });
    // Settled before the field resolves, so no entity's failure depends on the executor
    // attaching a handler in time; an `Error` item is raised by graphql-js as that entity's
    // error at `_entities.<index>`.
    const outcomes = await Promise.allSettled(entities);
    return outcomes.map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value : asError(outcome.reason),
    );
  };
  field.resolve = resolve as typeof field.resolve;
  return schema;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
