/**
 * The one way tests build an in-process gateway: the real app (createApp) over the real Graph
 * SDK, composed as main.ts composes it, with an options object for what a test varies.
 *
 * - Graph: `baseUrl` is the emulator's URL (useTestGateway fills it in), or any URL when
 *   `httpHandler` (a FakeGraphHttp, test/helpers/fake-graph-http.ts) answers at the SDK's
 *   middleware seam instead of a socket.
 * - Callers: anonymous by default (createApp's default); `callers` turns on the service keys
 *   STATION_KEY and DASHBOARD_KEY and, given the emulator's URL, its Entra's tokens.
 * - Live events: `live` adds the pub/sub, the announcer, the ownership memory and the webhook.
 * - People's Graph calls: `personTokens` (useTestGateway: `onBehalfOf`, the exchange at the
 *   emulator's own Entra behind TLS); without it a person's delegated call fails typed.
 * - Anything else createApp takes that tests vary (rate limits, idempotency, CORS, ...): `app`.
 *
 * createTestGateway builds one and runs documents through `app.fetch`, opening no port; for
 * test files, useTestGateway (below) starts the emulator once per file, builds a fresh gateway
 * for each test, and can serve it on a loopback port with real callers' credentials.
 * A gateway in a child process is another thing: test/helpers/gateway-process.ts.
 */

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AuthenticationProvider, Middleware } from '@microsoft/microsoft-graph-client';
import type {
  EmulatorOptions,
  RecordedRequest,
  RunningEmulator,
} from '@universal-print-gateway/emulator';
import { EMULATOR_TOKENS, ENTRA, emulatedEntraSettings } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { type ExecutionResult, print } from 'graphql';
import type { Logger } from 'pino';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { type App, type AppDependencies, createApp } from '../../packages/gateway/src/app.js';
import type { AuthenticationOptions } from '../../packages/gateway/src/auth/authenticate.js';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { OwnershipMemory } from '../../packages/gateway/src/domain/ownership-memory.js';
import {
  createNotificationProcessor,
  type LifecycleHandler,
} from '../../packages/gateway/src/graph-notifications/notification-processor.js';
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
import { GatewayMetrics } from '../../packages/gateway/src/metrics/gateway-metrics.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { Readiness } from '../../packages/gateway/src/server/readiness.js';
import {
  createHttpServer,
  type GatewayHttpServer,
} from '../../packages/gateway/src/server/server.js';
import { DEFAULT_HTTP_SERVER_SETTINGS } from '../../packages/gateway/src/server/settings.js';
import type { WebSocketConnectionLimits } from '../../packages/gateway/src/server/websocket-connections.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import {
  type OnBehalfOfExchange,
  PersonTokenCache,
  type PersonTokenSource,
} from '../../packages/graph-client/src/credentials/person-tokens.js';
import {
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphServiceOptions,
} from '../../packages/graph-client/src/service.js';
import { appToken, claimsOf, listen, listenOn, personToken } from './entra.js';
import { gatewayOnBehalfOf } from './entra-over-tls.js';
import { type LogLine, memoryLogger } from './memory-logger.js';

export type { LogLine } from './memory-logger.js';

/** The Graph token a gateway presents when the test names none (a FakeGraphHttp ignores it). */
export const TEST_TOKEN = 'test-token';
export const STATION_KEY = 'station-key-0123456789abcdef';
export const DASHBOARD_KEY = 'dashboard-key-0123456789abcdef';
/** The webhook's clientState: what Graph's notifications must carry. */
export const CLIENT_STATE = 'test-client-state-0123456789';
export const PEOPLE = {
  adele: ENTRA.people.adele.objectId,
  megan: ENTRA.people.megan.objectId,
} as const;

/** Who a test calls as; `anonymous` sends no credentials at all. */
export type CallerName =
  | 'adele'
  | 'megan'
  | 'stationApp'
  | 'dashboardApp'
  | 'stationKey'
  | 'dashboardKey'
  | 'noPermission'
  | 'anonymous';

/** What a test may hand createApp besides what the builder composes. */
export type AppExtras = Pick<
  AppDependencies,
  | 'corsOrigins'
  | 'introspection'
  | 'authentication'
  | 'rateLimits'
  | 'idempotencyStore'
  | 'idempotencyMaxKeysPerCaller'
  | 'sdlAuthorizationDirectives'
  | 'trustedDocuments'
  | 'graphiql'
  | 'printers'
>;

export interface LiveOptions {
  subscriberLimits?: SubscriberLimitSettings;
  /** Replaces the real processor (e.g. one that waits), to observe the webhook alone. */
  processor?: NotificationProcessor;
}

