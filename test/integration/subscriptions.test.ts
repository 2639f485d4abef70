/**
 * Live release screens end to end: a person subscribed over SSE hears of their job when the
 * emulator delivers Graph's notification to the gateway's webhook (and only of theirs), of a
 * release through the gateway, and of a job whose notification was lost once reconciliation
 * runs; subscriptions are bounded and a client that goes frees its slot.
 */

import { ENTRA } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS } from '../../packages/gateway/src/auth/entra-token.js';
import { loadConfig } from '../../packages/gateway/src/config.js';
import { Reconciler } from '../../packages/gateway/src/graph-notifications/reconciliation.js';
import { SubscriptionManager } from '../../packages/gateway/src/graph-notifications/subscription-manager.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { LocalLeadership } from '../../packages/gateway/src/shared-state/local/leadership.js';
import { claimsOf } from '../helpers/entra.js';
import { startGraphNotifications, submitJobAsPerson, until } from '../helpers/live-job-events.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { subscribeSse } from '../helpers/sse-client.js';
import {
  CALLERS_OVER_HTTP,
  CLIENT_STATE,
  STATION_KEY,
  useTestGateway,
} from '../helpers/test-gateway.js';

const DEFINITION = 'd7c1e5a0-3b2f-4e6d-9a8c-1f0e2d3c4b5a';
const PULL_PRINTER = '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61';
const ADELE = ENTRA.people.adele.objectId;
const MEGAN = ENTRA.people.megan.objectId;

const MY_EVENTS = `subscription { myPrintJobEvents { kind printerId printJobId
  printJob { id createdBy { id } } printTask { id status { state } } } }`;
const PRINTER_EVENTS = `subscription ($printerId: ID!) { printerJobEvents(printerId: $printerId) {
  kind printerId printJobId } }`;

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  live: { subscriberLimits: { perCaller: 2, total: 10 } },
});
/** The callers these tests name, as the builder names them. */
const CALLER = {
  adele: 'adele',
  megan: 'megan',
  station: 'stationKey',
  dashboard: 'dashboardKey',
} as const;
const credentialOf = (who: keyof typeof CALLER) => gateway.token(CALLER[who]);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const submitJob = (userId: string) => submitJobAsPerson(gateway, userId, PULL_PRINTER);

async function startManager(lifetimeMs?: number, checkIntervalMs?: number) {
  const manager = await startGraphNotifications(gateway, lifetimeMs, checkIntervalMs);
  cleanups.push(() => manager.stop());
  return manager;
}

async function open(
  who: 'adele' | 'megan' | 'station' | 'dashboard',
  query = MY_EVENTS,
  variables = {},
) {
  const stream = await subscribeSse(gateway.url, await credentialOf(who), query, variables);
  cleanups.push(() => stream.close());
  return stream;
}

