/**
 * `npm start` as it is: the gateway process on its embedded emulator creates the Graph
 * subscription to its own port by itself, a person subscribed over SSE hears of a new job, and
 * SIGTERM with that stream open still shuts down cleanly (exit 0).
 */

import { ENTRA } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { personToken } from '../helpers/entra.js';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';
import { subscribeSse } from '../helpers/sse-client.js';

afterEach(() => killGatewayProcesses());

describe('live events in the gateway process on its embedded emulator', () => {
  it('subscribes to Graph by itself, delivers a new job to its owner, and shuts down cleanly', async () => {
    const gateway = startGatewayProcess({ EMULATOR_PORT: '0' });
    const graphql = await gateway.listening;
    await gateway.logged('Graph subscription created');
    const emulator = gateway.lines.find((line) => typeof line['emulator'] === 'string')?.[
      'emulator'
    ] as string;
    const origin = new URL(graphql).origin;
    const adele = await subscribeSse(
      origin,
      await personToken(emulator, 'adele'),
      'subscription { myPrintJobEvents { kind printJobId } }',
    );
    expect(adele.status).toBe(200);
    // The stream is open once the server's first keep-alive or header arrived; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const submitted = await fetch(`${emulator}/_emulator/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        printerId: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61',
        userId: ENTRA.people.adele.objectId,
      }),
    });
    const job = (await submitted.json()) as { id: string };
    expect((await adele.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printJobId: job.id,
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(adele.messages.some((message) => message.event === 'complete')).toBe(true);
  }, 30_000);
});
