/**
 * The README's Quick start says which Node runs the project and which installed packages ask for
 * a newer one (what `npm ci` warns `EBADENGINE` about). Both are read from package.json and
 * package-lock.json here, so the sentence fails when an upgrade changes them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');
const quickStart = readme.split('\n## Quick start\n')[1]?.split('\n## ')[0] ?? '';
const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } }>;
};

type Version = [number, number, number];
const parse = (text: string): Version => text.split('.').map(Number) as Version;
const below = (a: Version, b: Version) =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];

/** `>=20.19` → 20.19.0: the project's own range is a plain lower bound. */
const [major = 0, minor = 0, patch = 0] = manifest.engines.node
  .replace('>=', '')
  .split('.')
  .map(Number);
const supported: Version = [major, minor, patch];

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Every installed copy whose `engines.node` is a lower bound above the project's. */
const newer = Object.entries(lock.packages).flatMap(([path, entry]) => {
  const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(entry.engines?.node ?? '')?.[1];
  if (!path || !minimum || !below(supported, parse(minimum))) return [];
  return [{ name: path.replace(/^.*node_modules\//, ''), version: entry.version, minimum }];
});

describe("the README's Quick start on Node versions", () => {
  it("states package.json's lower bound", () => {
    expect(quickStart).toContain(`Node ${manifest.engines.node.replace('>=', '')} or later`);
  });

  it('counts the installed copies that declare a newer Node', () => {
    expect(newer.length).toBeGreaterThan(0);
    expect(quickStart).toContain(`\`EBADENGINE\` ${newer.length} times`);
  });

  it('names each package that does, its version and the Node it asks for', () => {
    const distinct = new Map(newer.map((copy) => [`${copy.name}@${copy.version}`, copy]));
    expect(quickStart).toContain(`${WORDS[distinct.size] ?? distinct.size} packages`);
    for (const { name, version, minimum } of distinct.values()) {
      const [needsMajor, needsMinor] = minimum.split('.');
      expect(quickStart.replace(/\s+/g, ' ')).toContain(`\`${name}\` ${version}`);
      expect(quickStart).toContain(`≥ ${needsMajor}.${needsMinor}`);
    }
  });
});
