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
    include: ['test/**/*.test.ts'],
    // The browser check needs Chromium; it runs on its own (vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    // Integration tests start real servers on loopback; they are fast but share two cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
