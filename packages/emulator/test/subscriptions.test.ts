import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorPrintJob } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { admin, type Collection, type GraphErrorBody, graph } from './graph-http.js';
import { sdkClient } from './sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

// Short deadlines and retries so failures show within a test; the defaults are Graph's (README).
const env = useEmulator({
  subscriptions: { handshakeTimeoutMs: 300, deliveryTimeoutMs: 300, retryDelaysMs: [50, 100] },
});

const TENANT_ID = '6c3f9a2e-1b4d-4e8f-a5c7-2d9e0b1f3a40';
const tasksResource = `print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`;
const MINUTE = 60_000;

interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  clientState: string | null;
  applicationId: string;
  creatorId: string;
  latestSupportedTlsVersion: string;
}

interface SubscriptionStatus extends Subscription {
  counts: Record<string, number>;
}

let hook: WebhookReceiver;
let lifecycleHook: WebhookReceiver;

beforeEach(async () => {
  hook = await startWebhookReceiver();
  lifecycleHook = await startWebhookReceiver();
});

afterEach(async () => {
  await hook.close();
  await lifecycleHook.close();
});

const inMinutes = (minutes: number): string =>
  new Date(Date.now() + minutes * MINUTE).toISOString();

function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    changeType: 'created',
    resource: tasksResource,
    notificationUrl: hook.url,
    lifecycleNotificationUrl: lifecycleHook.url,
    expirationDateTime: inMinutes(4200),
    clientState: 'secret-client-state',
    ...overrides,
  };
}

function subscribe(
  overrides: Record<string, unknown> = {},
  token: string = EMULATOR_TOKENS.gatewayApp,
) {
  return graph<Subscription & GraphErrorBody>(env.emulator.url, 'POST', '/subscriptions', {
    json: createBody(overrides),
    token,
  });
}

async function subscribed(overrides: Record<string, unknown> = {}): Promise<Subscription> {
  const reply = await subscribe(overrides);
  expect(reply.status).toBe(201);
  return reply.body;
}

async function listed(): Promise<Subscription[]> {
  const reply = await graph<Collection<Subscription>>(env.emulator.url, 'GET', '/subscriptions');
  return reply.body.value;
}