export interface TestGatewayOptions {
  /** Graph's origin. */
  baseUrl: string;
  /** The Graph token the gateway presents. @default TEST_TOKEN */
  token?: string;
  /** How the gateway gets its Graph token instead of `token` (e.g. one that fails). */
  credential?: AuthenticationProvider;
  /** Answers Graph's requests at the SDK's middleware seam instead of the network. */
  httpHandler?: Middleware;
  /** Where people's Graph tokens come from (on-behalf-of); none: a person's call fails typed. */
  personTokens?: PersonTokenSource;
  /** @default 5000 */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Goes to the app and the Graph service. @default silentLogger */
  logger?: Logger;
  /** Retry, deadline, batching, budget and throttle settings; the production defaults otherwise. */
  service?: Partial<GraphServiceOptions>;
  /** The metrics' cap on distinct operation names; GatewayMetrics' default otherwise. */
  maxOperationNames?: number;
  /**
   * The service keys STATION_KEY and DASHBOARD_KEY, and with `entraUrl` the Entra of the emulator
   * at that URL; anonymous callers only if `allowAnonymous`. Omitted: createApp's default.
   */
  callers?: { entraUrl?: string; allowAnonymous?: boolean };
  /** Live events on: subscriptions, the announcer and Graph's webhook. */
  live?: LiveOptions;
  app?: AppExtras;
}

/** The live-events parts, shared by the app, the announcer and the webhook as main.ts shares them. */
export interface LiveParts {
  readonly liveEvents: LiveEvents;
  readonly ownership: OwnershipMemory;
  readonly announcer: JobAnnouncer;
  readonly webhook: NotificationWebhook;
  /** The lifecycle handler the processor calls; tests set it to the manager they start. */
  lifecycle: LifecycleHandler | undefined;
}

/** Graph on the emulator at `url`, called with the gateway app's token. */
export const emulatorGraph = (url: string) =>
  ({ baseUrl: url, token: EMULATOR_TOKENS.gatewayApp }) satisfies Partial<TestGatewayOptions>;

export interface TestGateway {
  app: App;
  service: ObservedGraphService;
  /** What the app's metrics listener would serve (src/metrics/). */
  metrics: GatewayMetrics;
  /** Present when built with `live`. */
  live: LiveParts | undefined;
  /** Runs a document through `app.fetch` as an anonymous caller. */
  execute<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...variables: Variables extends Record<string, never> ? [] : [Variables]
  ): Promise<ExecutionResult<Result>>;
  /** Ends live streams and waits for the webhook's work: what a test's teardown calls. */
  close(): Promise<void>;
}

function authentication(callers: NonNullable<TestGatewayOptions['callers']>) {
  return {
    serviceKeys: parseServiceKeys(
      `station:Print.Release.All:${STATION_KEY},dashboard:Print.Read.All:${DASHBOARD_KEY}`,
    ),
    ...(callers.entraUrl
      ? { entra: createEntraTokenValidator(emulatedEntraSettings(callers.entraUrl)) }
      : {}),
    allowAnonymous: callers.allowAnonymous ?? false,
  } satisfies AuthenticationOptions;
}

function liveParts(service: ObservedGraphService, logger: Logger, options: LiveOptions): LiveParts {
  const liveEvents = new LiveEvents(
    options.subscriberLimits ? { subscriberLimits: options.subscriberLimits } : {},
  );
  // Shared by the announcer and the app, as main.ts shares it.
  const ownership = new OwnershipMemory();
  const announcer = new JobAnnouncer(service, liveEvents, logger, { ownership });
  const parts: LiveParts = {
    liveEvents,
    ownership,
    announcer,
    lifecycle: undefined,
    webhook: createNotificationWebhook({
      clientState: CLIENT_STATE,
      processor:
        options.processor ??
        createNotificationProcessor({
          announcer,
          onceSet: liveEvents.onceSet,
          logger,
          lifecycle: { reauthorize: async (id) => parts.lifecycle?.reauthorize(id) },
        }),
      logger,
    }),
  };
  return parts;
}

export function createTestGateway(options: TestGatewayOptions): TestGateway {
  const logger = options.logger ?? silentLogger;
  const transport = createObservedGraphTransport({
    baseUrl: options.baseUrl,
    auth: options.credential ?? staticToken(options.token ?? TEST_TOKEN),
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.httpHandler ? { httpHandler: options.httpHandler } : {}),
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
  });
  const service = new ObservedGraphService(
    transport,
    { ...DEFAULT_GRAPH_SERVICE_OPTIONS, ...options.service },
    logger,
    options.personTokens,
  );
  const metrics = new GatewayMetrics(
    service.metrics,
    ...(options.maxOperationNames ? [{ maxOperationNames: options.maxOperationNames }] : []),
  );
  const live = options.live ? liveParts(service, logger, options.live) : undefined;
  const app = createApp({
    graph: service,
    metrics,
    logger,
    graphiql: false,
    ...(options.callers ? { authentication: authentication(options.callers) } : {}),
    ...(live
      ? {
          liveEvents: live.liveEvents,
          jobAnnouncer: live.announcer,
          ownership: live.ownership,
          webhook: live.webhook,
        }
      : {}),
    ...options.app,
  });
  return {
    app,
    service,
    metrics,
    live,
    async execute(document, ...[variables]) {
      const response = await app.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    async close() {
      live?.liveEvents.close();
      await live?.webhook.settled();
    },
  };
}

