/**
 * The production entry (packages/gateway/src/main.ts; dist/main.js under GATEWAY_TEST_ENTRY, as
 * .ci/run step 6b runs it): the gateway on the Graph it is given, nothing of development. No
 * embedded emulator to fall back on, no GraphiQL.
 */

import { startEmulator } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killGatewayProcesses,
  onRunningEmulator,
  startGatewayProcess,
} from '../helpers/gateway-process.js';

afterEach(killGatewayProcesses);

const start = (env: Record<string, string>) => startGatewayProcess(env, { entry: 'production' });

describe('the production entry', () => {
  it('refuses to start without Graph credentials, naming npm start for the emulator', async () => {
    const gateway = start({ PORT: '0', EMULATOR_PORT: '0', GATEWAY_ALLOW_ANONYMOUS: 'true' });

    expect(await gateway.exited).toBe(1);
    expect(gateway.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/no embedded emulator.*npm start/),
      }),
    );
  });

  it('serves GraphQL on the Graph it is given, and no GraphiQL page', async () => {
    const emulator = await startEmulator();
    try {
      const gateway = start({
        ...onRunningEmulator(emulator.url),
        GATEWAY_ALLOW_ANONYMOUS: 'true',
      });
      const url = await gateway.listening;

      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' }),
      });
      const page = await fetch(url, { headers: { accept: 'text/html' } });

      expect(await answer.json()).toEqual({
        data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
      });
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await page.text()).not.toMatch(/graphiql/i);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});
