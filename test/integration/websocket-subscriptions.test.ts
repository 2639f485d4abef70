/**
 * Live release screens over GraphQL over WebSocket (graphql-ws, `graphql-transport-ws`) on the
 * gateway's own HTTP server: the graphql-ws client over a real socket, the emulator's Entra and
 * Graph notifications. A person hears their own WAITING and not another's; credentials are
 * checked at `connection_init`; SSE and WebSocket share the subscriber limits; connections,
 * messages and idle sockets are bounded; the token's expiry and the drain close the socket with
 * their documented codes.
 */

import { once } from 'node:events';
import { connect as connectTcp } from 'node:net';
import { ENTRA } from '@universal-print-gateway/emulator';
import { CloseCode } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOCK_TOLERANCE_SECONDS } from '../../packages/gateway/src/auth/entra-token.js';
import { MAX_REQUEST_BODY_BYTES } from '../../packages/gateway/src/edge/limits.js';
import {
  WEBSOCKET_CLOSE,
  WEBSOCKET_INIT_TIMEOUT_MS,
} from '../../packages/gateway/src/server/websocket-subscriptions.js';
import { claimsOf } from '../helpers/entra.js';
import { notifyTheGateway, until } from '../helpers/live-events.js';
import { subscribeSse } from '../helpers/sse-client.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';
import { type CredentialCarrier, connectWs, webSocketUrl } from '../helpers/ws-client.js';

const PULL_PRINTER = '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61';
const ADELE = ENTRA.people.adele.objectId;
const MEGAN = ENTRA.people.megan.objectId;
const MY_EVENTS = `subscription { myPrintJobEvents { kind printerId printJobId
  printJob { id createdBy { id } } } }`;

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  live: { subscriberLimits: { perCaller: 2, total: 10 } },
  webSockets: { perCaller: 2, total: 10 },
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connect(
  who: 'adele' | 'megan' | 'stationKey' | null,
  carrier: CredentialCarrier = 'connectionParams',
) {
  const connection = connectWs(gateway.url, who && (await gateway.token(who)), carrier);
  cleanups.push(() => connection.dispose());
  return connection;
}

const subscribers = () => gateway.live.liveEvents.subscribers.open;

describe('a person subscribed over WebSocket', () => {
  it('hears their own WAITING job and not another person’s, with either way of sending the token', async () => {
    const manager = await notifyTheGateway(gateway);
    cleanups.push(() => manager.stop());
    const adele = (await connect('adele', 'connectionParams')).subscribe(MY_EVENTS);
    const megan = (await connect('megan', 'header')).subscribe(MY_EVENTS);
    await until(() => subscribers() === 2, 'two subscribers');

    const adelesJob = gateway.emulator.submitJob({ printerId: PULL_PRINTER, userId: ADELE });
    expect((await adele.next()).data?.['myPrintJobEvents']).toMatchObject({
      kind: 'WAITING',
      printerId: PULL_PRINTER,
      printJobId: adelesJob.id,
      printJob: { createdBy: { id: ADELE } },
    });
    // Megan's first event is her own job: Adele's was never sent to her.
    const megansJob = gateway.emulator.submitJob({ printerId: PULL_PRINTER, userId: MEGAN });
    expect((await megan.next()).data?.['myPrintJobEvents']).toMatchObject({
      kind: 'WAITING',
      printJobId: megansJob.id,
    });
    expect(adele.results).toHaveLength(1);
  });

  it('is refused at connection_init without a token or with a bad one, before anything subscribes', async () => {
    const anonymous = await connect(null);
    anonymous.subscribe(MY_EVENTS);
    expect(await anonymous.closed).toEqual({
      code: WEBSOCKET_CLOSE.refused,
      reason: 'UNAUTHENTICATED',
    });
    const forged = connectWs(gateway.url, `${await gateway.token('adele')}x`);
    cleanups.push(() => forged.dispose());
    forged.subscribe(MY_EVENTS);
    expect(await forged.closed).toEqual({ code: CloseCode.Forbidden, reason: 'INVALID_TOKEN' });
    expect(subscribers()).toBe(0);
    expect(gateway.emulator.requests.entries()).toHaveLength(0);
  });

  it('serves subscriptions only: a query or mutation is refused without a Graph call', async () => {
    const station = await connect('stationKey');
    await station.acknowledged;
    const query = station.subscribe('{ printTaskDefinitions { id } }');
    await expect(query.next()).rejects.toThrow(/SUBSCRIPTIONS_ONLY/);
    const mutation = station.subscribe(
      `mutation { abortPrintJob(input: { printerId: "${PULL_PRINTER}", printJobId: "5183" }) { __typename } }`,
    );
    await expect(mutation.next()).rejects.toThrow(/SUBSCRIPTIONS_ONLY/);
    // The HTTP edge's limits hold too: before parsing, and in validation.
    const nested = station.subscribe(`subscription { myPrintJobEvents ${'{ a '.repeat(40)} }`);
    await expect(nested.next()).rejects.toThrow(/NESTING/);
    expect(gateway.emulator.requests.entries()).toHaveLength(0);
  });
});

