// Four projects, one per kind of test, each defined by its folder:
//   unit         test/unit                  no sockets to other processes, no redis-server
//   integration  test/integration, test/federation, packages/*/test
//                                           in-process gateways on the emulator over loopback,
//                                           the federation gateways, Redis-backed stores
//   process      test/process               child processes: the gateway, npm, bash
//   browser      test/browser               Debian's Chromium (.ci/browser.sh)
// `npm test` runs the first three; `npx vitest run --project <name>` runs one of the four.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** The projects `vitest run` runs without --project: everything but the browser. */
const DEFAULT_PROJECTS = ['unit', 'integration', 'process'];

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) builds; Node loads the CJS one for the
    // plugins, Vite would pick the ESM one for our files, and two copies of graphql break
    // `instanceof`. Pin everyone to the build Node itself loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Without --project on the command line, vitest takes this filter: the browser project needs
    // Chromium, so it runs only when asked for (`--project browser`). A --project given on the
    // command line replaces this list. Vitest 4 reads `project` from the config as it reads the
    // flag (one resolved option), but its config type lists only the flag; test/unit/
    // test-suite-layout.test.ts checks that the default run still leaves the browser out.
    // @ts-expect-error `project` is missing from vitest's InlineConfig type, not from vitest
    project: DEFAULT_PROJECTS,
    // Most files wait on servers and child processes rather than compute, and the default
    // (one fewer worker than cores) ran them one at a time on two cores: 288 s -> 117 s.
    maxWorkers: '100%',
    projects: [
      {
        // `extends: true`: the graphql alias above, and the settings below the projects list.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // One module graph per worker, not per file: importing the gateway afresh for each
          // file was most of the unit tests' time (50 s isolated, 8 s shared). No test relies on
          // a fresh module: state lives in the objects each test builds (apps, registries).
          isolate: false,
          // Pure computation and in-process apps: vitest's default timeouts are plenty.
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.ts',
            'test/federation/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
          ],
          // Shared module graphs as in `unit`: each file starts its own emulator, gateway and
          // redis-server on ports it picks, so nothing carries over between files.
          isolate: false,
          // Real servers on loopback: fast, but they share two cores with the other workers.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          // The state that matters lives in the child processes, which each test starts and
          // stops; the worker only holds handles to them.
          isolate: false,
          // A gateway process takes a couple of seconds to boot under tsx on a loaded machine.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // A real process and a real Chromium on two shared cores: generous, but bounded.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
