/**
 * docs/architecture.md against the tree: every `src/...` path it names exists, and it names
 * every layer of the rules `npm run arch` checks (.dependency-cruiser.cjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/architecture.md', root), 'utf8');

/** `src/...` paths in backticks or plain text, without a trailing sentence mark. */
function srcPathsIn(text: string): string[] {
  const found = text.match(/\bsrc\/[A-Za-z0-9_./-]*[A-Za-z0-9_/-]/g) ?? [];
  return [...new Set(found)];
}

/** The layers that have a downward rule: every one but the root. */
function layersOfTheRules(): string[] {
  const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
    forbidden: { name: string }[];
  };
  return rules.forbidden
    .map((rule) => /^layer-(.+)-imports-only-downward$/.exec(rule.name)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('docs/architecture.md', () => {
  it('names only src/ paths that exist', () => {
    const paths = srcPathsIn(doc);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(new URL(path, root)))).toEqual([]);
  });

  it('finds a path that does not exist (the check itself)', () => {
    const paths = srcPathsIn('see `src/access/no-such-file.ts`, and src/graph/.');
    expect(paths).toEqual(['src/access/no-such-file.ts', 'src/graph/']);
    expect(existsSync(new URL(paths[0] as string, root))).toBe(false);
  });

  it('names every layer of .dependency-cruiser.cjs', () => {
    const layers = layersOfTheRules();
    expect(layers.length).toBeGreaterThan(5);
    expect(layers.filter((name) => !doc.includes(`**${name}**`))).toEqual([]);
  });

  it('is linked from the top of the README', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const top = readme.slice(0, readme.indexOf('\n## '));
    expect(top).toContain('(docs/architecture.md)');
  });
});
