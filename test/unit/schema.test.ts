import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEDERATION_SPEC } from '../../packages/gateway/src/schema/index.js';
import {
  SCHEMA_FILE,
  SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES,
  SCHEMA_FILES,
  schemaSdl,
} from '../../packages/gateway/src/schema/sdl.js';

const committed = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('schema.graphql', () => {
  it.each(SCHEMA_FILES)(
    '$file matches the Pothos schema (run `npm run schema` when this fails)',
    ({ file, sdl }) => {
      expect(committed(file), `${file} is stale: run \`npm run schema\``).toBe(sdl());
    },
  );

  it('has a twin without the authorization directives, and otherwise the same lines', () => {
    const twin = committed(SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES);
    expect(twin).not.toMatch(/@?(authenticated|requiresScopes)\b/);
    const withoutDirectives = committed(SCHEMA_FILE)
      .replace(/"@authenticated", |"@requiresScopes", /g, '')
      .replace(/ @authenticated @requiresScopes\(scopes: [^)]*\)/g, '')
      .replace(/\n {2}@authenticated\n {2}@requiresScopes\(scopes: [^)]*\)/g, '');
    expect(twin).toBe(withoutDirectives);
  });

  it('is a Federation v2 subgraph SDL linking the pinned spec and its directives', () => {
    expect(schemaSdl().split('\n\n')[0]).toBe(
      `extend schema\n  @link(url: "${FEDERATION_SPEC}", import: ["@authenticated", "@extends", "@external", "@key", "@requiresScopes", "@shareable"])`,
    );
  });
});