describe('job events from Graph change notifications', () => {
  it('tells a person of their new job when the emulator delivers the notification, and nobody else', async () => {
    const manager = await startManager();
    expect(manager.subscriptions.get(DEFINITION)).toBeTruthy();
    const adele = await open('adele');
    const megan = await open('megan');
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscribers');

    const adelesJob = await submitJob(ADELE);
    const event = await adele.next();
    expect(event.data?.['myPrintJobEvents']).toMatchObject({
      kind: 'WAITING',
      printerId: PULL_PRINTER,
      printJobId: adelesJob.id,
      printJob: { createdBy: { id: ADELE } },
      printTask: { status: { state: 'PROCESSING' } },
    });
    // Megan's first event is her own job: Adele's was never sent to her.
    const megansJob = await submitJob(MEGAN);
    const megans = await megan.next();
    expect(megans.data?.['myPrintJobEvents']).toMatchObject({ printJobId: megansJob.id });
  });

  it('drops a notification Graph delivers twice', async () => {
    await startManager();
    const station = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the subscriber');
    await fetch(`${gateway.emulator.url}/_emulator/subscriptions/duplicate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    const first = await submitJob(ADELE);
    const second = await submitJob(MEGAN);
    // In order, and the first job once: the duplicate was dropped, not announced again.
    expect((await station.next()).data?.['printerJobEvents']).toMatchObject({
      printJobId: first.id,
    });
    expect((await station.next()).data?.['printerJobEvents']).toMatchObject({
      printJobId: second.id,
    });
    await until(() => gateway.live.webhook.pending === 0, 'processing');
    const status = (await (
      await fetch(`${gateway.emulator.url}/_emulator/subscriptions`)
    ).json()) as {
      subscriptions: { counts: Record<string, number> }[];
    };
    expect(JSON.stringify(status.subscriptions[0]?.counts)).toContain('"duplicated":1');
    expect(station.messages.filter((m) => m.event === 'next')).toHaveLength(2);
  });

  it('announces RELEASED when a person releases their job through the gateway', async () => {
    const adele = await open('adele');
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the subscriber');
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await credentialOf('adele')}`,
      },
      body: JSON.stringify({
        query: `mutation { updatePrintTask(input: { taskDefinitionId: "${DEFINITION}",
          taskId: "a5d0c1e2-7f3b-4c9a-8e1d-000000005182", status: { state: COMPLETED } }) { __typename } }`,
      }),
    });
    expect(await response.json()).toMatchObject({
      data: { updatePrintTask: { __typename: 'UpdatePrintTaskSuccess' } },
    });
    const event = await adele.next();
    expect(event.data?.['myPrintJobEvents']).toMatchObject({
      kind: 'RELEASED',
      printJobId: '5182',
      printTask: { status: { state: 'COMPLETED' } },
    });
  });

  it("announces a station's abort to a printer's subscribers, and a person's redirect to them", async () => {
    const station = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    const adele = await open('adele');
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscribers');
    const mutate = async (who: 'station' | 'adele', query: string) => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await credentialOf(who)}`,
        },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: Record<string, { __typename: string }> };
    };
    const before = gateway.emulator.requests.entries().length;
    const aborted = await mutate(
      'station',
      `mutation { abortPrintJob(input: { printerId: "${PULL_PRINTER}", printJobId: "5183" }) { __typename } }`,
    );
    expect(aborted.data?.['abortPrintJob']?.__typename).toBe('AbortPrintJobSuccess');
    expect((await station.next()).data?.['printerJobEvents']).toMatchObject({
      kind: 'ABORTED',
      printJobId: '5183',
    });
    // The announcement cost no Graph call: the abort is the only one.
    expect(gateway.emulator.requests.entries().length - before).toBe(1);

    const redirected = await mutate(
      'adele',
      `mutation { redirectPrintJob(input: { printerId: "${PULL_PRINTER}", printJobId: "5182",
        destinationPrinterId: "0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f63" }) { __typename } }`,
    );
    expect(redirected.data?.['redirectPrintJob']?.__typename).toBe('RedirectPrintJobSuccess');
    // Megan's 5183 was never sent to Adele: her first event is her own redirect.
    expect((await adele.next()).data?.['myPrintJobEvents']).toMatchObject({
      kind: 'REDIRECTED',
      printJobId: '5182',
    });
  });

  it("tells a person of a station's release that named nobody, once Graph's notification said whose the job is", async () => {
    await startManager();
    const adele = await open('adele');
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the subscriber');
    const job = await submitJob(ADELE);
    const waiting = (await adele.next()).data?.['myPrintJobEvents'] as {
      printTask: { id: string };
    };

    const before = gateway.emulator.requests.entries().length;
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await credentialOf('station')}`,
      },
      body: JSON.stringify({
        query: `mutation { updatePrintTask(input: { taskDefinitionId: "${DEFINITION}",
          taskId: "${waiting.printTask.id}", status: { state: COMPLETED } }) { __typename } }`,
      }),
    });
    expect(await response.json()).toMatchObject({
      data: { updatePrintTask: { __typename: 'UpdatePrintTaskSuccess' } },
    });

    // At once, not at the next reconciliation, and for no Graph call beyond the PATCH.
    expect((await adele.next()).data?.['myPrintJobEvents']).toMatchObject({
      kind: 'RELEASED',
      printJobId: job.id,
    });
    expect(
      gateway.emulator.requests
        .entries()
        .slice(before)
        .filter((entry) => entry.path.startsWith('/print/'))
        .map((entry) => entry.method),
    ).toEqual(['PATCH']);
  });

  it('finds through reconciliation a waiting job whose notification was lost', async () => {
    await startManager();
    const reconciler = new Reconciler(
      gateway.gateway.service,
      gateway.live.announcer,
      new LocalLeadership(),
      { intervalMs: 60_000, maxPages: 20 },
      silentLogger,
    );
    await reconciler.reconcile(); // learns what already waits
    const adele = await open('adele');
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the subscriber');
    await fetch(`${gateway.emulator.url}/_emulator/subscriptions/drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    const lost = await submitJob(ADELE);
    await expect(adele.next(500)).rejects.toThrow(/No SSE event/);
    await reconciler.reconcile();
    expect((await adele.next()).data?.['myPrintJobEvents']).toMatchObject({
      kind: 'WAITING',
      printJobId: lost.id,
    });
  });

  it('renews a subscription before it expires, and reauthorizes on reauthorizationRequired', async () => {
    const manager = await startManager(2_000, 60_000);
    const id = manager.subscriptions.get(DEFINITION) as string;
    const patches = () =>
      gateway.emulator.requests
        .entries()
        .filter((entry) => entry.method === 'PATCH' && entry.path.includes('/subscriptions/'));
    await manager.check(); // not yet due: 75% of 2 s has not passed
    expect(patches()).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await manager.check();
    expect(patches()).toHaveLength(1);
    expect(manager.subscriptions.get(DEFINITION)).toBe(id);

    await fetch(`${gateway.emulator.url}/_emulator/subscriptions/${id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'reauthorizationRequired' }),
    });
    await until(
      () =>
        gateway.emulator.requests
          .entries()
          .some((entry) => entry.method === 'POST' && entry.path.endsWith(`${id}/reauthorize`)),
      'the reauthorize call',
    );
  });

  it('recreates a subscription whose renewal answers 404', async () => {
    const manager = await startManager(1_000, 60_000);
    const id = manager.subscriptions.get(DEFINITION) as string;
    await fetch(`${gateway.emulator.url}/_emulator/subscriptions/${id}/expire`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await manager.check();
    const renewed = manager.subscriptions.get(DEFINITION);
    expect(renewed).toBeTruthy();
    expect(renewed).not.toBe(id);
  });
});

