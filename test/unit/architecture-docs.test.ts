/**
 * docs/architecture.md against the tree: every path it names in backticks exists (whole, or
 * under one of the packages' source folders, as the doc abbreviates them), and it names every
 * layer of the rules `npm run arch` checks (.dependency-cruiser.cjs), which leave no module of
 * the gateway outside a layer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/architecture.md', root), 'utf8');

/** Paths in backticks: a folder (`x/`) or a file with an extension (`x/y.ts`, `main.ts`). */
function pathsIn(text: string): string[] {
  const found = [
    ...text.matchAll(
      /`([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*(?:\/|\.(?:ts|mjs|cjs|js|json|md|sh)))`/g,
    ),
  ];
  return [...new Set(found.map(([, path]) => path as string))];
}

/** Where a path the doc names may be, as it abbreviates them: whole, or inside a package. */
const BASES = ['', 'packages/gateway/src/', 'packages/graph-client/src/', 'packages/gateway/'];
/** Build output (`dist/main.js`) is named as what the build makes: a fresh clone has none yet. */
const exists = (path: string) =>
  path.startsWith('dist/') || BASES.some((base) => existsSync(new URL(base + path, root)));

interface Rule {
  name: string;
  from: { path?: string };
}

const rules = (
  createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: Rule[] }
).forbidden;
const layerRules = rules.filter((rule) => /^layer-.+-imports-only-downward$/.test(rule.name));

/** The layers that have a downward rule: every one but the root. */
function layersOfTheRules(): string[] {
  return layerRules.map((rule) => rule.name.replace(/^layer-|-imports-only-downward$/g, ''));
}

/** The root has no downward rule (nothing is above it); its modules, as the config names them. */
const ROOT_LAYER = '^packages/gateway/src/(main|run-gateway|config|process-backstop)\\.ts$';

describe('docs/architecture.md', () => {
  it('names only paths that exist', () => {
    const paths = pathsIn(doc);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((path) => !exists(path))).toEqual([]);
  });

  it('finds a path that does not exist (the check itself)', () => {
    const paths = pathsIn(
      'see `domain/no-such-file.ts`, `packages/graph-client/` and `npm start`.',
    );
    expect(paths).toEqual(['domain/no-such-file.ts', 'packages/graph-client/']);
    expect(paths.map(exists)).toEqual([false, true]);
  });

  it('names every layer of .dependency-cruiser.cjs', () => {
    const layers = layersOfTheRules();
    expect(layers.length).toBeGreaterThan(5);
    expect(layers.filter((name) => !doc.includes(`**${name}**`))).toEqual([]);
  });

  it("leaves no module of the gateway's production code outside a layer", () => {
    const layers = [...layerRules.map((rule) => rule.from.path as string), ROOT_LAYER];
    const modules = readdirSync(new URL('packages/gateway/src', root), {
      recursive: true,
      encoding: 'utf8',
    })
      .map((path) => `packages/gateway/src/${path.replaceAll('\\', '/')}`)
      .filter((path) => path.endsWith('.ts'));
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.filter((path) => !layers.some((layer) => new RegExp(layer).test(path)))).toEqual(
      [],
    );
  });

  it('is linked from the top of the README', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const top = readme.slice(0, readme.indexOf('\n## '));
    expect(top).toContain('(docs/architecture.md)');
  });
});
