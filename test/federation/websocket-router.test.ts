/**
 * Live events through a router that subscribes to this subgraph over WebSocket: Hive Gateway's
 * runtime with the print subgraph's subscription transport set to `ws`
 * (`@graphql-mesh/transport-ws`, as Hive Gateway's "Subscriptions" page configures it), the
 * caller's `Authorization` forwarded in `connection_init`'s payload. A person subscribed through
 * the router hears their own WAITING job, and not another person's.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { ENTRA } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { notifyTheGateway, until } from '../helpers/live-events.js';
import { subscribeSse } from '../helpers/sse-client.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';
import { composeSupergraph, PRINT_SDL } from './supergraph.js';
import { createUsersSubgraph, USERS_SDL } from './users-subgraph.js';

const PULL_PRINTER = '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61';
const ADELE = ENTRA.people.adele.objectId;
const MEGAN = ENTRA.people.megan.objectId;
const MY_EVENTS = 'subscription { myPrintJobEvents { kind printerId printJobId } }';

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  live: {},
  webSockets: { perCaller: 5, total: 100 },
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Hive Gateway in front of this test's gateway, subscribing to it over WebSocket. */
async function startRouter(): Promise<string> {
  const users = await serve(createUsersSubgraph([]) as unknown as RequestListener);
  const router = createGatewayRuntime({
    supergraph: composeSupergraph([
      { name: 'print', typeDefs: PRINT_SDL, url: `${gateway.url}/graphql` },
      { name: 'users', typeDefs: USERS_SDL, url: `${users}/graphql` },
    ]),
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
      }),
    },
    transportEntries: {
      print: {
        options: {
          subscriptions: {
            kind: 'ws',
            location: '/graphql',
            options: {
              // A WebSocket carries no per-request headers: the credential goes in connection_init.
              connectionParams: { Authorization: '{context.headers.authorization}' },
            },
          },
        },
      },
    },
  });
  cleanups.push(() => router.dispose());
  return serve(router as unknown as RequestListener);
}

describe('through Hive Gateway, subscribing to the subgraph over WebSocket', () => {
  it('tells a person of their own WAITING job, and not of another person’s', async () => {
    const manager = await notifyTheGateway(gateway);
    cleanups.push(() => manager.stop());
    const router = await startRouter();
    const adele = await subscribeSse(router, await gateway.token('adele'), MY_EVENTS);
    const megan = await subscribeSse(router, await gateway.token('megan'), MY_EVENTS);
    cleanups.push(() => adele.close());
    cleanups.push(() => megan.close());
    expect([adele.status, megan.status]).toEqual([200, 200]);
    // Each subscription reached the subgraph over its own WebSocket, as its caller.
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscribers');
    expect(gateway.httpServer.webSockets?.sockets).toBe(2);

    const adelesJob = gateway.emulator.submitJob({ printerId: PULL_PRINTER, userId: ADELE });
    expect((await adele.next(10_000)).data?.['myPrintJobEvents']).toEqual({
      kind: 'WAITING',
      printerId: PULL_PRINTER,
      printJobId: adelesJob.id,
    });
    const megansJob = gateway.emulator.submitJob({ printerId: PULL_PRINTER, userId: MEGAN });
    expect((await megan.next(10_000)).data?.['myPrintJobEvents']).toMatchObject({
      printJobId: megansJob.id,
    });
  });
});