describe('who may subscribe, and how many', () => {
  it('refuses a caller without credentials with 401 and an app on myPrintJobEvents with FORBIDDEN', async () => {
    const anonymous = await subscribeSse(gateway.url, null, MY_EVENTS);
    expect(anonymous.status).toBe(401);
    const dashboard = await open('dashboard');
    const refusal = await dashboard.next();
    expect(JSON.stringify(refusal)).toContain('FORBIDDEN');
    expect(gateway.live.liveEvents.subscribers.open).toBe(0);
  });

  it('bounds subscriptions per caller, and a client that disconnects frees its slot', async () => {
    const first = await open('megan');
    await open('megan');
    await until(
      () => gateway.live.liveEvents.subscribers.openFor(`person:${ENTRA.tenantId}/${MEGAN}`) === 2,
      'two',
    );
    const third = await open('megan');
    expect(JSON.stringify(await third.next())).toContain('TOO_MANY_SUBSCRIPTIONS');
    first.close();
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the slot to be freed');
    const again = await open('megan');
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'a new subscriber');
    again.close();
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the slot to be freed again');
  });

  it('ends every open stream with a complete event when the server closes them (shutdown)', async () => {
    const adele = await open('adele');
    const station = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscribers');
    gateway.live.liveEvents.close();
    await until(
      () => [adele, station].every((s) => s.messages.some((m) => m.event === 'complete')),
      'both streams to complete',
    );
    expect(gateway.live.liveEvents.subscribers.open).toBe(0);
  });

  describe("a gateway clock ahead of Graph's", () => {
    const MINUTE = 60_000;
    /** The lifetime a gateway asks for by default, from its configuration. */
    const defaultLifetimeMs = loadConfig({ GATEWAY_ALLOW_ANONYMOUS: 'true' }).liveEvents
      .subscriptionLifetimeMs;
    const subscriptionCalls = () =>
      gateway.emulator.requests
        .entries()
        .filter((entry) => /\/subscriptions(\/[^/]+)?$/.test(entry.path) && entry.method !== 'GET');
    const held = () => gateway.emulator.subscriptions.statuses().map((s) => s.subscription);

    /** A manager with the default lifetime that renews at every check (renewAt fraction 0). */
    function renewingManager() {
      const { logger, lines } = memoryLogger();
      const manager = new SubscriptionManager(
        gateway.gateway.service,
        new LocalLeadership(),
        {
          notificationUrl: gateway.notificationUrl,
          clientState: CLIENT_STATE,
          lifetimeMs: defaultLifetimeMs,
          renewAtFraction: 0,
          checkIntervalMs: 60_000,
        },
        logger,
      );
      cleanups.push(() => manager.stop());
      return { manager, lines };
    }

    it('creates and renews with a margin short of 4,230 minutes when the clock is 5 minutes ahead', async () => {
      gateway.emulator.subscriptions.setClockSkew(-5 * MINUTE);
      const { manager, lines } = renewingManager();
      await manager.check();
      const id = manager.subscriptions.get(DEFINITION);
      expect(held().map((subscription) => subscription.id)).toEqual([id]);
      await manager.check();
      expect(subscriptionCalls().map(({ method, status }) => [method, status])).toEqual([
        ['POST', 201],
        ['PATCH', 200],
      ]);
      expect(lines.filter((line) => line['code'] === 'GRAPH_SUBSCRIPTION_EXPIRY_REFUSED')).toEqual(
        [],
      );
    });

    it('asks for less after Graph refuses the expiry (an hour ahead), and keeps asking for less', async () => {
      gateway.emulator.subscriptions.setClockSkew(-60 * MINUTE);
      const { manager, lines } = renewingManager();
      await manager.check();
      expect(manager.subscriptions.get(DEFINITION)).toBeTruthy();
      await manager.check();
      const calls = subscriptionCalls();
      expect(calls.map(({ method, status }) => [method, status])).toEqual([
        ['POST', 400],
        ['POST', 201],
        ['PATCH', 200],
      ]);
      // Half the default lifetime, by the gateway's clock, for the creation and the renewal.
      for (const call of calls.slice(1)) {
        const asked = Date.parse((call.body as { expirationDateTime: string }).expirationDateTime);
        expect(Math.abs(asked - (Date.now() + defaultLifetimeMs / 2))).toBeLessThan(MINUTE);
      }
      expect(lines.filter((line) => line['code'] === 'GRAPH_SUBSCRIPTION_EXPIRY_REFUSED')).toEqual([
        expect.objectContaining({
          askedMinutes: defaultLifetimeMs / MINUTE,
          nextMinutes: defaultLifetimeMs / MINUTE / 2,
        }),
      ]);
    });
  });
});

