/**
 * .ci/image-contents.mjs on seeded runtime stages: the packages a bundle imports are its real
 * imports, read by a parser, never import-like text inside its strings.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function seededStage(bundle: string, installed: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-contents-'));
  const files: Record<string, string> = {
    'package.json': '{}',
    'dist/main.js': bundle,
    ...Object.fromEntries(
      installed.map((name) => [`node_modules/${name}/package.json`, `{"name":"${name}"}`]),
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const check = (dir: string) =>
  spawnSync(process.execPath, ['.ci/image-contents.mjs', dir], { encoding: 'utf8' });

// Import-like text in strings and a template, as GraphQL's and yoga's messages hold it; two real
// imports, one static and one lazy.
const BUNDLE = `import "real-pkg";
const hint = 'Use import { parse } from "graphql" or import("graphql-yoga")';
const template = \`import { x } from "not-a-package"\`;
export const load = () => import("@scope/lazy");
export { hint, template };
`;

describe('the image contents check', () => {
  it('lists the real imports only, not import-like text inside strings', () => {
    const result = check(seededStage(BUNDLE, ['real-pkg', '@scope/lazy']));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'packages the bundle imports, all installed: @scope/lazy, real-pkg;',
    );
  });

  it('fails when a package the bundle really imports is not installed', () => {
    const result = check(seededStage(BUNDLE, ['real-pkg']));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the bundle imports @scope/lazy, which is not installed');
    expect(result.stderr).not.toContain('graphql');
  });
});
