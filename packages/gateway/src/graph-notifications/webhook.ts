/**
 * The endpoint Graph delivers change and lifecycle notifications to (no caller credentials:
 * Graph sends none; `clientState` is what proves a notification came from our subscription).
 *
 * - Validation handshake: `?validationToken=…` is answered 200 `text/plain` with the token,
 *   URL-decoded (URLSearchParams does that) and otherwise untouched; `nosniff` keeps a browser
 *   from reading it as anything but text. A token over 1,024 characters is refused.
 * - Notifications: the body is bounded and validated (400 for garbage); each notification whose
 *   `clientState` is not ours (compared in constant time) is ignored; the rest are handed to the
 *   processor AFTER the 202 is on its way, since Graph wants an answer within 3 seconds.
 * - More work queued than `maxPending`: 503 with `Retry-After`, so Graph delivers again later.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import {
  type GraphNotification,
  MAX_NOTIFICATION_BODY_BYTES,
  parseNotifications,
} from './notification-body.js';

export const NOTIFICATION_PATH = '/graph/notifications';
export const MAX_VALIDATION_TOKEN_LENGTH = 1_024;
/** Notifications accepted but not yet processed, at most. */
export const DEFAULT_MAX_PENDING_NOTIFICATIONS = 1_000;

export interface NotificationProcessor {
  /** Acts on notifications already checked; resolves when done, never rejects. */
  process(notifications: readonly GraphNotification[]): Promise<void>;
}

export interface WebhookOptions {
  /** The secret every subscription was created with. */
  clientState: string;
  processor: NotificationProcessor;
  logger: Logger;
  maxPending?: number;
}

export interface NotificationWebhook {
  handle(request: Request): Promise<Response>;
  /** Notifications accepted and still being processed. */
  readonly pending: number;
  /** Resolves once everything accepted so far has been processed (tests, shutdown). */
  settled(): Promise<void>;
}

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...headers,
    },
  });

const refusal = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function boundedText(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createNotificationWebhook({
  clientState,
  processor,
  logger,
  maxPending = DEFAULT_MAX_PENDING_NOTIFICATIONS,
}: WebhookOptions): NotificationWebhook {
  const secret = Buffer.from(clientState, 'utf8');
  const ours = (item: GraphNotification): boolean => {
    const sent = Buffer.from(item.clientState ?? '', 'utf8');
    // timingSafeEqual needs equal lengths; the length alone says nothing about the secret's bytes.
    return sent.length === secret.length && timingSafeEqual(sent, secret);
  };
  let pending = 0;
  const inFlight = new Set<Promise<void>>();

  return {
    get pending() {
      return pending;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    async handle(request) {
      const url = new URL(request.url);
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        if (token.length === 0 || token.length > MAX_VALIDATION_TOKEN_LENGTH) {
          return refusal(400, 'INVALID_VALIDATION_TOKEN', 'validationToken is empty or too long');
        }
        return plain(200, token);
      }
      if (request.method !== 'POST') {
        return refusal(405, 'METHOD_NOT_ALLOWED', 'Graph POSTs notifications');
      }
      const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim();
      if (contentType?.toLowerCase() !== 'application/json') {
        return refusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Notifications are JSON');
      }
      const raw = await boundedText(request, MAX_NOTIFICATION_BODY_BYTES);
      if (raw === null) {
        return refusal(413, 'NOTIFICATION_BODY_TOO_LARGE', 'The notification body is too large');
      }
      const notifications = parseNotifications(raw);
      if (notifications === null) {
        return refusal(400, 'INVALID_NOTIFICATION', 'The body is not a Graph notification payload');
      }
      const accepted = notifications.filter(ours);
      if (accepted.length < notifications.length) {
        logger.warn(
          {
            code: 'NOTIFICATION_CLIENT_STATE_MISMATCH',
            ignored: notifications.length - accepted.length,
          },
          'Ignored notifications whose clientState is not ours',
        );
      }
      if (pending + accepted.length > maxPending) {
        return plain(503, 'Busy', { 'retry-after': '5' });
      }
      if (accepted.length > 0) {
        pending += accepted.length;
        // After the answer: the caller's response is built before the work starts.
        const work = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => processor.process(accepted))
          .catch((error: unknown) =>
            logger.error({ error: String(error) }, 'Processing notifications failed'),
          )
          .finally(() => {
            pending -= accepted.length;
            inFlight.delete(work);
          });
        inFlight.add(work);
      }
      return new Response(null, { status: 202 });
    },
  };
}
