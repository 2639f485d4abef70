/**
 * `npm start` as it is, over WebSocket: a person subscribed with the graphql-ws client hears of
 * a new job, and SIGTERM closes the socket 1001 `SHUTTING_DOWN` and still shuts down cleanly
 * (exit 0): an open WebSocket does not hold the drain up. The second test does the same on an
 * emulator of its own, so that the production bundle (GATEWAY_TEST_ENTRY) runs it too.
 */

import { ENTRA, startEmulator } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBSOCKET_CLOSE } from '../../packages/gateway/src/server/websocket-subscriptions.js';
import { personToken } from '../helpers/entra.js';
import {
  killGatewayProcesses,
  onRunningEmulator,
  startGatewayProcess,
} from '../helpers/gateway-process.js';
import { connectWs } from '../helpers/ws-client.js';

afterEach(() => killGatewayProcesses());

describe('WebSocket subscriptions in the gateway process', () => {
  it('delivers a new job to its owner, and SIGTERM closes the socket 1001 and exits 0', async () => {
    const gateway = startGatewayProcess({ EMULATOR_PORT: '0' }, { entry: 'development' });
    const graphql = await gateway.listening;
    await gateway.logged('Graph subscription created');
    const emulator = gateway.lines.find((line) => typeof line['emulator'] === 'string')?.[
      'emulator'
    ] as string;
    const adele = connectWs(new URL(graphql).origin, await personToken(emulator, 'adele'));
    try {
      const events = adele.subscribe('subscription { myPrintJobEvents { kind printJobId } }');
      await adele.acknowledged;
      const submit = () =>
        fetch(`${emulator}/_emulator/jobs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            printerId: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61',
            userId: ENTRA.people.adele.objectId,
          }),
        }).then(async (response) => (await response.json()) as { id: string });
      // The subscription starts a moment after the acknowledgement, unseen from here: a job is
      // submitted again until one is heard, and it must be one of hers.
      const submitted: string[] = [];
      let heard: Record<string, unknown> | undefined;
      for (let attempt = 0; attempt < 5 && !heard; attempt++) {
        submitted.push((await submit()).id);
        heard = (await events.next(3_000).catch(() => undefined))?.data ?? undefined;
      }
      expect(heard?.['myPrintJobEvents']).toEqual({
        kind: 'WAITING',
        printJobId: expect.toBeOneOf(submitted),
      });

      gateway.child.kill('SIGTERM');
      expect(await adele.closed).toEqual({
        code: WEBSOCKET_CLOSE.shuttingDown,
        reason: 'SHUTTING_DOWN',
      });
      expect(await gateway.exited).toBe(0);
    } finally {
      await adele.dispose();
    }
  }, 60_000);

  it('closes an open subscription 1001 on SIGTERM and exits 0, whichever entry runs', async () => {
    const emulator = await startEmulator();
    try {
      const gateway = startGatewayProcess(onRunningEmulator(emulator.url));
      const origin = new URL(await gateway.listening).origin;
      const adele = connectWs(origin, await personToken(emulator.url, 'adele'));
      try {
        const events = adele.subscribe('subscription { myPrintJobEvents { kind } }');
        await adele.acknowledged;
        gateway.child.kill('SIGTERM');
        expect(await adele.closed).toEqual({
          code: WEBSOCKET_CLOSE.shuttingDown,
          reason: 'SHUTTING_DOWN',
        });
        expect(await events.ended).toBe('error');
        expect(await gateway.exited).toBe(0);
      } finally {
        await adele.dispose();
      }
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
