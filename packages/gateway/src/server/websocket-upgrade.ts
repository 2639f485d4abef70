/**
 * Which upgrade requests become WebSocket connections: on the GraphQL path, with a valid `Host`,
 * while the gateway is not draining; the rest get an HTTP answer in the shape of the server's own
 * refusals and the socket is closed. A message over the HTTP body limit closes its connection
 * 1009 (ws's `maxPayload`), before anything reads it.
 */

import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { MAX_REQUEST_BODY_BYTES } from '../edge/limits.js';
import { isValidHostHeader } from './host-header.js';
import { type WebSocketConnectionLimits, WebSocketConnections } from './websocket-connections.js';
import {
  serveWebSocketSubscriptions,
  type WebSocketOperations,
  type WebSocketSubscriptions,
} from './websocket-subscriptions.js';

export interface WebSocketEndpoint {
  operations: WebSocketOperations;
  limits: WebSocketConnectionLimits;
}

function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Serves graphql-ws on `server`'s upgrades; `draining` says when to refuse new connections. */
export function acceptWebSockets(
  server: Server,
  { operations, limits }: WebSocketEndpoint,
  draining: () => boolean,
  logger: Logger,
): WebSocketSubscriptions {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_REQUEST_BODY_BYTES,
  });
  const subscriptions = serveWebSocketSubscriptions(
    sockets,
    operations,
    new WebSocketConnections(limits),
    logger,
  );
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!isValidHostHeader(request.headers.host)) {
      refuseUpgrade(socket, 400, 'BAD_REQUEST_HOST', 'The Host header is not a valid host');
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path !== operations.endpoint) {
      refuseUpgrade(
        socket,
        404,
        'NOT_FOUND',
        `WebSocket connections are served at ${operations.endpoint} only`,
      );
      return;
    }
    if (draining()) {
      refuseUpgrade(
        socket,
        503,
        'SHUTTING_DOWN',
        'This gateway instance is shutting down and takes no new connections: retry on another',
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      sockets.emit('connection', webSocket, request);
      // ws has already closed the socket with the right code (1009 for a message over
      // maxPayload); graphql-ws's listener would only print "check your implementation".
      webSocket.removeAllListeners('error');
      webSocket.on('error', () => {});
    });
  });
  return subscriptions;
}
