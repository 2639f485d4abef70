/**
 * The notification webhook over a real socket: Graph's handshake, clientState, bounds, garbage,
 * and the 202 that leaves before processing ends. Processing is observed through what reaches
 * the emulator (no Graph call for refused or ignored notifications).
 */
import { describe, expect, it } from 'vitest';
import type { GraphNotification } from '../../packages/gateway/src/graph-notifications/notification-body.js';
import {
  MAX_NOTIFICATION_BODY_BYTES,
  MAX_NOTIFICATIONS_PER_POST,
} from '../../packages/gateway/src/graph-notifications/notification-body.js';
import { CALLERS_OVER_HTTP, CLIENT_STATE, useTestGateway } from '../helpers/test-gateway.js';

const DEFINITION = 'd7c1e5a0-3b2f-4e6d-9a8c-1f0e2d3c4b5a';
const TASK = 'a5d0c1e2-7f3b-4c9a-8e1d-000000005182';

const notification = (overrides: Partial<GraphNotification> = {}) => ({
  subscriptionId: 'sub-1',
  clientState: CLIENT_STATE,
  changeType: 'created',
  resource: `print/taskDefinitions/${DEFINITION}/tasks/${TASK}`,
  resourceData: { id: TASK },
  ...overrides,
});

describe('the notification webhook', () => {
  const gateway = useTestGateway({ ...CALLERS_OVER_HTTP, live: {} });
  const post = (body: string, query = '', contentType = 'application/json') =>
    fetch(`${gateway.notificationUrl}${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  const graphCalls = () => gateway.emulator.requests.entries().length;

  it('answers the validation handshake with the URL-decoded token as text/plain', async () => {
    const token = 'Validation: Token <script>&"x"';
    const response = await post('', `?validationToken=${encodeURIComponent(token)}`, 'text/plain');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(token);
  });

  it('refuses a validation token over 1,024 characters', async () => {
    const response = await post('', `?validationToken=${'a'.repeat(1_025)}`);
    expect(response.status).toBe(400);
  });

  it('reads the notified task and its job when the clientState is ours', async () => {
    const response = await post(JSON.stringify({ value: [notification()] }));
    expect(response.status).toBe(202);
    await gateway.live.webhook.settled();
    const paths = gateway.emulator.requests.entries().map((entry) => entry.path);
    expect(paths.some((path) => path.includes(`/tasks/${TASK}`))).toBe(true);
  });

  it('ignores a notification with another clientState, and calls Graph for nothing', async () => {
    for (const clientState of ['wrong', `${CLIENT_STATE}x`, CLIENT_STATE.slice(0, -1), null]) {
      const response = await post(JSON.stringify({ value: [notification({ clientState })] }));
      expect(response.status).toBe(202);
    }
    await gateway.live.webhook.settled();
    expect(graphCalls()).toBe(0);
  });

  it('drops a repeated notification: the task is read once', async () => {
    const body = JSON.stringify({ value: [notification(), notification()] });
    await post(body);
    await post(body);
    await gateway.live.webhook.settled();
    const taskReads = gateway.emulator.requests
      .entries()
      .filter((entry) => entry.path.endsWith(`/tasks/${TASK}`) && entry.via !== 'batch-envelope');
    expect(taskReads).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{'],
    ['no value array', '{"foo":[]}'],
    ['an empty value array', '{"value":[]}'],
    [
      'a notification without subscriptionId',
      JSON.stringify({ value: [{ changeType: 'created' }] }),
    ],
    [
      'an over-long resource',
      JSON.stringify({ value: [notification({ resource: 'x'.repeat(2_000) })] }),
    ],
    [
      `more than ${MAX_NOTIFICATIONS_PER_POST} notifications`,
      JSON.stringify({
        value: Array.from({ length: MAX_NOTIFICATIONS_PER_POST + 1 }, () => notification()),
      }),
    ],
  ])('refuses %s with 400 and no Graph call', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'INVALID_NOTIFICATION' } }],
    });
    await gateway.live.webhook.settled();
    expect(graphCalls()).toBe(0);
  });

  it('refuses a body over the limit with 413, and a non-JSON one with 415', async () => {
    const big = JSON.stringify({
      value: [notification({ tenantId: 'x'.repeat(MAX_NOTIFICATION_BODY_BYTES) })],
    });
    expect((await post(big)).status).toBe(413);
    expect((await post('hello', '', 'text/plain')).status).toBe(415);
    expect(graphCalls()).toBe(0);
    // The process still serves.
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});

describe('the notification webhook with a slow processor', () => {
  let release: () => void = () => {};
  const started: GraphNotification[][] = [];
  const gateway = useTestGateway({
    ...CALLERS_OVER_HTTP,
    live: {
      processor: {
        process: (notifications) => {
          started.push([...notifications]);
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        },
      },
    },
  });

  it('answers 202 before processing has ended', async () => {
    const response = await fetch(gateway.notificationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [notification()] }),
    });
    expect(response.status).toBe(202);
    // Answered while the processor still holds the notification.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toHaveLength(1);
    expect(gateway.live.webhook.pending).toBe(1);
    release();
    await gateway.live.webhook.settled();
    expect(gateway.live.webhook.pending).toBe(0);
  });
});
