/**
 * A gateway process, whichever entry starts it: configuration, the Graph connection the entry
 * brings (Microsoft Graph in main.ts; the embedded emulator in dev/start.ts), the HTTP listener
 * (src/server/) and the signals that start its graceful shutdown.
 */

import type { AddressInfo } from 'node:net';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import {
  GraphTokenCheck,
  graphTokenSource,
  type ObtainedToken,
  onBehalfOfExchange,
  PersonTokenCache,
  type PersonTokenSource,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { authenticationFrom } from './auth/from-config.js';
import type { EntraSettings } from './auth/settings.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { OwnershipMemory } from './domain/ownership-memory.js';
import { PrinterMemory } from './domain/printing/printer-memory.js';
import { ShareMemory } from './domain/printing/share-memory.js';
import { loadTrustedDocuments, TrustedDocumentsFileError } from './edge/trusted-documents.js';
import { createLiveRuntime } from './graph-notifications/live-runtime.js';
import { NOTIFICATION_PATH } from './graph-notifications/webhook.js';
import type { GraphiQLPage } from './graphiql-page.js';
import { createLogger } from './logging/logger.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { createMetricsServer, METRICS_PATH, type MetricsServer } from './metrics/metrics-server.js';
import { registerRedisMetrics } from './metrics/redis-metrics.js';
import { createObservedGraphTransport, ObservedGraphService } from './observed-graph.js';
import { installProcessBackstop } from './process-backstop.js';
import { InMemoryBucketStore } from './rate-limit/in-memory-bucket-store.js';
import { SharedOrLocalBucketStore } from './rate-limit/shared-or-local-bucket-store.js';
import { Readiness } from './server/readiness.js';
import { createHttpServer } from './server/server.js';
import { shutDown } from './server/shutdown.js';
import type { Tracing } from './telemetry/sdk.js';

/**
 * How long the exit waits for the last spans to reach the collector: an unreachable one must not
 * hold the process past its grace period.
 */
const TRACE_FLUSH_TIMEOUT_MS = 3_000;

/** Loaded only when configured: without an OTLP endpoint the SDK is never imported (no cost). */
async function startTracing(config: Config): Promise<Tracing | null> {
  if (!config.tracing) return null;
  const { startTracing: start } = await import('./telemetry/sdk.js');
  const tracing = start(config.tracing);
  logger.info(
    {
      endpoint: config.tracing.tracesEndpoint,
      protocol: config.tracing.protocol,
      serviceName: config.tracing.serviceName,
    },
    'Tracing on: exporting spans over OTLP',
  );
  return tracing;
}

// At the default level until the configuration is read: a configuration error is logged too.
const logger = createLogger();

/** The Graph an entry brings: where calls go, with whose token. */
export interface GraphConnection {
  service: ObservedGraphService;
  /** Gets the Graph token as a request would: the readiness check's probe. */
  obtainToken(): Promise<ObtainedToken>;
  /**
   * Graph delivers change notifications to this process's own port without a configured
   * LIVE_EVENTS_NOTIFICATION_URL: true on the embedded emulator only.
   */
  notifiesThisProcess?: boolean;
  /** On the embedded emulator: its Entra, which callers get their tokens from. */
  emulatedEntra?: EntraSettings;
  close(): Promise<void>;
}

/** What an entry brings to the process it starts. */
export interface GatewayEntry {
  /** Connects to the Graph the configuration names; a ConfigError when it cannot. */
  connectGraph(config: Config, logger: Logger): Promise<GraphConnection>;
  /** GraphiQL outside production (dev/start.ts), asked for once Graph is connected; omitted, none. */
  graphiql?(): GraphiQLPage;
}

/** The same service whatever Graph is: only the origin and the token differ. */
export function graphService(
  config: Config,
  baseUrl: string,
  auth: AuthenticationProvider,
  logger: Logger,
  /** People's Graph tokens (on-behalf-of); none where the gateway has no client credential. */
  personTokens?: PersonTokenSource,
): ObservedGraphService {
  const transport = createObservedGraphTransport({
    baseUrl,
    auth,
    timeoutMs: config.graphTimeoutMs,
    maxResponseBytes: config.graphMaxResponseBytes,
    maxConnections: config.graphService.maxInFlight,
  });
  return new ObservedGraphService(transport, config.graphService, logger, personTokens);
}

/** Microsoft Graph (or any Graph at GRAPH_BASE_URL) with the configured credentials. */
export async function connectMicrosoftGraph(
  graph: Extract<Config['graph'], { kind: 'graph' }>,
  config: Config,
  logger: Logger,
): Promise<GraphConnection> {
  const { baseUrl, credentials, authorityHost } = graph;
  logger.info({ baseUrl, credentials: credentials.kind }, 'Using Microsoft Graph');
  const token = await graphTokenSource(credentials, baseUrl, authorityHost);
  // A fixed GRAPH_ACCESS_TOKEN has no client credential to exchange a person's token with.
  const personTokens =
    credentials.kind === 'static-token'
      ? undefined
      : new PersonTokenCache(
          await onBehalfOfExchange({
            credentials,
            scopes: config.graphDelegation.scopes,
            ...(authorityHost ? { authorityHost } : {}),
          }),
          config.graphDelegation.cacheMaxEntries,
        );
  return {
    service: graphService(config, baseUrl, token.auth, logger, personTokens),
    obtainToken: token.obtain,
    close: async () => {},
  };
}

/** Where the embedded emulator reaches this process: the bound address, or loopback. */
const loopbackHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
/** The manifest is read once, at start: a missing or altered file stops the process. */
function loadTrustedDocumentsFrom(config: Config) {
  if (!config.trustedDocuments) return undefined;
  const { path, only } = config.trustedDocuments;
  try {
    const manifest = loadTrustedDocuments(path);
    logger.info({ path, documents: manifest.size, only }, 'Trusted documents loaded');
    return { manifest, only };
  } catch (error) {
    if (!(error instanceof TrustedDocumentsFileError)) throw error;
    throw new ConfigError(`GATEWAY_TRUSTED_DOCUMENTS: ${error.message}`);
  }
}

async function run(entry: GatewayEntry): Promise<void> {
  const config = loadConfig();
  const tracing = await startTracing(config);
  logger.level = config.logLevel;
  const trustedDocuments = loadTrustedDocumentsFrom(config);
  const graph = await entry.connectGraph(config, logger);
  const metrics = new GatewayMetrics(graph.service.metrics, {
    maxOperationNames: config.metrics.maxOperationNames,
  });
  // With REDIS_URL the replicas share throttle windows, the in-flight budget and idempotency
  // keys (docs/replicas.md); without it this process keeps them to itself.
  // ioredis is loaded only by a process that uses it.
  const shared = config.redis
    ? (await import('./redis/start.js')).startRedisSharedState(
        config.redis,
        graph.service.upstream,
        config.graphService.maxInFlight,
        logger,
      )
    : undefined;
  if (shared) registerRedisMetrics(metrics.registry, shared.dataLoss);
  // Whose jobs Graph said they are: fed by notifications and reads, asked by writes.
  const ownership = new OwnershipMemory(config.ownershipMemory);
  const live = createLiveRuntime({
    graph: graph.service,
    ownership,
    settings: config.liveEvents,
    logger,
    ...(shared
      ? { eventTarget: shared.eventTarget, onceSet: shared.onceSet, leadership: shared.leadership }
      : {}),
  });
  const app = createApp({
    liveEvents: live.liveEvents,
    jobAnnouncer: live.jobAnnouncer,
    // Without a URL Graph has nowhere to deliver to; the embedded emulator delivers to our port.
    ...(config.liveEvents.notificationUrl || graph.notifiesThisProcess
      ? { webhook: live.webhook }
      : {}),
    graph: graph.service,
    metrics,
    logger,
    graphiql: !config.production && entry.graphiql ? entry.graphiql() : false,
    ...config.edge,
    sdlAuthorizationDirectives: config.sdlAuthorizationDirectives,
    authentication: authenticationFrom(config.callerAuth, graph.emulatedEntra),
    rateLimits: {
      policy: config.rateLimits,
      ...(shared
        ? {
            store: new SharedOrLocalBucketStore(
              shared.buckets,
              new InMemoryBucketStore(),
              () => shared.connection.redisHealthy,
            ),
          }
        : {}),
    },
    ...(trustedDocuments ? { trustedDocuments } : {}),
    idempotencyWindowSeconds: config.idempotencyWindowSeconds,
    idempotencyMaxKeysPerCaller: config.idempotencyMaxKeysPerCaller,
    ownership,
    shares: new ShareMemory(config.shareMemory),
    printers: new PrinterMemory(config.printerMemory),
    ...(shared ? { idempotencyStore: shared.idempotency } : {}),
  });
  if (config.callerAuth.allowAnonymous) {
    logger.warn(
      'Anonymous callers are allowed (GATEWAY_ALLOW_ANONYMOUS): a request without credentials ' +
        'gets Print.Release.All, reading and acting on ANY print job. Only safe when something ' +
        'in front of the gateway has already decided who may call (docs/authorization.md)',
    );
  }
  const tokenCheck = new GraphTokenCheck(graph.obtainToken, config.readiness, logger);
  tokenCheck.start();
  const readiness = new Readiness(tokenCheck);
  const http = createHttpServer({
    app,
    readiness,
    settings: config.http,
    logger,
    // A WebSocket connection is bounded as a subscription is: per caller and per process.
    webSockets: {
      operations: app.webSocketOperations,
      limits: {
        perCaller: config.liveEvents.subscribersPerCaller,
        total: config.liveEvents.subscribersMax,
      },
    },
  });
  http.server.listen(config.port, config.host, () => {
    const { port } = http.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    // After listening: Graph validates the notification URL when a subscription is created.
    live.start(
      config.liveEvents.notificationUrl ??
        (graph.notifiesThisProcess
          ? `http://${loopbackHost(config.host)}:${port}${NOTIFICATION_PATH}`
          : null),
    );
    logger.info({ graphql: `http://${host}:${port}${app.graphqlEndpoint}` }, 'Gateway listening');
  });

  const metricsServer = listenForScrapes(config, metrics);

  let shutdown: Promise<number> | undefined;
  const stop = (fields: Record<string, unknown>, failed: boolean) => {
    if (!shutdown) {
      logger.info(fields, 'Shutting down');
      tokenCheck.stop();
      shutdown = shutDown({
        http,
        upstream: graph.service.upstream,
        readiness,
        closeGraph: async () => {
          await graph.close();
          await shared?.close();
        },
        stopBackground: live.stop,
        ...(metricsServer ? { closeMetrics: metricsServer.close } : {}),
        graceMs: config.shutdownGraceMs,
        logger,
      }).then(async (code) => {
        // After the last answer: its spans are ended, and the shutdown flushes them.
        await tracing?.shutdown(TRACE_FLUSH_TIMEOUT_MS);
        return code;
      });
    }
    void shutdown.then((code) => process.exit(failed ? Math.max(code, 1) : code));
  };
  process.on('SIGINT', () => stop({ signal: 'SIGINT' }, false));
  process.on('SIGTERM', () => stop({ signal: 'SIGTERM' }, false));
  installProcessBackstop(logger, () => stop({ reason: 'uncaughtException' }, true));
}

/** The metrics listener (METRICS_PORT), without credentials; none when it is `off`. */
function listenForScrapes(config: Config, metrics: GatewayMetrics): MetricsServer | undefined {
  if (!config.metrics.listen) {
    logger.info('Metrics listener off (METRICS_PORT=off)');
    return undefined;
  }
  const { host, port } = config.metrics.listen;
  const metricsServer = createMetricsServer(metrics.registry, config.http);
  metricsServer.server.listen(port, host, () => {
    const { port: bound } = metricsServer.server.address() as AddressInfo;
    const shown = host === '0.0.0.0' ? 'localhost' : host;
    logger.info({ metrics: `http://${shown}:${bound}${METRICS_PATH}` }, 'Metrics listening');
  });
  return metricsServer;
}

/** Starts the process; exits 1 when it cannot start (CONFIG_INVALID for a configuration error). */
export function runGateway(entry: GatewayEntry): void {
  run(entry).catch(exitOnStartFailure);
}

function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    logger.error({ code: 'CONFIG_INVALID' }, error.message);
  } else {
    logger.error(
      { error: error instanceof Error ? error.stack : String(error) },
      'Failed to start',
    );
  }
  process.exit(1);
}
