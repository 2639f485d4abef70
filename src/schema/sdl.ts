/** The schema as SDL, exactly as `schema.graphql` holds it (sorted, so diffs stay readable). */
import { printSchema } from 'graphql';
import { schema } from './index.js';

export const SCHEMA_FILE = 'schema.graphql';

export function schemaSdl(): string {
  return `${printSchema(schema)}\n`;
}
