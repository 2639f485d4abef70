import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) builds; Node loads the CJS one for the
    // plugins, Vite would pick the ESM one for our files, and two copies of graphql break
    // `instanceof`. Pin everyone to the build Node itself loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // The browser check needs Chromium; it runs on its own (vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    // One module graph per worker, not per file: importing the gateway afresh for each of ~100
    // files was most of the suite's time (unit tests: 50 s isolated, 8 s shared). No test relies
    // on a fresh module: state lives in the objects each test builds (apps, registries, stores).
    isolate: false,
    // Most files wait on servers and child processes rather than compute, and the default
    // (one fewer worker than cores) ran them one at a time on two cores: 288 s -> 117 s.
    maxWorkers: '100%',
    // Integration tests start real servers on loopback; they are fast but share two cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
