/**
 * Trusted documents hold over WebSocket as over HTTP: with `only`, a person's subscription runs
 * only as the id of a document in the manifest (`extensions.persistedQuery`, with the empty
 * `query` graphql-ws requires), an unknown id or a document of their own is refused with the
 * same codes, and nothing subscribes.
 */

import { describe, expect, it } from 'vitest';
import {
  sha256,
  TRUSTED_DOCUMENT_CODES,
} from '../../packages/gateway/src/edge/trusted-documents.js';
import { until } from '../helpers/live-events.js';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';
import { connectWs } from '../helpers/ws-client.js';

const MY_EVENTS = 'subscription { myPrintJobEvents { kind printJobId } }';
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  live: {},
  webSockets: { perCaller: 5, total: 10 },
  app: () => ({
    trustedDocuments: {
      manifest: new Map([[`sha256:${sha256(MY_EVENTS)}`, MY_EVENTS]]),
      only: true,
    },
  }),
});

describe('trusted documents over WebSocket', () => {
  it("runs a person's trusted subscription by its id, and refuses anything else with the HTTP codes", async () => {
    const adele = connectWs(gateway.url, await gateway.token('adele'));
    try {
      await adele.acknowledged;
      const own = adele.subscribe(MY_EVENTS);
      await expect(own.next()).rejects.toThrow(TRUSTED_DOCUMENT_CODES.required);
      const unknown = adele.subscribe('', {}, persisted(sha256('subscription { x }')));
      await expect(unknown.next()).rejects.toThrow(TRUSTED_DOCUMENT_CODES.unknown);
      expect(gateway.live.liveEvents.subscribers.open).toBe(0);

      adele.subscribe('', {}, persisted(sha256(MY_EVENTS)));
      await until(() => gateway.live.liveEvents.subscribers.open === 1, 'the trusted subscription');
    } finally {
      await adele.dispose();
    }
  });
});