describe('the same limits as over SSE', () => {
  it('counts WebSocket subscriptions and SSE streams together, per caller', async () => {
    const token = await gateway.token('megan');
    for (let n = 0; n < 2; n++) {
      const stream = await subscribeSse(gateway.url, token, MY_EVENTS);
      cleanups.push(() => stream.close());
    }
    await until(() => subscribers() === 2, 'two SSE streams');
    const refused = (await connect('megan')).subscribe(MY_EVENTS);
    expect(JSON.stringify(await refused.next())).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(subscribers()).toBe(2);
  });

  it('bounds connections per caller: one too many is closed 1013, and one closed frees its place', async () => {
    const first = await connect('adele');
    await first.acknowledged;
    await (await connect('adele')).acknowledged;
    const third = await connect('adele');
    expect(await third.closed).toEqual({
      code: WEBSOCKET_CLOSE.tooManyConnections,
      reason: 'TOO_MANY_CONNECTIONS',
    });
    await first.dispose();
    await first.closed;
    await (await connect('adele')).acknowledged;
  });

  it('closes 1009 a connection that sends a message over the body limit', async () => {
    const socket = new WebSocket(webSocketUrl(gateway.url), 'graphql-transport-ws');
    cleanups.push(() => socket.terminate());
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { x: 'x'.repeat(MAX_REQUEST_BODY_BYTES) },
      }),
    );
    expect(await closed).toBe(1009);
  });

  it(`closes 4408 a socket that never sends connection_init, after ${WEBSOCKET_INIT_TIMEOUT_MS} ms`, async () => {
    const socket = new WebSocket(webSocketUrl(gateway.url), 'graphql-transport-ws');
    cleanups.push(() => socket.terminate());
    const opened = Date.now();
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(CloseCode.ConnectionInitialisationTimeout);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(WEBSOCKET_INIT_TIMEOUT_MS - 50);
  });
});

/** The status line an upgrade request gets, sent as raw bytes (any Host, any path). */
async function upgradeStatus(path: string, host: string): Promise<string> {
  const { port } = new URL(gateway.url);
  const socket = connectTcp(Number(port), '127.0.0.1');
  cleanups.push(() => void socket.destroy());
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
  );
  const [head] = (await once(socket, 'data')) as [Buffer];
  return head.toString('latin1').split('\r\n')[0] ?? '';
}

describe('which upgrades become WebSockets', () => {
  it('answers one on another path 404 and one with a malformed Host 400, and upgrades /graphql', async () => {
    const host = new URL(gateway.url).host;
    expect(await upgradeStatus('/other', host)).toBe('HTTP/1.1 404 Not Found');
    expect(await upgradeStatus('/graphql', 'bad host')).toBe('HTTP/1.1 400 Bad Request');
    expect(await upgradeStatus('/graphql', host)).toBe('HTTP/1.1 101 Switching Protocols');
  });
});

describe('closed with a documented code', () => {
  it('when the token expires: 4403 TOKEN_EXPIRED, and the subscription’s slot is given back', async () => {
    const claims = claimsOf(await gateway.token('adele'));
    const exp = Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_SECONDS + 3;
    const token = await gateway.emulator.entra.sign({
      ...claims,
      iat: exp - 3600,
      nbf: exp - 3600,
      exp,
    });
    const connection = connectWs(gateway.url, token);
    cleanups.push(() => connection.dispose());
    connection.subscribe(MY_EVENTS);
    await until(() => subscribers() === 1, 'the subscription');
    expect(await connection.closed).toEqual({
      code: WEBSOCKET_CLOSE.refused,
      reason: 'TOKEN_EXPIRED',
    });
    await until(() => subscribers() === 0, 'the slot to be given back');
  });

  it('when the gateway drains: 1001 SHUTTING_DOWN, and new connections are refused', async () => {
    const adele = await connect('adele');
    const subscription = adele.subscribe(MY_EVENTS);
    await until(() => subscribers() === 1, 'the subscription');
    gateway.httpServer.beginDrain();
    expect(await adele.closed).toEqual({
      code: WEBSOCKET_CLOSE.shuttingDown,
      reason: 'SHUTTING_DOWN',
    });
    expect(await subscription.ended).toBe('error');
    await until(() => subscribers() === 0, 'the slot to be given back');
    const late = new WebSocket(webSocketUrl(gateway.url), 'graphql-transport-ws');
    late.on('error', () => {});
    const refusal = await new Promise<number | undefined>((resolve) => {
      late.once('unexpected-response', (request, response) => {
        resolve(response.statusCode);
        request.destroy();
      });
      late.once('open', () => resolve(undefined));
    });
    expect(refusal).toBe(503);
  });
});
