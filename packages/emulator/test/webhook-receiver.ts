import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real webhook endpoint on loopback for subscription tests: answers Graph's validation
// handshake as told and records every notification POST.

export type HandshakeMode = 'echo' | 'wrongEcho' | 'notFound' | 'hang' | 'jsonEcho' | 'redirect';

export interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  body: { value: Record<string, unknown>[] };
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:port/hook` */
  url: string;
  handshake: HandshakeMode;
  /** Status answered to notification POSTs; a list is used up front to back. @default 202 */
  notificationStatuses: number[];
  validations: string[];
  posts: ReceivedPost[];
  /** Every notification, flattened out of the batches. */
  notifications(): Record<string, unknown>[];
  waitForNotifications(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hung = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    handshake: 'echo',
    notificationStatuses: [],
    validations: [],
    posts: [],
    notifications: () => receiver.posts.flatMap((post) => post.body.value),
    waitForNotifications: async (count, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (receiver.notifications().length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `Expected ${count} notifications, got ${receiver.notifications().length}.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return receiver.notifications();
    },
    close: async () => {
      for (const response of hung) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://receiver.invalid');
      const text = await readText(request);
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        receiver.validations.push(token);
        switch (receiver.handshake) {
          case 'echo':
            response.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
            return;
          case 'jsonEcho':
            response.writeHead(200, { 'Content-Type': 'application/json' }).end(token);
            return;
          case 'wrongEcho':
            response
              .writeHead(200, { 'Content-Type': 'text/plain' })
              .end(encodeURIComponent(token));
            return;
          case 'notFound':
            response.writeHead(404).end();
            return;
          case 'redirect':
            // Back to this same receiver, which echoes there: only a client that follows
            // redirects would pass.
            response
              .writeHead(307, {
                Location: `/followed?validationToken=${encodeURIComponent(token)}`,
              })
              .end();
            receiver.handshake = 'echo';
            return;
          case 'hang':
            hung.add(response);
            return;
        }
      }
      receiver.posts.push({
        path: url.pathname,
        contentType: request.headers['content-type'],
        body: JSON.parse(text) as ReceivedPost['body'],
      });
      response.writeHead(receiver.notificationStatuses.shift() ?? 202).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
