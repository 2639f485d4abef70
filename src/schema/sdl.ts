/**
 * The subgraph SDL, exactly as `schema.graphql` holds it: what a schema registry takes and what
 * composition reads, federation directives included. Types are sorted so diffs stay readable;
 * `printSubgraphSchema` prints each type's fields in the order the code declares them.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema } from 'graphql';
import { schema } from './index.js';

export const SCHEMA_FILE = 'schema.graphql';

export function schemaSdl(): string {
  return `${printSubgraphSchema(lexicographicSortSchema(schema))}\n`;
}
