/**
 * How the suite is laid out, checked so that it stays so:
 * - The vitest projects (vitest.config.ts) are defined by folder, so what keeps the unit project
 *   fast and self-contained is where files live. These checks fail when a test file sits in no
 *   project or in two, when `npm test` would start Chromium, and when a unit test starts
 *   redis-server or a child process (those belong in test/integration and test/process).
 * - Tests build an in-process gateway one way, test/helpers/test-gateway.ts: a file that calls
 *   createApp itself fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';

const root = new URL('../../', import.meta.url);

interface Project {
  test: { name: string; include: string[] };
}
const settings = config.test as unknown as { project: string[]; projects: Project[] };
const projects = settings.projects.map(({ test }) => test);

/** Every `*.test.ts` under a folder, as a path from the repository's root. */
const testFiles = (folder: string): string[] =>
  readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${folder}/${file}`);

const packageTestFolders = readdirSync(new URL('packages', root)).flatMap((name) =>
  readdirSync(new URL(`packages/${name}`, root)).includes('test') ? [`packages/${name}/test`] : [],
);
const allTestFiles = [...testFiles('test'), ...packageTestFolders.flatMap(testFiles)];
const source = (file: string) => readFileSync(new URL(file, root), 'utf8');

/** The project globs are `<folder>/**\/*.test.ts` (with `*` for one path segment). */
const matches = (glob: string, file: string): boolean => {
  const folder = glob.replace(/\/\*\*\/\*\.test\.ts$/, '');
  const pattern = new RegExp(`^${folder.split('*').join('[^/]+')}/`);
  return pattern.test(file);
};

describe('the vitest projects', () => {
  it('put every test file in exactly one project', () => {
    const homeless = allTestFiles.filter(
      (file) =>
        projects.filter((project) => project.include.some((glob) => matches(glob, file))).length !==
        1,
    );
    expect(allTestFiles.length).toBeGreaterThan(100);
    expect(homeless).toEqual([]);
  });

  it('run everything but the browser by default', () => {
    const names = projects.map((project) => project.name);
    expect(names).toEqual(['unit', 'integration', 'process', 'browser']);
    expect(settings.project).toEqual(names.filter((name) => name !== 'browser'));
  });

  it('keep redis-server and child processes out of the unit project', () => {
    const unit = projects.find((project) => project.name === 'unit');
    const unitFiles = allTestFiles.filter((file) =>
      unit?.include.some((glob) => matches(glob, file)),
    );
    const offenders = unitFiles.filter((file) =>
      /from '(node:child_process|[^']*helpers\/(redis-server|gateway-process)\.js)'/.test(
        source(file),
      ),
    );
    expect(unitFiles.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});

describe('the test gateways', () => {
  it('are all built by test/helpers/test-gateway.ts', () => {
    const helpers = readdirSync(new URL('test/helpers', root)).map(
      (file) => `test/helpers/${file}`,
    );
    const builders = [...allTestFiles, ...helpers].filter((file) =>
      /\bcreateApp\(/.test(source(file)),
    );
    expect(builders).toEqual(['test/helpers/test-gateway.ts']);
  });
});
