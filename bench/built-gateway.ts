/**
 * The gateway as it ships (`node dist/main.js`, NODE_ENV=production) for the benchmark, on a
 * given Graph and the emulator's Entra. Its per-caller limits are raised out of a closed loop's
 * way (not off: the buckets still run), its metrics listener is on and its logs are written (to
 * /dev/null); Graph subscriptions and reconciliation are off, so that no background Graph
 * traffic mixes in. With `tracing`, every request is sampled and exported over OTLP.
 *
 * Ownership is not remembered (OWNERSHIP_MEMORY_ENTRIES=0): the closed loop releases one task
 * over and over, so a remembered owner would leave scenario 10's "release as a person, with the
 * ownership read" without its reads. `PROFILE_ENV=OWNERSHIP_MEMORY_ENTRIES=10000` measures a
 * release after the release screen (bench/profile.ts).
 */
import { EMULATOR_TOKENS, ENTRA, GATEWAY_API } from '@universal-print-gateway/emulator';
import { type ServerProcess, startServerProcess } from './server-process.js';

export interface BuiltGatewayOptions {
  name: string;
  /** GRAPH_BASE_URL. */
  graphUrl: string;
  /** The emulator, for its Entra (person tokens are validated against its keys). */
  emulatorUrl: string;
  serviceKey: string;
  /** An OTLP/HTTP endpoint to export every span to; none leaves tracing off. */
  otlpEndpoint?: string;
  /** Callers in progress at once that the in-progress cap must admit. */
  concurrency: number;
  /**
   * The gateway acts for people (on-behalf-of): its app registration (the emulator's gateway
   * app) instead of a fixed Graph token, at an emulator serving HTTPS (MSAL takes only an https
   * authority) whose certificate this CA file vouches for (bench/tls-emulator.ts).
   */
  actsForPeople?: { trustedCaFile: string };
}

/** What bench/profile.ts varies: another build, node's own flags, settings added on top. */
export interface BuiltGatewayVariant {
  /** @default 'dist/main.js' */
  entry?: string;
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
  env?: Record<string, string>;
}

export function builtGatewayEnv(
  options: Omit<BuiltGatewayOptions, 'name'>,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    GRAPH_BASE_URL: options.graphUrl,
    ...(options.actsForPeople
      ? {
          AZURE_TENANT_ID: ENTRA.tenantId,
          AZURE_CLIENT_ID: ENTRA.apps.gateway.appId,
          AZURE_CLIENT_SECRET: ENTRA.apps.gateway.secret,
          NODE_EXTRA_CA_CERTS: options.actsForPeople.trustedCaFile,
        }
      : { GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp }),
    GATEWAY_API_KEYS: `bench:Print.Release.All:${options.serviceKey}`,
    AZURE_AUTHORITY_HOST: options.emulatorUrl,
    GATEWAY_AUTH_TENANT_IDS: ENTRA.tenantId,
    GATEWAY_AUTH_AUDIENCE: GATEWAY_API.clientId,
    GATEWAY_RATE_LIMIT_KEY: '100000/100000',
    GATEWAY_RATE_LIMIT_PERSON: '100000/100000',
    GATEWAY_GRAPH_CALL_LIMIT_KEY: '100000/100000',
    GATEWAY_GRAPH_CALL_LIMIT_PERSON: '100000/100000',
    GATEWAY_MAX_IN_PROGRESS_PER_CALLER: String(4 * options.concurrency),
    GATEWAY_GRAPH_SUBSCRIPTIONS: 'false',
    GATEWAY_RECONCILE_INTERVAL_MS: '0',
    OWNERSHIP_MEMORY_ENTRIES: '0',
    ...(options.otlpEndpoint
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint, OTEL_SERVICE_NAME: 'bench' }
      : {}),
  };
}

/** Started and ready (`/ready` answers 200: it holds a Graph token). */
export function startBuiltGateway(
  options: BuiltGatewayOptions,
  variant: BuiltGatewayVariant = {},
): Promise<ServerProcess> {
  return startServerProcess({
    name: options.name,
    args: [...(variant.nodeArgs ?? []), variant.entry ?? 'dist/main.js'],
    env: { ...builtGatewayEnv(options), ...variant.env },
    path: '/graphql',
    ready: async (url) => (await fetch(url.replace(/\/graphql$/, '/ready'))).ok,
  });
}
