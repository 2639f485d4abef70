/** Serves the notification webhook on the gateway's own port, before caller authentication. */
import type { Plugin } from 'graphql-yoga';
import { NOTIFICATION_PATH, type NotificationWebhook } from './webhook.js';

export function useNotificationWebhook(webhook: NotificationWebhook): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== NOTIFICATION_PATH) return;
      endResponse(await webhook.handle(request));
    },
  };
}
