/**
 * The real app with live events on: its webhook on a loopback port, the real Graph SDK on the
 * emulator, callers authenticated with the emulator's Entra; plus an SSE client that reads a
 * GraphQL subscription the way a browser's EventSource would (fetch, text/event-stream).
 */

import {
  EMULATOR_TOKENS,
  type EmulatorOptions,
  emulatedEntraSettings,
  type RunningEmulator,
} from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../packages/gateway/src/app.js';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { OwnershipMemory } from '../../packages/gateway/src/domain/ownership-memory.js';
import type { LifecycleHandler } from '../../packages/gateway/src/graph-notifications/notification-processor.js';
import { createNotificationProcessor } from '../../packages/gateway/src/graph-notifications/notification-processor.js';
import {
  createNotificationWebhook,
  NOTIFICATION_PATH,
  type NotificationProcessor,
  type NotificationWebhook,
} from '../../packages/gateway/src/graph-notifications/webhook.js';
import { JobAnnouncer } from '../../packages/gateway/src/live-events/job-announcer.js';
import { LiveEvents } from '../../packages/gateway/src/live-events/live-events.js';
import type { SubscriberLimitSettings } from '../../packages/gateway/src/live-events/subscriber-limits.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { listen, personToken } from './entra.js';

export const CLIENT_STATE = 'test-client-state-0123456789';
export const STATION_KEY = 'station-key-0123456789abcdef';
export const DASHBOARD_KEY = 'dashboard-key-0123456789abcdef';

export interface LiveGateway {
  readonly emulator: RunningEmulator;
  readonly url: string;
  readonly notificationUrl: string;
  readonly graph: ObservedGraphService;
  readonly liveEvents: LiveEvents;
  readonly announcer: JobAnnouncer;
  readonly webhook: NotificationWebhook;
  /** The lifecycle handler the processor calls; tests set it to the manager they start. */
  lifecycle: LifecycleHandler | undefined;
  token(who: 'adele' | 'megan' | 'station' | 'dashboard'): Promise<string>;
}

export function useLiveGateway(
  options: {
    emulator?: EmulatorOptions;
    subscriberLimits?: SubscriberLimitSettings;
    /** Replaces the real processor (e.g. one that waits), to observe the webhook alone. */
    processor?: NotificationProcessor;
  } = {},
): LiveGateway {
  const env = useEmulator(options.emulator);
  let state: Omit<LiveGateway, 'emulator' | 'token' | 'lifecycle'> | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  const tokens = new Map<string, Promise<string>>();
  const live = {
    lifecycle: undefined as LifecycleHandler | undefined,
  };

  beforeEach(async () => {
    const graph = new ObservedGraphService(
      createObservedGraphTransport({
        baseUrl: env.emulator.url,
        auth: staticToken(EMULATOR_TOKENS.gatewayApp),
        timeoutMs: 5_000,
      }),
    );
    const liveEvents = new LiveEvents(
      options.subscriberLimits ? { subscriberLimits: options.subscriberLimits } : {},
    );
    // Shared by the announcer and the app, as main.ts shares it.
    const ownership = new OwnershipMemory();
    const announcer = new JobAnnouncer(graph, liveEvents, silentLogger, { ownership });
    const processor =
      options.processor ??
      createNotificationProcessor({
        announcer,
        onceSet: liveEvents.onceSet,
        logger: silentLogger,
        lifecycle: {
          reauthorize: async (id) => live.lifecycle?.reauthorize(id),
        },
      });
    const webhook = createNotificationWebhook({
      clientState: CLIENT_STATE,
      processor,
      logger: silentLogger,
    });
    const app = createApp({
      graph,
      logger: silentLogger,
      graphiql: false,
      liveEvents,
      jobAnnouncer: announcer,
      ownership,
      webhook,
      authentication: {
        serviceKeys: parseServiceKeys(
          `station:Print.Release.All:${STATION_KEY},dashboard:Print.Read.All:${DASHBOARD_KEY}`,
        ),
        entra: createEntraTokenValidator(emulatedEntraSettings(env.emulator.url)),
        allowAnonymous: false,
      },
    });
    server = await listen(app);
    state = {
      url: server.url,
      notificationUrl: `${server.url}${NOTIFICATION_PATH}`,
      graph,
      liveEvents,
      announcer,
      webhook,
    };
  });

  afterEach(async () => {
    state?.liveEvents.close();
    await state?.webhook.settled();
    await server?.close();
    live.lifecycle = undefined;
  });

  const get = () => {
    if (!state) throw new Error('useLiveGateway() is ready inside tests only');
    return state;
  };
  return {
    get emulator() {
      return env.emulator;
    },
    get url() {
      return get().url;
    },
    get notificationUrl() {
      return get().notificationUrl;
    },
    get graph() {
      return get().graph;
    },
    get liveEvents() {
      return get().liveEvents;
    },
    get announcer() {
      return get().announcer;
    },
    get webhook() {
      return get().webhook;
    },
    get lifecycle() {
      return live.lifecycle;
    },
    set lifecycle(handler) {
      live.lifecycle = handler;
    },
    token(who) {
      if (who === 'station') return Promise.resolve(STATION_KEY);
      if (who === 'dashboard') return Promise.resolve(DASHBOARD_KEY);
      let token = tokens.get(who);
      if (!token) {
        token = personToken(env.emulator.url, who);
        tokens.set(who, token);
      }
      return token;
    },
  };
}

export interface SseMessage {
  event: string;
  data: unknown;
}

export interface SseSubscription {
  /** The HTTP status of the stream's answer. */
  readonly status: number;
  /** The next `next` event's data, or throws after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;
  /** Every message received so far. */
  readonly messages: readonly SseMessage[];
  /** The whole body when the server answered without a stream (an error). */
  readonly body: string | null;
  close(): void;
}

/** Opens a GraphQL subscription over SSE (GraphQL over SSE, "distinct connections" mode). */
export async function subscribeSse(
  url: string,
  credential: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseSubscription> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let consumed = 0;
  let body: string | null = null;
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    body = await response.text();
  } else if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: ?(.*)$/m.exec(block)?.[1];
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (event) {
              messages.push({ event, data: data ? JSON.parse(data) : null });
              for (const wake of waiters.splice(0)) wake();
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    status: response.status,
    messages,
    body,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = messages.findIndex((m, i) => i >= consumed && m.event === 'next');
        if (index !== -1) {
          consumed = index + 1;
          return messages[index]?.data as { data?: Record<string, unknown> };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No SSE event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => controller.abort(),
  };
}
