/**
 * What docs/subscriptions.md says of GraphQL over WebSocket is what the code does: the close
 * codes and reasons, the figures of each bound, and the setting each limit comes from. Fails
 * when a constant in src/server/websocket-*.ts changes and the docs do not.
 */
import { readFileSync } from 'node:fs';
import { CloseCode } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS } from '../../packages/gateway/src/auth/entra-token.js';
import { MAX_REQUEST_BODY_BYTES } from '../../packages/gateway/src/edge/limits.js';
import { DEFAULT_SUBSCRIBER_LIMITS } from '../../packages/gateway/src/live-events/subscriber-limits.js';
import { schema } from '../../packages/gateway/src/schema/index.js';
import {
  SUBSCRIPTIONS_ONLY,
  WEBSOCKET_CLOSE,
  WEBSOCKET_INIT_TIMEOUT_MS,
  WEBSOCKET_KEEPALIVE_MS,
} from '../../packages/gateway/src/server/websocket-subscriptions.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/subscriptions.md');
const section = doc.slice(doc.indexOf('### Over WebSocket'), doc.indexOf('## The webhook'));
const formatted = (n: number) => n.toLocaleString('en-US');
const rowsStartingWith = (start: string) =>
  section.split('\n').filter((line) => line.startsWith(start));

describe('docs/subscriptions.md, over WebSocket', () => {
  it('names each close code with its reason', () => {
    expect(rowsStartingWith(`| \`${WEBSOCKET_CLOSE.refused}\` | \`TOKEN_EXPIRED\` |`)).toHaveLength(
      1,
    );
    expect(
      rowsStartingWith(`| \`${WEBSOCKET_CLOSE.refused}\` | the refusal's code |`),
    ).toHaveLength(1);
    expect(
      rowsStartingWith(`| \`${WEBSOCKET_CLOSE.shuttingDown}\` | \`SHUTTING_DOWN\` |`),
    ).toHaveLength(1);
    expect(
      rowsStartingWith(`| \`${WEBSOCKET_CLOSE.tooManyConnections}\` | \`TOO_MANY_CONNECTIONS\` |`),
    ).toHaveLength(1);
    expect(rowsStartingWith(`| \`${CloseCode.ConnectionInitialisationTimeout}\` |`)).toHaveLength(
      1,
    );
    expect(rowsStartingWith('| `1009` |')).toHaveLength(1);
    expect(section).toContain(`code \`${SUBSCRIPTIONS_ONLY}\``);
    expect(section).toContain(`\`CLOCK_TOLERANCE_SECONDS\` (${CLOCK_TOLERANCE_SECONDS} s)`);
  });

  it('gives each bound its figure from the code', () => {
    const bound = (name: string) => rowsStartingWith(`| ${name} |`)[0] ?? '';
    expect(bound('Open WebSocket connections per caller')).toContain(
      `\`GATEWAY_SUBSCRIPTIONS_PER_CALLER\` (${DEFAULT_SUBSCRIBER_LIMITS.perCaller})`,
    );
    expect(bound('Open WebSocket connections per process')).toContain(
      `\`GATEWAY_SUBSCRIPTIONS_MAX\` (${formatted(DEFAULT_SUBSCRIBER_LIMITS.total)})`,
    );
    expect(bound('One message')).toContain(`${formatted(MAX_REQUEST_BODY_BYTES)} bytes`);
    expect(bound('Time to send `connection_init`')).toContain(
      `${formatted(WEBSOCKET_INIT_TIMEOUT_MS)} ms`,
    );
    expect(bound('Keep-alive')).toContain(`every ${formatted(WEBSOCKET_KEEPALIVE_MS)} ms`);
    expect(section).toContain(`a message over ${formatted(MAX_REQUEST_BODY_BYTES)} bytes`);
    expect(section).toContain(
      `no \`connection_init\` within ${formatted(WEBSOCKET_INIT_TIMEOUT_MS)} ms`,
    );
  });
});

describe('the Subscription fields, over WebSocket', () => {
  // A client reads the field's description, not this page: it must name the WebSocket ending
  // (a close code) beside the SSE one.
  it.each(Object.values(schema.getSubscriptionType()?.getFields() ?? {}).map((field) => [field]))(
    '$name says how its stream ends on each transport',
    ({ description }) => {
      expect(description).toContain('over SSE its last answer is an error with code TOKEN_EXPIRED');
      expect(description).toContain(
        `over WebSocket the socket is closed with code ${WEBSOCKET_CLOSE.refused}, reason TOKEN_EXPIRED`,
      );
    },
  );

  it("the page's account of a stream's credential names the WebSocket ending too", () => {
    const lasts = doc.slice(doc.indexOf('**A stream lasts as long as its credential.**'));
    expect(lasts.slice(0, lasts.indexOf('\n\n'))).toContain(
      `Over WebSocket the socket is closed \`${WEBSOCKET_CLOSE.refused}\``,
    );
  });
});
