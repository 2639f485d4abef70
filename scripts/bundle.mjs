/**
 * The second half of `npm run build`: the gateway's entry, `dist/main.js`, as one ES module
 * bundled with esbuild, replacing the file tsc wrote there (the rest of dist/ stays tsc's: the
 * emulator's entry, dist/emulator/main.js, runs from it).
 *
 * Why: loading about 820 ES modules one file at a time (resolution, a stat and a read per file,
 * a compile per module) was most of the gateway's start-up; the same code as one file loads in
 * about half the time (docs/performance.md). tsc still type-checks and emits as before.
 *
 * What stays lazy stays lazy: each dynamic `import()` (the tracing SDK, Redis, Azure
 * credentials, the embedded emulator, GraphiQL's page) becomes a chunk of its own under
 * dist/chunks/, loaded only when configured. The packages only those chunks use are left in
 * node_modules (external), and so is @opentelemetry/api, which the tracing SDK must share with
 * the bundle.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a content hash: the last build's chunks would otherwise pile up.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS packages call `require` for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  external: ['@azure/identity', '@graphql-yoga/render-graphiql', '@opentelemetry/*', 'ioredis'],
  // Readable stack traces in production logs: names and lines as written, no minifying.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
});