export interface UseTestGatewayOptions
  extends Pick<TestGatewayOptions, 'timeoutMs' | 'service' | 'live'> {
  emulator?: EmulatorOptions;
  /** Service keys and the emulator's Entra (see TestGatewayOptions.callers). */
  callers?: { allowAnonymous?: boolean };
  /**
   * The gateway's own scopes that the people's tokens (adele, megan) ask for.
   * @default ['Print.Release']
   */
  personScopes?: readonly string[];
  /**
   * People's Graph calls through the on-behalf-of exchange at the emulator's own Entra, on its
   * HTTPS listener (the emulator's `entraTls`), with the gateway app's secret; a fresh token
   * cache for each test (`personTokens`).
   */
  onBehalfOf?: boolean;
  /** Serve the gateway on a loopback port: `url` and `execute(caller, ...)` need it. */
  listen?: boolean;
  /**
   * With `listen`: served by the gateway's own HTTP server (src/server/server.ts), with GraphQL
   * over WebSocket on its path and these bounds on connections; `httpServer` is then there.
   */
  webSockets?: WebSocketConnectionLimits;
  /** Every log line goes to `logLines` (the app's and the Graph service's). */
  captureLogs?: boolean;
  /** Made anew for each test (a store, a limiter). */
  app?: () => AppExtras;
}

/** The gateway as callers meet it: on a loopback port, service keys and the emulator's Entra. */
export const CALLERS_OVER_HTTP = {
  callers: { allowAnonymous: false },
  listen: true,
  captureLogs: true,
} as const satisfies UseTestGatewayOptions;

export interface EmulatedTestGateway {
  readonly emulator: RunningEmulator;
  /** This test's gateway. */
  readonly gateway: TestGateway;
  /** The gateway's origin (with `listen`). */
  readonly url: string;
  /** Where Graph posts its notifications (with `listen` and `live`). */
  readonly notificationUrl: string;
  /** This test's live-events parts (with `live`). */
  readonly live: LiveParts;
  /** The gateway's HTTP server (with `webSockets`). */
  readonly httpServer: GatewayHttpServer;
  /** The credential a caller sends (null for anonymous). */
  credential(caller: CallerName): Promise<string | null>;
  /** A caller's credential, for callers that have one. */
  token(caller: Exclude<CallerName, 'anonymous'>): Promise<string>;
  /** Posts a document to the listening gateway as `caller`. */
  execute<Result, Variables>(
    caller: CallerName,
    document: TypedDocumentNode<Result, Variables> | string,
    variables?: Variables,
  ): Promise<ExecutionResult<Result>>;
  /** This test's people's Graph tokens (with `onBehalfOf`): `exchanges` counts Entra's answers. */
  readonly personTokens: PersonTokenCache;
  /** Every log line the gateway wrote since the test began (with `captureLogs`). */
  readonly logLines: readonly LogLine[];
  auditLines(): LogLine[];
  /** Graph requests that could change something: writes, alone or inside `$batch`. */
  writesSent(): RecordedRequest[];
  /** Graph requests the emulator answered since the last reset, by how they arrived. */
  upstream(): { envelopes: number; items: number; direct: number };
  /** The same, with `$batch` items split by method. */
  upstreamByMethod(): { envelopes: number; getItems: number; writeItems: number; direct: number };
}

/**
 * One emulator per test file (useEmulator resets it between tests), and a fresh gateway per
 * test: the throttle window, counters and stores are per-gateway state.
 */
