/**
 * The second half of `npm run build` (after tsc has type-checked it): the gateway's production
 * entry, packages/gateway/src/main.ts, as `dist/main.js`, one ES module bundled with esbuild,
 * with the Graph client package inlined. dist/ holds that bundle and its chunks, nothing else:
 * what the image copies.
 *
 * Why: loading about 820 ES modules one file at a time (resolution, a stat and a read per file,
 * a compile per module) was most of the gateway's start-up; the same code as one file loads in
 * about half the time (docs/performance.md). tsc still type-checks and emits as before.
 *
 * What stays lazy stays lazy: each dynamic `import()` (the tracing SDK, Redis, Azure
 * credentials) becomes a chunk of its own under
 * dist/chunks/, loaded only when configured. The packages only those chunks use are left in
 * node_modules (external), and so is @opentelemetry/api, which the tracing SDK must share with
 * the bundle.
 */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const graphqlRoot = dirname(require.resolve('graphql/package.json'));

/**
 * graphql 16 has a `.mjs` twin of every file. The package itself resolves to its ES build
 * (`mainFields` below); deep paths (`require('graphql/validation/validate')` in Apollo's
 * federation packages) would resolve to the CommonJS files, a second graphql whose classes fail
 * every `instanceof` of the first. They go to the twins too.
 */
const oneGraphql = {
  name: 'one-graphql',
  setup(builder) {
    builder.onResolve({ filter: /^graphql\/./ }, ({ path }) => {
      const inside = join(graphqlRoot, path.slice('graphql/'.length).replace(/\.m?js$/, ''));
      for (const file of [`${inside}.mjs`, join(inside, 'index.mjs')]) {
        if (existsSync(file)) return { path: file };
      }
      return undefined;
    });
  },
};

// Only this build's output: chunk names carry a content hash, and nothing else belongs in dist/.
rmSync('dist', { recursive: true, force: true });

const { metafile } = await build({
  metafile: true,
  plugins: [oneGraphql],
  entryPoints: { main: 'packages/gateway/src/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  // Packages that ship both builds (graphql, the Graph SDK) are bundled from their ES modules.
  // From the CommonJS build, every use of an export (graphql's, all through the executor) would
  // go through a getter: 1.7% of a release's CPU samples. Every package, `require` or `import`,
  // still resolves to the same single copy.
  mainFields: ['module', 'main'],
  target: 'node20',
  // Bundled CommonJS packages call `require` for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  external: ['@azure/identity', '@azure/msal-node', '@opentelemetry/*', 'ioredis'],
  // Readable stack traces in production logs: names and lines as written, no minifying.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
});

// One graphql, or the schema breaks at run time: fail the build instead.
const graphqlBuilds = new Set(
  Object.keys(metafile.inputs)
    .filter((input) => input.startsWith('node_modules/graphql/'))
    .map((input) => (input.endsWith('.mjs') ? 'ES module' : 'CommonJS')),
);
if (graphqlBuilds.size > 1) {
  console.error('dist/main.js bundles two copies of graphql (ES module and CommonJS)');
  process.exit(1);
}

// Development code never ships: the emulator (it mints tokens) and dev/ (GraphiQL's sign-in).
const development = Object.keys(metafile.inputs).filter((input) =>
  /^packages\/(emulator\/|gateway\/dev\/)|render-graphiql/.test(input),
);
if (development.length > 0) {
  console.error(`dist/main.js bundles development code: ${development.join(', ')}`);
  process.exit(1);
}
