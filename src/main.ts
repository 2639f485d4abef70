/**
 * Process entry: configuration, the Graph transport (or the embedded emulator), the HTTP
 * listener (src/http/) and the signals that start its graceful shutdown. The only module with
 * side effects.
 */
import type { AddressInfo } from 'node:net';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { createApp } from './app.js';
import { authenticationFrom } from './auth/from-config.js';
import { type Config, ConfigError, type EntraSettings, loadConfig } from './config.js';
import type { GraphiQLSignIn } from './dev/graphiql-sign-in.js';
import { createGraphTransport } from './graph/client.js';
import { authenticationProvider, staticToken } from './graph/credentials.js';
import { GraphService } from './graph/service.js';
import { Readiness } from './http/readiness.js';
import { createHttpServer } from './http/server.js';
import { shutDown } from './http/shutdown.js';
import { jsonLogger as logger } from './logger.js';
import { createLiveRuntime } from './notifications/live-runtime.js';
import { NOTIFICATION_PATH } from './notifications/webhook.js';
import { installProcessBackstop } from './process-backstop.js';

interface GraphConnection {
  service: GraphService;
  /** On the embedded emulator: its Entra, which callers get their tokens from. */
  emulatedEntra?: EntraSettings;
  /** On the embedded emulator: GraphiQL signs in with a token from that Entra. */
  graphiqlSignIn?: GraphiQLSignIn;
  close(): Promise<void>;
}

/** The same service whatever Graph is: only the origin and the token differ. */
function graphService(config: Config, baseUrl: string, auth: AuthenticationProvider): GraphService {
  const transport = createGraphTransport({
    baseUrl,
    auth,
    timeoutMs: config.graphTimeoutMs,
    maxResponseBytes: config.graphMaxResponseBytes,
  });
  return new GraphService(transport, config.graphService);
}

async function connectGraph(config: Config): Promise<GraphConnection> {
  if (config.graph.kind === 'graph') {
    const { baseUrl, credentials, authorityHost } = config.graph;
    logger.info('Using Microsoft Graph', { baseUrl, credentials: credentials.kind });
    const auth = authenticationProvider(credentials, baseUrl, authorityHost);
    return { service: graphService(config, baseUrl, auth), close: async () => {} };
  }
  // Loaded only here so that a production process never loads the emulator, nor the sign-in
  // that mints tokens from it: no other configuration can reach either.
  const { startEmulator } = await import('./emulator/server.js');
  const { EMULATOR_TOKENS } = await import('./emulator/seed.js');
  const { emulatedEntraSettings } = await import('./emulator/entra/entra-seed.js');
  const { createGraphiQLSignIn, DEFAULT_DEMO_IDENTITY, DEMO_IDENTITIES } = await import(
    './dev/graphiql-sign-in.js'
  );
  const emulator = await startEmulator({ port: config.graph.emulatorPort, printDurationMs: 5_000 });
  const emulatedEntra = emulatedEntraSettings(emulator.url);
  const tokenEndpoint = `${emulator.url}/${emulatedEntra.tenantIds[0]}/oauth2/v2.0/token`;
  logger.info('No Graph credentials configured: started the Universal Print emulator', {
    emulator: emulator.url,
    submitJob: `POST ${emulator.url}/_emulator/jobs`,
    tokens: `POST ${tokenEndpoint}`,
    tokensForCurl: 'README.md#tokens-for-curl',
    graphiql: `signed in as ${DEFAULT_DEMO_IDENTITY}; pick with /graphql?as=${DEMO_IDENTITIES.join('|')}`,
  });
  return {
    service: graphService(config, emulator.url, staticToken(EMULATOR_TOKENS.gatewayApp)),
    emulatedEntra,
    graphiqlSignIn: createGraphiQLSignIn(tokenEndpoint),
    close: () => emulator.close(),
  };
}

/** Where the embedded emulator reaches this process: the bound address, or loopback. */
const loopbackHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

async function main(): Promise<void> {
  const config = loadConfig();
  const graph = await connectGraph(config);
  const live = createLiveRuntime({ graph: graph.service, settings: config.liveEvents, logger });
  const app = createApp({
    liveEvents: live.liveEvents,
    jobAnnouncer: live.jobAnnouncer,
    // Without a URL Graph has nowhere to deliver to; the embedded emulator delivers to our port.
    ...(config.liveEvents.notificationUrl || config.graph.kind === 'emulator'
      ? { webhook: live.webhook }
      : {}),
    graph: graph.service,
    logger,
    graphiql: !config.production,
    ...(graph.graphiqlSignIn && !config.production ? { graphiqlSignIn: graph.graphiqlSignIn } : {}),
    ...config.edge,
    authentication: authenticationFrom(config.callerAuth, graph.emulatedEntra),
  });
  if (config.callerAuth.allowAnonymous) {
    logger.warn(
      'Anonymous callers are allowed (GATEWAY_ALLOW_ANONYMOUS): a request without credentials ' +
        'gets Print.Release.All, reading and acting on ANY print job. Only safe when something ' +
        'in front of the gateway has already decided who may call (docs/authorization.md)',
    );
  }
  const readiness = new Readiness();
  const http = createHttpServer({ app, readiness, settings: config.http });
  http.server.listen(config.port, config.host, () => {
    const { port } = http.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    logger.info('Gateway listening', { graphql: `http://${host}:${port}${app.graphqlEndpoint}` });
    // After listening: Graph validates the notification URL when a subscription is created.
    live.start(
      config.liveEvents.notificationUrl ??
        (config.graph.kind === 'emulator'
          ? `http://${loopbackHost(config.host)}:${port}${NOTIFICATION_PATH}`
          : null),
    );
  });

  let shutdown: Promise<number> | undefined;
  const stop = (fields: Record<string, unknown>, failed: boolean) => {
    if (!shutdown) {
      logger.info('Shutting down', fields);
      shutdown = shutDown({
        http,
        upstream: graph.service.upstream,
        readiness,
        closeGraph: graph.close,
        stopBackground: live.stop,
        graceMs: config.shutdownGraceMs,
        logger,
      });
    }
    void shutdown.then((code) => process.exit(failed ? Math.max(code, 1) : code));
  };
  process.on('SIGINT', () => stop({ signal: 'SIGINT' }, false));
  process.on('SIGTERM', () => stop({ signal: 'SIGTERM' }, false));
  installProcessBackstop(logger, () => stop({ reason: 'uncaughtException' }, true));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    logger.error(error.message, { code: 'CONFIG_INVALID' });
  } else {
    logger.error('Failed to start', {
      error: error instanceof Error ? error.stack : String(error),
    });
  }
  process.exit(1);
});