export function useTestGateway(options: UseTestGatewayOptions = {}): EmulatedTestGateway {
  const env = useEmulator(
    options.onBehalfOf ? { ...options.emulator, entraTls: {} } : options.emulator,
  );
  let gateway: TestGateway | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let httpServer: GatewayHttpServer | undefined;
  let lines: LogLine[] = [];
  const tokens = new Map<CallerName, Promise<string>>();
  let exchange: OnBehalfOfExchange | undefined;
  let personTokens: PersonTokenCache | undefined;
  if (options.onBehalfOf) {
    beforeAll(async () => {
      const entra = env.emulator.entraOverTls;
      if (!entra) throw new Error('useTestGateway(): the emulator has no Entra over TLS');
      exchange = await gatewayOnBehalfOf(entra);
    });
  }

  beforeEach(async () => {
    personTokens = exchange ? new PersonTokenCache(exchange) : undefined;
    const memory = options.captureLogs ? memoryLogger() : undefined;
    lines = memory?.lines ?? [];
    gateway = createTestGateway({
      ...emulatorGraph(env.emulator.url),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.service ? { service: options.service } : {}),
      ...(memory ? { logger: memory.logger } : {}),
      ...(options.callers ? { callers: { ...options.callers, entraUrl: env.emulator.url } } : {}),
      ...(options.live ? { live: options.live } : {}),
      ...(options.app ? { app: options.app() } : {}),
      ...(personTokens ? { personTokens } : {}),
    });
    if (options.listen && options.webSockets) {
      httpServer = createHttpServer({
        app: gateway.app,
        readiness: new Readiness(),
        settings: DEFAULT_HTTP_SERVER_SETTINGS,
        webSockets: { operations: gateway.app.webSocketOperations, limits: options.webSockets },
      });
      server = await listenOn(httpServer.server);
    } else if (options.listen) server = await listen(gateway.app);
  });
  afterEach(async () => {
    await gateway?.close();
    // Upgraded sockets are no longer the HTTP server's to close.
    httpServer?.webSockets?.closeAll(1001, 'SHUTTING_DOWN');
    await server?.close();
    server = undefined;
    httpServer = undefined;
    gateway = undefined;
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(
        `useTestGateway(): ${what} is there inside tests only, and only if asked for`,
      );
    }
    return value;
  };

  const mint = async (caller: CallerName): Promise<string> => {
    const url = env.emulator.url;
    switch (caller) {
      case 'adele':
      case 'megan':
        return personToken(url, caller, options.personScopes);
      case 'stationApp':
        return appToken(url, 'releaseStation');
      case 'dashboardApp':
        return appToken(url, 'dashboard');
      case 'noPermission': {
        // A genuine, correctly signed delegated token whose only scope the gateway does not know.
        const claims = claimsOf(await personToken(url, 'adele'));
        return env.emulator.entra.sign({ ...claims, scp: 'User.Read' });
      }
      default:
        throw new Error(`no token for ${caller}`);
    }
  };

  const credential = async (caller: CallerName): Promise<string | null> => {
    if (caller === 'anonymous') return null;
    if (caller === 'stationKey') return STATION_KEY;
    if (caller === 'dashboardKey') return DASHBOARD_KEY;
    let token = tokens.get(caller);
    if (!token) {
      token = mint(caller);
      tokens.set(caller, token);
    }
    return token;
  };

  const count = (entries: RecordedRequest[], via: string) =>
    entries.filter((entry) => entry.via === via).length;

  return {
    get emulator() {
      return env.emulator;
    },
    get gateway() {
      return ready(gateway, 'gateway');
    },
    get url() {
      return ready(server, 'url (listen: true)').url;
    },
    get notificationUrl() {
      return `${ready(server, 'notificationUrl (listen: true)').url}${NOTIFICATION_PATH}`;
    },
    get live() {
      return ready(gateway?.live, 'live (live: {})');
    },
    get httpServer() {
      return ready(httpServer, 'httpServer (listen: true, webSockets)');
    },
    credential,
    async token(caller) {
      const presented = await credential(caller);
      if (presented === null) throw new Error(`${caller} has no credential`);
      return presented;
    },
    async execute(caller, document, variables) {
      const url = ready(server, 'execute(caller, ...) (listen: true)').url;
      const presented = await credential(caller);
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(presented === null ? {} : { authorization: `Bearer ${presented}` }),
        },
        body: JSON.stringify({
          query: typeof document === 'string' ? document : print(document),
          variables,
        }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    get personTokens() {
      return ready(personTokens, 'personTokens (onBehalfOf: true)');
    },
    get logLines() {
      return lines;
    },
    auditLines: () => lines.filter((line) => line['audit'] === true),
    writesSent: () =>
      env.emulator.requests
        .entries()
        .filter((entry) => entry.via !== 'batch-envelope' && entry.method !== 'GET'),
    upstream() {
      const entries = env.emulator.requests.entries();
      return {
        envelopes: count(entries, 'batch-envelope'),
        items: count(entries, 'batch-item'),
        direct: count(entries, 'direct'),
      };
    },
    upstreamByMethod() {
      const entries = env.emulator.requests.entries();
      const items = entries.filter((entry) => entry.via === 'batch-item');
      return {
        envelopes: count(entries, 'batch-envelope'),
        getItems: items.filter((entry) => entry.method === 'GET').length,
        writeItems: items.filter((entry) => entry.method !== 'GET').length,
        direct: count(entries, 'direct'),
      };
    },
  };
}
