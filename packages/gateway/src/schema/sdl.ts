/**
 * The subgraph SDL, exactly as `schema.graphql` holds it: what a schema registry takes and what
 * composition reads, federation directives included. Types are sorted so diffs stay readable;
 * `printSubgraphSchema` prints each type's fields in the order the code declares them.
 *
 * Its twin, `schema.no-auth-directives.graphql`, is the same SDL without `@authenticated` and
 * `@requiresScopes`, for routers that refuse them (docs/federation.md, "Which SDL for which
 * router"). `npm run schema` writes both.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema } from 'graphql';
import { withoutAuthorizationDirectives } from './federation/without-authorization-directives.js';
import { schema } from './index.js';

export const SCHEMA_FILE = 'schema.graphql';
export const SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES = 'schema.no-auth-directives.graphql';

export interface SdlOptions {
  /** `@authenticated` / `@requiresScopes` on protected fields and entities. @default true */
  authorizationDirectives?: boolean;
}

export function schemaSdl({ authorizationDirectives = true }: SdlOptions = {}): string {
  const sdl = printSubgraphSchema(lexicographicSortSchema(schema));
  return `${authorizationDirectives ? sdl : withoutAuthorizationDirectives(sdl)}\n`;
}

/** Each committed SDL file and what it holds: `npm run schema` writes them, a test compares. */
export const SCHEMA_FILES: ReadonlyArray<{ file: string; sdl: () => string }> = [
  { file: SCHEMA_FILE, sdl: () => schemaSdl() },
  {
    file: SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES,
    sdl: () => schemaSdl({ authorizationDirectives: false }),
  },
];
