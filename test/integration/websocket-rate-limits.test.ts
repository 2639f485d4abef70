/**
 * The per-caller operation rate limit holds over WebSocket as over HTTP: each `subscribe`
 * message costs one token from the same bucket an SSE subscription (or any HTTP operation)
 * draws on, and one over the limit is refused with the HTTP code before anything subscribes.
 */

import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_CODES } from '../../packages/gateway/src/rate-limit/refusal.js';
import { until } from '../helpers/live-events.js';
import { subscribeSse } from '../helpers/sse-client.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';
import { connectWs } from '../helpers/ws-client.js';

const MY_EVENTS = 'subscription { myPrintJobEvents { kind printJobId } }';

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  live: {},
  webSockets: { perCaller: 5, total: 10 },
  app: () => ({
    rateLimits: {
      policy: {
        // Two operations, then one every 1,000 s: the third is refused whatever the machine's pace.
        rates: {
          person: { ratePerSecond: 0.001, burst: 2 },
          app: null,
          'service-key': null,
          anonymous: null,
        },
        maxInProgressPerCaller: null,
      },
    },
  }),
});

describe('the operation rate limit over WebSocket', () => {
  it('charges each subscribe to the bucket SSE draws on, and refuses one over it', async () => {
    const token = await gateway.token('adele');
    const stream = await subscribeSse(gateway.url, token, MY_EVENTS);
    const adele = connectWs(gateway.url, token);
    try {
      expect(stream.status).toBe(200);
      adele.subscribe(MY_EVENTS);
      await until(() => gateway.live.liveEvents.subscribers.open === 2, 'two subscriptions');
      const third = adele.subscribe(MY_EVENTS);
      await expect(third.next()).rejects.toThrow(RATE_LIMIT_CODES.rate);
      expect(gateway.live.liveEvents.subscribers.open).toBe(2);
    } finally {
      stream.close();
      await adele.dispose();
    }
  });
});
