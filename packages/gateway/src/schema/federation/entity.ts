/**
 * Declares a domain type as a federation entity. Representations come from a router, and through
 * it from any other subgraph, so they are untrusted input: their key fields are checked with the
 * same rules as field arguments before anything is sent to Graph, and a failed check rejects that
 * one entity (an error at `_entities.<index>`), never its siblings.
 */
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { z } from 'zod';
import type { GatewayContext } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { graphId } from '../validation.js';

type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : SchemaTypes;

export function federatedEntity<Shape, const KeyField extends string>(
  ref: ObjectRef<BuilderTypes, Shape>,
  keyFields: readonly [KeyField, ...KeyField[]],
  load: (key: Record<KeyField, string>, context: GatewayContext) => Promise<Shape>,
): void {
  const keySchema = z.object(Object.fromEntries(keyFields.map((field) => [field, graphId])));
  builder.asEntity(ref, {
    // `SelectionFromShape` cannot follow a joined string; the names are the parsed shape's keys.
    key: builder.selection<Record<KeyField, string>>(keyFields.join(' ') as never),
    // Async on purpose: a synchronous throw would fail the whole `_entities` list.
    resolveReference: async (representation, context) => {
      const parsed = keySchema.safeParse(representation);
      if (!parsed.success) throw invalidReference(ref.name, parsed.error);
      return load(parsed.data as Record<KeyField, string>, context);
    },
  });
}

function invalidReference(typename: string, error: z.ZodError): InvalidInputError {
  return new InvalidInputError(
    error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      // zod's own type message ("Invalid input: expected string…") would repeat the prefix.
      const problem = issue.code === 'invalid_type' ? 'must be a string' : issue.message;
      return { path: [field], message: `${typename} key "${field}" ${problem}` };
    }),
  );
}
