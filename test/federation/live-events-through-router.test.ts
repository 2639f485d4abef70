/**
 * Live release screens through a router: a person subscribes at Hive Gateway over SSE, the
 * router subscribes at the print subgraph with the person's forwarded token (GraphQL over SSE,
 * Hive Gateway's default for an HTTP subgraph), and Graph's notification of a new job, delivered
 * by the emulator to the gateway's webhook, reaches that person and nobody else.
 */
import type { RequestListener } from 'node:http';
import { ENTRA } from '@universal-print-gateway/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphNotifications, submitJobAsPerson, until } from '../helpers/live-job-events.js';
import { type SseSubscription, subscribeSse } from '../helpers/sse-client.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';
import { type RunningSupergraph, startSupergraph } from './supergraph.js';

const ADELE = ENTRA.people.adele.objectId;
const MEGAN = ENTRA.people.megan.objectId;

const MY_EVENTS = `subscription { myPrintJobEvents { kind printerId printJobId
  printJob { id createdBy { id } } } }`;

const gateway = useTestGateway({ ...CALLERS_OVER_HTTP, live: {} });

let supergraph: RunningSupergraph;
/** How the router asked the print subgraph for each stream: its Accept and Authorization. */
let streamsAtSubgraph: { accept: string; authorization: string }[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  streamsAtSubgraph = [];
  const print: RequestListener = (request, response) => {
    const accept = request.headers.accept ?? '';
    if (accept.includes('text/event-stream')) {
      streamsAtSubgraph.push({ accept, authorization: request.headers.authorization ?? '' });
    }
    (gateway.gateway.app as unknown as RequestListener)(request, response);
  };
  supergraph = await startSupergraph({
    print,
    users: [
      { id: ADELE, name: 'Adele Vance' },
      { id: MEGAN, name: 'Megan Bowen' },
    ],
  });
  cleanups.push(() => supergraph.close());
  const notifications = await startGraphNotifications(gateway);
  cleanups.push(() => notifications.stop());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Subscribes at the router, as a release screen would, with the person's own token. */
async function subscribeAtRouter(person: 'adele' | 'megan'): Promise<SseSubscription> {
  const routerOrigin = new URL(supergraph.url ?? '').origin;
  const stream = await subscribeSse(routerOrigin, await gateway.token(person), MY_EVENTS);
  cleanups.push(() => stream.close());
  expect(stream.status).toBe(200);
  return stream;
}

const eventOf = (message: { data?: Record<string, unknown> }) => message.data?.['myPrintJobEvents'];

describe('live job events through Hive Gateway', () => {
  it('tells each person of their own WAITING job and not of the other’s', async () => {
    const adele = await subscribeAtRouter('adele');
    const megan = await subscribeAtRouter('megan');
    // Both streams reached the print subgraph through the router, over SSE, each with its
    // person's token.
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscribers');
    expect(streamsAtSubgraph.map((stream) => stream.authorization).sort()).toEqual(
      [`Bearer ${await gateway.token('adele')}`, `Bearer ${await gateway.token('megan')}`].sort(),
    );

    const adelesJob = await submitJobAsPerson(gateway, ADELE);
    expect(eventOf(await adele.next())).toEqual({
      kind: 'WAITING',
      printerId: expect.any(String),
      printJobId: adelesJob.id,
      printJob: { id: adelesJob.id, createdBy: { id: ADELE } },
    });

    const megansJob = await submitJobAsPerson(gateway, MEGAN);
    // Megan's first event is her own job: Adele's was never sent to her.
    expect(eventOf(await megan.next())).toMatchObject({
      kind: 'WAITING',
      printJobId: megansJob.id,
      printJob: { createdBy: { id: MEGAN } },
    });

    // Adele's next event is her second job: Megan's, announced in between, never reached her.
    const adelesSecond = await submitJobAsPerson(gateway, ADELE);
    expect(eventOf(await adele.next())).toMatchObject({
      kind: 'WAITING',
      printJobId: adelesSecond.id,
    });
  });
});
