/**
 * Anonymous callers (GATEWAY_ALLOW_ANONYMOUS) share one subscriber key, so a slot one of them
 * leaks is lost to all of them: a batch of subscriptions used to turn live events off for every
 * client behind the router. Graph is faked at the SDK seam; nothing may reach it.
 */
import { describe, expect, it } from 'vitest';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const SUBSCRIPTION = JSON.stringify({
  query: 'subscription { printerJobEvents(printerId: "p1") { kind } }',
});

function anonymousGateway() {
  const http = new FakeGraphHttp(() => ({ status: 500 }));
  const { app, live } = createTestGateway({
    baseUrl: 'https://graph.example.test',
    token: 't',
    timeoutMs: 1_000,
    httpHandler: http,
    live: { subscriberLimits: { perCaller: 2, total: 10 } },
  });
  if (!live) throw new Error('built with live events');
  const { liveEvents } = live;
  const post = (body: string, accept: string, signal?: AbortSignal) =>
    app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body,
      ...(signal ? { signal } : {}),
    });
  return { http, liveEvents, post };
}

describe('subscriptions in a batched request, anonymous callers', () => {
  it('are refused, and the anonymous caller can still subscribe afterwards', async () => {
    const { http, liveEvents, post } = anonymousGateway();
    for (const accept of ['application/json', 'text/event-stream']) {
      const answer = await post(`[${SUBSCRIPTION},${SUBSCRIPTION},${SUBSCRIPTION}]`, accept);
      expect(await answer.text()).toContain('"code":"SUBSCRIPTION_IN_BATCH"');
      expect(liveEvents.subscribers.openFor('anonymous')).toBe(0);
    }

    const client = new AbortController();
    const stream = await post(SUBSCRIPTION, 'text/event-stream', client.signal);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(liveEvents.subscribers.openFor('anonymous')).toBe(1);
    client.abort();
    expect(liveEvents.subscribers.openFor('anonymous')).toBe(0);
    expect(http.sent).toEqual([]);
  });

  it('give their slot back when the client goes before reading a word of the answer', async () => {
    const { liveEvents, post } = anonymousGateway();
    for (let round = 0; round < 3; round++) {
      const client = new AbortController();
      const answer = await post(SUBSCRIPTION, 'text/event-stream', client.signal);
      expect(answer.status).toBe(200);
      // The client is gone; the answer's body is never read, so nothing cancels it either.
      client.abort();
    }
    expect(liveEvents.subscribers.openFor('anonymous')).toBe(0);
  });
});
