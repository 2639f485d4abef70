/**
 * The architecture rules (docs/architecture.md), checked by `npm run arch` in CI: which package
 * may import which, no cycles, and inside the gateway, layers that import only downward.
 *
 * The packages, lowest first: the emulator and the Graph client import no other package of this
 * workspace; the gateway's production code (packages/gateway/src/) imports the Graph client
 * only; its development entry (packages/gateway/dev/) and the tests import anything.
 */

const GATEWAY = 'packages/gateway/src/';

/**
 * The gateway's layers, lowest first. A module imports its own layer and those below, never one
 * above. Same-layer imports are allowed (no-circular still refuses a loop between two of them).
 * The Graph client package sits below them all.
 */
const LAYERS = [
  // Errors, logging, who the caller is, what settings are written with, the bounded expiring
  // map: everything else speaks in these.
  {
    name: 'core',
    path: `^${GATEWAY}(errors|mask-error|expiring-lru|slot-counts|graphiql-page)\\.ts$|^${GATEWAY}(logging|auth|settings)/`,
  },
  // Services the domain and the edge use: each owns one concern and the ports others implement.
  {
    name: 'services',
    path:
      `^${GATEWAY}(telemetry|metrics|server|edge|audit|idempotency|rate-limit|shared-state)/|` +
      // The Graph client with the gateway's metrics and spans attached to its hooks.
      `^${GATEWAY}observed-graph\\.ts$`,
  },
  // Domain services: who may see and change which job.
  { name: 'domain', path: `^${GATEWAY}domain/` },
  // Live job events (the GraphQL side) and Graph's change notifications that feed them, built
  // on the domain's reads.
  { name: 'notifications', path: `^${GATEWAY}(live-events|graph-notifications)/` },
  // The GraphQL schema with the per-request context its resolvers read, and the Redis adapters
  // that implement the lower layers' ports (idempotency store, token buckets, job events,
  // Graph's throttle window).
  {
    name: 'outer',
    path: `^${GATEWAY}schema/|^${GATEWAY}context\\.ts$|^${GATEWAY}redis/`,
  },
  // The Yoga app.
  { name: 'app', path: `^${GATEWAY}app\\.ts$` },
  // The composition root: reads the environment, builds everything, hands settings down.
  { name: 'root', path: `^${GATEWAY}(main|run-gateway|config|process-backstop)\\.ts$` },
];

const upwardRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name}-imports-only-downward`,
  comment: `${layer.name} imports only its own layer and those below (docs/architecture.md)`,
  severity: 'error',
  from: { path: layer.path },
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
      name: 'graph-client-imports-no-gateway',
      comment:
        'The Graph client (packages/graph-client) imports only itself, npm packages and node:*. ' +
        'The gateway attaches to it instead: metrics and spans through its hooks ' +
        "(http/upstream-observer.ts, in the gateway's observed-graph.ts), settings as options.",
      severity: 'error',
      from: { path: '^packages/graph-client/' },
      to: { path: '^packages/(gateway|emulator)/|^(test|bench|scripts)/' },
    },
    {
      name: 'emulator-imports-no-gateway',
      comment:
        'The emulator (packages/emulator) stands alone, a test kit other teams can use: it ' +
        'imports only itself, npm packages and node:*.',
      severity: 'error',
      from: { path: '^packages/emulator/' },
      to: { path: '^packages/(gateway|graph-client)/|^(test|bench|scripts)/' },
    },
    {
      name: 'no-development-code-in-production',
      comment:
        'What ships (packages/gateway/src/, bundled as dist/main.js) never imports the emulator ' +
        '(it mints tokens), the development entry (packages/gateway/dev/) or a test.',
      severity: 'error',
      from: { path: '^packages/(gateway|graph-client)/src/' },
      to: { path: '^packages/emulator/|^packages/gateway/dev/|^(test|bench|scripts)/' },
    },
    {
      name: 'no-import-of-the-composition-root',
      comment:
        'Settings flow down: config.ts, app.ts and run-gateway.ts are imported by the entries ' +
        '(main.ts, dev/) alone. A module gets its settings as arguments.',
      severity: 'error',
      from: { path: `^${GATEWAY}`, pathNot: `^${GATEWAY}(main|run-gateway)\\.ts$` },
      to: { path: `^${GATEWAY}(config|main|run-gateway|app)\\.ts$` },
    },
    ...upwardRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/fixtures/' },
  },
};