describe('a stream lasts as long as its credential', () => {
  /** Adele's token, signed again by the emulator's Entra so the gateway refuses it in `seconds`. */
  async function adeleTokenRefusedIn(seconds: number): Promise<string> {
    const claims = claimsOf(await credentialOf('adele'));
    const exp = Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_SECONDS + seconds;
    return gateway.emulator.entra.sign({ ...claims, iat: exp - 3600, nbf: exp - 3600, exp });
  }

  it('ends with TOKEN_EXPIRED when the token does, frees its slot, and hears nothing after', async () => {
    const token = await adeleTokenRefusedIn(4);
    const stream = await subscribeSse(gateway.url, token, MY_EVENTS);
    cleanups.push(() => stream.close());
    expect(stream.status).toBe(200);
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the stream to open');

    const last = await stream.next(15_000);
    expect(last).toMatchObject({
      data: null,
      errors: [
        { message: expect.stringMatching(/expired/), extensions: { code: 'TOKEN_EXPIRED' } },
      ],
    });
    await until(() => stream.messages.some((m) => m.event === 'complete'), 'the stream to end');
    expect(gateway.live.liveEvents.subscribers.open).toBe(0);

    // The same token on a new request gets the same code, before any GraphQL runs.
    const again = await subscribeSse(gateway.url, token, MY_EVENTS);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body ?? '')).toMatchObject({
      errors: [{ extensions: { code: 'TOKEN_EXPIRED' } }],
    });
    // A job of hers after the end reaches no stream: the expired one sent its last message.
    const manager = await startManager();
    expect(manager.subscriptions.get(DEFINITION)).toBeTruthy();
    const fresh = await open('adele');
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'a fresh stream');
    const job = await submitJob(ADELE);
    expect((await fresh.next()).data?.['myPrintJobEvents']).toMatchObject({ printJobId: job.id });
    expect(stream.messages.map((m) => m.event)).toEqual(['next', 'complete']);
  });

  it("keeps a service key's stream open: only a restart removes a key, and it ends every stream", async () => {
    const station = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the stream to open');
    await startManager();
    const job = await submitJob(ADELE);
    expect((await station.next()).data?.['printerJobEvents']).toMatchObject({ printJobId: job.id });
  });
});

