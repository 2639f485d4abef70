/**
 * The gateway's architecture rules (docs/architecture.md), checked by `npm run arch` in CI.
 * The direction out of src/graph/ (Graph's client imports nothing of the gateway) is its own
 * rule, graph-client-imports-no-gateway, stricter than any layer rule, which leave src/graph/ as
 * a source to it.
 */

/**
 * Layers, lowest first. A module imports its own layer and those below, never one above.
 * Same-layer imports are allowed (no-circular still refuses a loop between two of them).
 */
const LAYERS = [
  // Errors, logging, who the caller is, what settings are written with, the bounded expiring
  // map: everything else speaks in these.
  {
    name: 'core',
    path: '^src/(errors|mask-error|expiring-lru)\\.ts$|^src/(logging|auth|settings)/',
  },
  // Microsoft Graph's client: typed calls, retries, throttling, credentials.
  { name: 'graph', path: '^src/graph/' },
  // Services the domain and the edge use: each owns one concern and the ports others implement.
  {
    name: 'services',
    path:
      '^src/(telemetry|metrics|http|edge|audit|idempotency|rate-limit)/|' +
      '^src/shared-state/(?!redis/)|' +
      // The Graph client with the gateway's metrics and spans attached to its hooks.
      '^src/observed-graph\\.ts$',
  },
  // Domain services: who may see and change which job.
  { name: 'access', path: '^src/access/' },
  // Live job events, built on the domain's reads.
  { name: 'notifications', path: '^src/notifications/' },
  // The GraphQL schema with the per-request context its resolvers read, and the Redis adapters
  // that implement the lower layers' ports (idempotency store, token buckets, job events,
  // Graph's throttle window).
  { name: 'outer', path: '^src/schema/|^src/context\\.ts$|^src/shared-state/redis/' },
  // The Yoga app; development-only helpers.
  { name: 'app', path: '^src/app\\.ts$|^src/dev/' },
  // The composition root: reads the environment, builds everything, hands settings down.
  { name: 'root', path: '^src/(main|config|process-backstop)\\.ts$' },
];

/** Graph's own outward direction is graph-client-imports-no-gateway's; not judged by the layers. */
const GRAPH = '^src/graph/';

const upwardRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name}-imports-only-downward`,
  comment: `${layer.name} imports only its own layer and those below (docs/architecture.md)`,
  severity: 'error',
  from: { path: layer.path, pathNot: GRAPH },
  to: { path: LAYERS.slice(index + 1).map((above) => `(${above.path})`) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: a cycle is two modules that are one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-emulator-in-production',
      comment:
        'Production code never imports the emulator (src/emulator/), so the image can ship without ' +
        'it. The exception is what is development-only today, main.ts (the embedded emulator for ' +
        '`npm start`) and src/dev/graphiql-sign-in.ts (its demo identities), each held to the ' +
        'files it needs by the next rules; issue 21 item 6 removes it.',
      severity: 'error',
      from: {
        path: '^src/(?!emulator/)',
        pathNot: '^src/(main\\.ts|dev/graphiql-sign-in\\.ts)$',
      },
      to: { path: '^src/emulator/' },
    },
    {
      name: 'emulator-exception-main-loads-only-its-entry',
      comment:
        'The exception, as narrow as today allows: main.ts starts the embedded emulator for ' +
        '`npm start` without credentials (its server, seed and Entra seed), nothing else of it.',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/emulator/', pathNot: '^src/emulator/(server|seed|entra/entra-seed)\\.ts$' },
    },
    {
      name: 'main-loads-the-emulator-lazily',
      comment:
        'main.ts imports the emulator only dynamically: a production process never loads it.',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/emulator/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'graphiql-sign-in-reads-only-the-entra-seed',
      comment:
        'src/dev/graphiql-sign-in.ts needs the demo identities, nothing else of the emulator.',
      severity: 'error',
      from: { path: '^src/dev/graphiql-sign-in\\.ts$' },
      to: { path: '^src/emulator/', pathNot: '^src/emulator/entra/entra-seed\\.ts$' },
    },
    {
      name: 'no-import-of-the-composition-root',
      comment:
        'Settings flow down: config.ts, main.ts and app.ts are imported by the root alone ' +
        '(main.ts imports config.ts and app.ts). A module gets its settings as arguments.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/main\\.ts$|${GRAPH}` },
      to: { path: '^src/(config|main|app)\\.ts$' },
    },
    {
      name: 'graph-client-imports-no-gateway',
      comment:
        'src/graph/ is the future graph-client package: it imports only itself, npm packages, ' +
        'node:* and the domain errors it throws (src/errors.ts, which imports nothing). The ' +
        'gateway attaches to it instead: metrics and spans through its hooks ' +
        '(src/graph/http/upstream-observer.ts, in src/observed-graph.ts), settings as options.',
      severity: 'error',
      from: { path: GRAPH },
      to: { path: '^src/', pathNot: [GRAPH, '^src/errors\\.ts$'] },
    },
    ...upwardRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
