// The browser tests: `npx vitest run -c vitest.browser.config.ts` (or `bash .ci/browser.sh`).
// They need Debian's Chromium at /usr/bin/chromium, so they are not part of `npm test`.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // As in vitest.config.ts: one copy of graphql (the CJS build Node loads), or `instanceof`
    // breaks between our files and the plugins.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/browser/**/*.test.ts'],
    // A real process and a real Chromium on two shared cores: generous, but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