describe('subscriptions that no stream would answer', () => {
  const STATION_EVENTS = JSON.stringify({
    query: PRINTER_EVENTS,
    variables: { printerId: PULL_PRINTER },
  });

  async function postAsStation(body: string, accept: string) {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept,
        authorization: `Bearer ${STATION_KEY}`,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  it('refuses each subscription of a batched request with SUBSCRIPTION_IN_BATCH and takes no slot', async () => {
    gateway.emulator.requests.clear();
    // Three a request, twice: more than the station's 2 slots, had any been taken.
    const batch = `[${STATION_EVENTS},${STATION_EVENTS},{"query":"{ __typename }"},${STATION_EVENTS}]`;
    for (let round = 0; round < 2; round++) {
      const { status, body } = await postAsStation(batch, 'application/json');
      expect(status).toBe(200);
      const refused = {
        errors: [
          {
            message: expect.stringMatching(/batched request/),
            extensions: { code: 'SUBSCRIPTION_IN_BATCH' },
          },
        ],
      };
      expect(JSON.parse(body)).toEqual([
        refused,
        refused,
        { data: { __typename: 'Query' } },
        refused,
      ]);
      expect(gateway.live.liveEvents.subscribers.open).toBe(0);
    }
    expect(gateway.emulator.requests.entries()).toEqual([]);

    // The station can still subscribe, as many times as its limit allows.
    const first = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    const second = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    expect([first.status, second.status]).toEqual([200, 200]);
    await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two streams');
    expect(first.messages.concat(second.messages).map((m) => m.event)).not.toContain('next');
  });

  it('gives the slot back when the client accepts no stream (406)', async () => {
    for (let round = 0; round < 3; round++) {
      const { status } = await postAsStation(STATION_EVENTS, 'application/json');
      expect(status).toBe(406);
      await until(() => gateway.live.liveEvents.subscribers.open === 0, 'the slot to come back');
    }
    const stream = await open('station', PRINTER_EVENTS, { printerId: PULL_PRINTER });
    expect(stream.status).toBe(200);
    await until(() => gateway.live.liveEvents.subscribers.open === 1, 'a stream');
  });
});