async function submitJob(printerId: string = DEMO.printers.floor1): Promise<EmulatorPrintJob> {
  const reply = await admin<EmulatorPrintJob>(env.emulator.url, 'POST', '/_emulator/jobs', {
    printerId,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Until every queued, in-flight and retried notification has been settled. */
async function deliveriesSettled(): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (env.emulator.subscriptions.pendingDeliveries() > 0) {
    if (Date.now() > deadline) throw new Error('Deliveries did not settle.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function statusOf(id: string): Promise<SubscriptionStatus | undefined> {
  const reply = await admin<{ subscriptions: SubscriptionStatus[] }>(
    env.emulator.url,
    'GET',
    '/_emulator/subscriptions',
  );
  return reply.body.subscriptions.find((subscription) => subscription.id === id);
}

describe('creating a subscription', () => {
  it('validates both endpoints with a decoded token and answers 201 with the entity', async () => {
    const reply = await subscribe();
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
      resource: tasksResource,
      changeType: 'created',
      notificationUrl: hook.url,
      lifecycleNotificationUrl: lifecycleHook.url,
      clientState: 'secret-client-state',
      applicationId: DEMO.gatewayAppId,
      creatorId: DEMO.gatewayAppId,
      latestSupportedTlsVersion: 'v1_2',
    });
    expect(reply.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(hook.validations).toHaveLength(1);
    expect(hook.validations[0]).toMatch(/^Validation: .+ Request-Id: [0-9a-f-]{36}$/);
    expect(lifecycleHook.validations).toHaveLength(1);
    expect(await listed()).toEqual([expect.objectContaining({ id: reply.body.id })]);
  });

  it.each([
    ['wrongEcho', 'ValidationError', 'Response must exactly match validationToken'],
    ['jsonEcho', 'ValidationError', 'Response must exactly match validationToken'],
    ['notFound', 'ValidationError', 'must respond with 200 OK'],
    ['hang', 'InvalidRequest', 'timed out'],
    ['redirect', 'ValidationError', 'must respond with 200 OK'],
  ] as const)(
    'answers 400 and creates nothing when the handshake is %s',
    async (mode, code, text) => {
      hook.handshake = mode;
      const reply = await subscribe();
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe(code);
      expect(reply.body.error.message).toContain(text);
      expect(await listed()).toEqual([]);
    },
  );

  it('validates the lifecycle endpoint too and creates nothing when it fails', async () => {
    lifecycleHook.handshake = 'notFound';
    const reply = await subscribe();
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ValidationError');
    expect(await listed()).toEqual([]);
  });

  it('answers 400 ValidationError when nothing listens at the notification URL', async () => {
    const gone = hook.url;
    await hook.close();
    const reply = await subscribe({ notificationUrl: gone });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ValidationError');
    hook = await startWebhookReceiver();
  });

  it('keeps answering other requests while a handshake hangs', async () => {
    hook.handshake = 'hang';
    const pending = subscribe();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const health = await admin(env.emulator.url, 'GET', '/_emulator/health');
    expect(health.status).toBe(200);
    const tasks = await graph(env.emulator.url, 'GET', `/${tasksResource}`);
    expect(tasks.status).toBe(200);
    expect(hook.validations).toHaveLength(1);
    expect((await pending).status).toBe(400);
  });

  it('answers 409 for the same changeType and resource from the same app', async () => {
    const first = await subscribed();
    const second = await subscribe({ notificationUrl: `${hook.url}/other` });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(first.id);
    expect(await listed()).toHaveLength(1);
  });

  it.each([
    ['in the past', { expirationDateTime: inMinutes(-1) }, 'in the past'],
    ['more than 4230 minutes away', { expirationDateTime: inMinutes(4231) }, '4230 minutes'],
    ['not a date', { expirationDateTime: 'tomorrow' }, 'ISO 8601'],
    ['a clientState over 128 characters', { clientState: 'x'.repeat(129) }, '128'],
    ['a file: notificationUrl', { notificationUrl: 'file:///etc/passwd' }, 'http or https'],
    ['a relative notificationUrl', { notificationUrl: '/hook' }, 'absolute'],
    ['an ftp: lifecycle URL', { lifecycleNotificationUrl: 'ftp://127.0.0.1/x' }, 'http or https'],
    [
      'printer jobs with changeType created',
      { resource: `print/printers/${DEMO.printers.floor1}/jobs` },
      "only 'updated'",
    ],
    [
      'printer jobs without the isFetchable filter',
      { resource: `print/printers/${DEMO.printers.floor1}/jobs`, changeType: 'updated' },
      'isFetchable eq true',
    ],
    ['another resource', { resource: 'print/printers' }, 'not supported'],
    [
      'query options on tasks',
      { notificationQueryOptions: '$filter = isFetchable eq true' },
      'only for printer jobs',
    ],
    ['changeType updated', { changeType: 'updated' }, "only 'created'"],
    ['no notificationUrl', { notificationUrl: undefined }, 'notificationUrl is required'],
    ['rich notifications', { includeResourceData: true }, 'includeResourceData'],
  ])('answers 400 without contacting any endpoint for %s', async (_name, overrides, text) => {
    const reply = await subscribe(overrides);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain(text);
    expect(hook.validations).toEqual([]);
    expect(lifecycleHook.validations).toEqual([]);
  });

  it("refuses an expiry beyond 4230 minutes with Graph's 400 ExtensionError", async () => {
    const reply = await subscribe({ expirationDateTime: inMinutes(4231) });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'ExtensionError',
      message: 'Subscription expiration can only be 4230 minutes in the future.',
    });
  });

  it('accepts an expiry just under 4230 minutes', async () => {
    const subscription = await subscribed({ expirationDateTime: inMinutes(4229) });
    expect(Date.parse(subscription.expirationDateTime)).toBeGreaterThan(Date.now() + 4228 * MINUTE);
  });

  it('refuses another app’s task definition (403), an unknown one (404) and a user token (403)', async () => {
    const other = await subscribe({
      resource: `print/taskDefinitions/${DEMO.otherTaskDefinitionId}/tasks`,
    });
    expect(other.status).toBe(403);
    const unknown = await subscribe({
      resource: 'print/taskDefinitions/00000000-0000-4000-8000-000000000000/tasks',
    });
    expect(unknown.status).toBe(404);
    const user = await subscribe({}, EMULATOR_TOKENS.user);
    expect(user.status).toBe(403);
    expect(hook.validations).toEqual([]);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const reply = await graph(env.emulator.url, 'POST', '/subscriptions', {
      body: 'changeType=created',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(415);
  });
});

describe('reading, renewing and deleting', () => {
  it('GETs one subscription and hides it from another app', async () => {
    const subscription = await subscribed();
    const mine = await graph<Subscription>(
      env.emulator.url,
      'GET',
      `/subscriptions/${subscription.id}`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(subscription.id);
    const theirs = await graph(env.emulator.url, 'GET', `/subscriptions/${subscription.id}`, {
      token: EMULATOR_TOKENS.otherApp,
    });
    expect(theirs.status).toBe(404);
    const theirList = await graph<Collection<Subscription>>(
      env.emulator.url,
      'GET',
      '/subscriptions',
      {
        token: EMULATOR_TOKENS.otherApp,
      },
    );
    expect(theirList.body.value).toEqual([]);
  });

  it('renews with PATCH expirationDateTime within the same limits', async () => {
    const subscription = await subscribed({ expirationDateTime: inMinutes(10) });
    const later = inMinutes(4000);
    const renewed = await graph<Subscription>(
      env.emulator.url,
      'PATCH',
      `/subscriptions/${subscription.id}`,
      {
        json: { expirationDateTime: later },
      },
    );
    expect(renewed.status).toBe(200);
    expect(renewed.body.expirationDateTime).toBe(later);
    const tooFar = await graph<GraphErrorBody>(
      env.emulator.url,
      'PATCH',
      `/subscriptions/${subscription.id}`,
      {
        json: { expirationDateTime: inMinutes(5000) },
      },
    );
    expect(tooFar.status).toBe(400);
    const other = await graph(env.emulator.url, 'PATCH', `/subscriptions/${subscription.id}`, {
      json: { clientState: 'new' },
    });
    expect(other.status).toBe(400);
    const [current] = await listed();
    expect(current?.expirationDateTime).toBe(later);
  });

  it('DELETEs with 204, then the subscription is gone and delivers nothing', async () => {
    const subscription = await subscribed();
    const deleted = await graph(env.emulator.url, 'DELETE', `/subscriptions/${subscription.id}`);
    expect(deleted.status).toBe(204);
    expect((await graph(env.emulator.url, 'GET', `/subscriptions/${subscription.id}`)).status).toBe(
      404,
    );
    await submitJob();
    await deliveriesSettled();
    expect(hook.posts).toEqual([]);
  });

  it('answers reauthorize with 204, and 404 for an unknown subscription', async () => {
    const subscription = await subscribed();
    const ok = await graph(
      env.emulator.url,
      'POST',
      `/subscriptions/${subscription.id}/reauthorize`,
    );
    expect(ok.status).toBe(204);
    const unknown = await graph(
      env.emulator.url,
      'POST',
      '/subscriptions/00000000-0000-4000-8000-000000000000/reauthorize',
    );
    expect(unknown.status).toBe(404);
  });
});

describe('delivering task-created notifications', () => {
  it('POSTs a created notification with the task resource, clientState and tenant', async () => {
    const subscription = await subscribed();
    const job = await submitJob();
    const taskId = job.tasks[0]?.id;
    const [notification] = await hook.waitForNotifications(1);
    const resource = `${tasksResource}/${taskId}`;
    expect(notification).toEqual({
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      changeType: 'created',
      resource,
      resourceData: {
        '@odata.type': '#microsoft.graph.printTask',
        '@odata.id': resource,
        id: taskId,
      },
      clientState: 'secret-client-state',
      tenantId: TENANT_ID,
    });
    expect(hook.posts[0]?.contentType).toBe('application/json');
    expect(hook.posts[0]?.path).toBe('/hook');
    expect(lifecycleHook.posts).toEqual([]);
  });

  it('delivers nothing for a printer without a trigger or for another definition', async () => {
    await subscribed();
    await submitJob(DEMO.printers.direct);
    await submitJob(DEMO.printers.otherApp);
    await deliveriesSettled();
    expect(hook.posts).toEqual([]);
  });

  it('batches a backlog submitted at once into one POST', async () => {
    await subscribed();
    await admin(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: DEMO.printers.floor1,
      count: 3,
    });
    await hook.waitForNotifications(3);
    await deliveriesSettled();
    expect(hook.posts).toHaveLength(1);
    expect(hook.posts[0]?.body.value).toHaveLength(3);
  });

  it('delivers the next notification twice, with the same content, when told to duplicate', async () => {
    const subscription = await subscribed();
    expect(
      (await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/duplicate', { count: 1 }))
        .status,
    ).toBe(200);
    await submitJob();
    const [first, second] = await hook.waitForNotifications(2);
    await deliveriesSettled();
    expect(hook.posts).toHaveLength(2);
    expect(second).toEqual(first);
    expect((await statusOf(subscription.id))?.counts).toMatchObject({
      delivered: 2,
      duplicated: 1,
    });
  });

  it('loses the next notification when told to drop one', async () => {
    const subscription = await subscribed();
    await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/drop', { count: 1 });
    await submitJob();
    const kept = await submitJob();
    await hook.waitForNotifications(1);
    await deliveriesSettled();
    expect(hook.notifications()).toHaveLength(1);
    expect(hook.notifications()[0]?.['resource']).toBe(`${tasksResource}/${kept.tasks[0]?.id}`);
    expect((await statusOf(subscription.id))?.counts).toMatchObject({ delivered: 1, dropped: 1 });
  });

  it('retries a POST that was not answered with 2xx', async () => {
    const subscription = await subscribed();
    hook.notificationStatuses = [503];
    await submitJob();
    await hook.waitForNotifications(2);
    await deliveriesSettled();
    const [failed, retried] = hook.notifications();
    expect(retried).toEqual(failed);
    expect((await statusOf(subscription.id))?.counts).toMatchObject({
      delivered: 1,
      failedAttempts: 1,
      abandoned: 0,
    });
  });

  it('gives up after the bounded retries when the endpoint is gone, and stays healthy', async () => {
    const subscription = await subscribed();
    await hook.close();
    await submitJob();
    await deliveriesSettled();
    expect((await statusOf(subscription.id))?.counts).toMatchObject({
      delivered: 0,
      failedAttempts: 3,
      abandoned: 1,
    });
    expect((await admin(env.emulator.url, 'GET', '/_emulator/health')).status).toBe(200);
    hook = await startWebhookReceiver();
  });

  it('stops delivering once a subscription expires, and removes it', async () => {
    const subscription = await subscribed({
      expirationDateTime: new Date(Date.now() + 400).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 450));
    await submitJob();
    await deliveriesSettled();
    expect(hook.posts).toEqual([]);
    expect((await graph(env.emulator.url, 'GET', `/subscriptions/${subscription.id}`)).status).toBe(
      404,
    );
  });

  it('expires a subscription on demand', async () => {
    const subscription = await subscribed();
    const expired = await admin(
      env.emulator.url,
      'POST',
      `/_emulator/subscriptions/${subscription.id}/expire`,
    );
    expect(expired.status).toBe(204);
    await submitJob();
    await deliveriesSettled();
    expect(hook.posts).toEqual([]);
    expect(await listed()).toEqual([]);
  });
});

describe('lifecycle notifications', () => {
  it('sends reauthorizationRequired to the lifecycle URL when told to', async () => {
    const subscription = await subscribed();
    const reply = await admin(
      env.emulator.url,
      'POST',
      `/_emulator/subscriptions/${subscription.id}/lifecycle`,
      {
        lifecycleEvent: 'reauthorizationRequired',
      },
    );
    expect(reply.status).toBe(202);
    const [notification] = await lifecycleHook.waitForNotifications(1);
    expect(notification).toEqual({
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      lifecycleEvent: 'reauthorizationRequired',
      resource: tasksResource,
      clientState: 'secret-client-state',
      tenantId: TENANT_ID,
    });
    expect(hook.posts).toEqual([]);
  });

  it('refuses subscriptionRemoved and missed, which Graph never sends for print', async () => {
    const subscription = await subscribed();
    for (const lifecycleEvent of ['subscriptionRemoved', 'missed']) {
      const reply = await admin(
        env.emulator.url,
        'POST',
        `/_emulator/subscriptions/${subscription.id}/lifecycle`,
        {
          lifecycleEvent,
        },
      );
      expect(reply.status).toBe(400);
    }
  });

  it('answers 409 for a subscription without a lifecycle URL', async () => {
    const subscription = await subscribed({ lifecycleNotificationUrl: undefined });
    const reply = await admin(
      env.emulator.url,
      'POST',
      `/_emulator/subscriptions/${subscription.id}/lifecycle`,
      {
        lifecycleEvent: 'reauthorizationRequired',
      },
    );
    expect(reply.status).toBe(409);
  });
});

describe('admin knobs', () => {
  it('lists subscriptions with their counts and knobs, and rejects bad counts', async () => {
    const subscription = await subscribed();
    await submitJob();
    await hook.waitForNotifications(1);
    await deliveriesSettled();
    const reply = await admin<{ subscriptions: SubscriptionStatus[]; knobs: unknown }>(
      env.emulator.url,
      'GET',
      '/_emulator/subscriptions',
    );
    expect(reply.body.subscriptions).toEqual([
      expect.objectContaining({
        id: subscription.id,
        counts: expect.objectContaining({ delivered: 1 }),
      }),
    ]);
    expect(reply.body.knobs).toEqual({ dropNext: 0, duplicateNext: 0 });
    for (const count of [-1, 1.5, 'two', 1001]) {
      expect(
        (await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/drop', { count })).status,
      ).toBe(400);
    }
    expect((await admin(env.emulator.url, 'GET', '/_emulator/subscriptions/drop')).status).toBe(
      405,
    );
    expect((await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/x/y/z')).status).toBe(
      404,
    );
    expect(
      (await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/%E0%A4%A/expire')).status,
    ).toBe(400);
  });

  it("sets Graph's clock apart from the caller's: expiries are judged, and lapse, by Graph's", async () => {
    // Graph 5 minutes behind the caller: what the caller calls 4,229 minutes away is 4,234.
    const set = await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/clock', {
      skewMs: -5 * MINUTE,
    });
    expect(set).toMatchObject({ status: 200, body: { skewMs: -5 * MINUTE } });
    const tooFar = await subscribe({ expirationDateTime: inMinutes(4229) });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.error.code).toBe('ExtensionError');
    const subscription = await subscribed({ expirationDateTime: inMinutes(4200) });
    const renewal = (minutes: number) =>
      graph<GraphErrorBody>(env.emulator.url, 'PATCH', `/subscriptions/${subscription.id}`, {
        json: { expirationDateTime: inMinutes(minutes) },
      });
    expect((await renewal(4229)).status).toBe(400);
    expect((await renewal(4200)).status).toBe(200);
    // Graph 5 minutes ahead: an expiry 2 minutes away by the caller's clock is in Graph's past.
    await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/clock', { skewMs: 5 * MINUTE });
    expect((await renewal(2)).status).toBe(400);
    for (const skewMs of [1.5, '60000', 8 * 24 * 60 * MINUTE, undefined]) {
      expect(
        (await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/clock', { skewMs }))
          .status,
      ).toBe(400);
    }
    await admin(env.emulator.url, 'POST', '/_emulator/reset');
    expect(env.emulator.subscriptions.clockSkewMs).toBe(0);
  });

  it('forgets subscriptions and knobs on reset', async () => {
    await subscribed();
    await admin(env.emulator.url, 'POST', '/_emulator/subscriptions/drop', { count: 2 });
    await admin(env.emulator.url, 'POST', '/_emulator/reset');
    expect(await listed()).toEqual([]);
    expect(env.emulator.subscriptions.knobs()).toEqual({ dropNext: 0, duplicateNext: 0 });
  });
});

describe('the Graph SDK against /subscriptions', () => {
  it('creates, renews and deletes a subscription', async () => {
    const client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
    const created = (await client.api('/subscriptions').post(createBody())) as Subscription;
    expect(created.resource).toBe(tasksResource);
    const later = inMinutes(4100);
    const renewed = (await client
      .api(`/subscriptions/${created.id}`)
      .patch({ expirationDateTime: later })) as Subscription;
    expect(renewed.expirationDateTime).toBe(later);
    await client.api(`/subscriptions/${created.id}`).delete();
    const failure = await client
      .api(`/subscriptions/${created.id}`)
      .get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(404);
  });

  it('surfaces a failed handshake as a GraphError 400 ValidationError', async () => {
    hook.handshake = 'wrongEcho';
    const client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
    const failure = await client
      .api('/subscriptions')
      .post(createBody())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(400);
    expect((failure as GraphError).code).toBe('ValidationError');
  });
});

describe('with a duplicate rate', () => {
  const doubled = useEmulator({ subscriptions: { duplicateRate: 1, retryDelaysMs: [] } });

  it('delivers every notification twice when the rate is 1', async () => {
    const reply = await graph<Subscription>(doubled.emulator.url, 'POST', '/subscriptions', {
      json: createBody({ lifecycleNotificationUrl: undefined }),
    });
    expect(reply.status).toBe(201);
    doubled.emulator.submitJobs({ printerId: DEMO.printers.floor1 }, 2);
    const notifications = await hook.waitForNotifications(4);
    const resources = notifications.map((notification) => notification['resource']);
    expect(new Set(resources).size).toBe(2);
    expect(hook.posts).toHaveLength(2);
  });
});

describe('JobFetchable: printer jobs updated', () => {
  const jobsOf = (printerId: string) => ({
    resource: `print/printers/${printerId}/jobs`,
    changeType: 'updated',
    notificationQueryOptions: '$filter = isFetchable eq true',
  });

  it('notifies when a job goes straight to a printer without a trigger', async () => {
    const subscription = await subscribed(jobsOf(DEMO.printers.direct));
    expect(subscription).toMatchObject({
      notificationQueryOptions: '$filter = isFetchable eq true',
    });
    const job = await submitJob(DEMO.printers.direct);
    const [notification] = await hook.waitForNotifications(1);
    const resource = `print/printers/${DEMO.printers.direct}/jobs/${job.id}`;
    expect(notification).toMatchObject({
      subscriptionId: subscription.id,
      changeType: 'updated',
      resource,
      resourceData: {
        '@odata.type': '#microsoft.graph.printJob',
        '@odata.id': resource,
        id: job.id,
      },
      clientState: 'secret-client-state',
    });
  });

  it('notifies for a held job only once its task completes and releases it', async () => {
    await subscribed(jobsOf(DEMO.printers.floor1));
    const job = await submitJob(DEMO.printers.floor1);
    await deliveriesSettled();
    expect(hook.posts).toEqual([]);
    const released = await graph(
      env.emulator.url,
      'PATCH',
      `/${tasksResource}/${job.tasks[0]?.id}`,
      {
        json: { status: { state: 'completed' } },
      },
    );
    expect(released.status).toBe(200);
    const [notification] = await hook.waitForNotifications(1);
    expect(notification?.['resource']).toBe(
      `print/printers/${DEMO.printers.floor1}/jobs/${job.id}`,
    );
  });

  it('answers 404 for an unknown printer', async () => {
    const reply = await subscribe(jobsOf('00000000-0000-4000-8000-000000000000'));
    expect(reply.status).toBe(404);
    expect(hook.validations).toEqual([]);
  });
});
