import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEDERATION_SPEC } from '../../src/schema/index.js';
import { SCHEMA_FILE, schemaSdl } from '../../src/schema/sdl.js';

describe('schema.graphql', () => {
  it('matches the Pothos schema (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(new URL(`../../${SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed, 'schema.graphql is stale: run `npm run schema`').toBe(schemaSdl());
  });

  it('is a Federation v2 subgraph SDL linking the pinned spec and its directives', () => {
    expect(schemaSdl().split('\n\n')[0]).toBe(
      `extend schema\n  @link(url: "${FEDERATION_SPEC}", import: ["@authenticated", "@extends", "@external", "@key", "@requiresScopes", "@shareable"])`,
    );
  });
});
