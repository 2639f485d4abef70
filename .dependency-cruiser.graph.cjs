/**
 * The Graph client's boundary (issue 21, item 1): src/graph/ is the future graph-client package,
 * so it imports only itself, npm packages, node:* and the domain error classes it throws
 * (src/errors.ts, which imports nothing and moves with it in the split). The gateway reaches it
 * the other way: its metrics and spans attach to the hooks graph/ exposes
 * (src/graph/http/upstream-observer.ts, GraphClientOptions.watchingLinks), settings come in
 * as options. Kept apart so the lead can merge the rule into .dependency-cruiser.cjs.
 *
 *   npx depcruise src --config .dependency-cruiser.graph.cjs
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'graph-client-imports-no-gateway',
      comment:
        'src/graph/ must not import the gateway (metrics, telemetry, config, http, schema, ...): ' +
        'expose a hook or an option in src/graph/ and attach to it at the composition root ' +
        '(src/main.ts, src/app.ts, src/observed-graph.ts, test helpers).',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/', pathNot: ['^src/graph/', '^src/errors\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type` from the gateway still ties graph/ to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
