/**
 * The Graph client's boundary (issue 21): packages/graph-client imports nothing of the gateway,
 * checked with .dependency-cruiser.cjs's graph-client-imports-no-gateway. A fixture tree that
 * breaks it (with a type-only import, which must count too) proves the rule would catch a leak.
 */
import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const RULE_FILE = new URL('../../.dependency-cruiser.cjs', import.meta.url).pathname;
const RULE = 'graph-client-imports-no-gateway';
const TS_CONFIG = new URL('../../tsconfig.json', import.meta.url).pathname;
const LEAKY_TREE = new URL('../fixtures/graph-boundary', import.meta.url).pathname;

/** The rule's violations among the imports of packages/graph-client (under `baseDir`). */
async function violations(baseDir?: string): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(RULE_FILE);
  const result = await cruise(
    ['packages/graph-client'],
    { ...options, ...(baseDir ? { baseDir } : {}) },
    undefined,
    { tsConfig: extractTSConfig(TS_CONFIG) },
  );
  if (typeof result.output === 'string') throw new Error('expected a cruise result object');
  return result.output.summary.violations.filter(({ rule }) => rule.name === RULE);
}

const edges = (found: IViolation[]) => found.map(({ from, to }) => `${from} → ${to}`);

// Dependency-cruiser parses with the TypeScript compiler: seconds on two shared cores.
describe('the Graph client boundary', { timeout: 60_000 }, () => {
  it('packages/graph-client imports only itself, npm packages and node:*', async () => {
    expect(edges(await violations())).toEqual([]);
  });

  it('reports a type-only import of the gateway, and allows its own modules', async () => {
    expect(edges(await violations(LEAKY_TREE))).toEqual([
      'packages/graph-client/src/leaky-client.ts → packages/gateway/src/config.ts',
    ]);
  });
});
