/**
 * Gateway replicas for the benchmark: real processes (`dist/main.js`, the bundle that ships, as
 * `npm run bench` sets GATEWAY_TEST_ENTRY), each on a free loopback
 * port, configured against one emulator and, when given, one Redis, as docs/replicas.md runs
 * them. Nothing of the gateway's own limits interferes: rate limits and the in-progress cap are
 * off, and only the replica asked to manages Graph subscriptions.
 */
import { EMULATOR_TOKENS, ENTRA, GATEWAY_API } from '@universal-print-gateway/emulator';
import { freePort } from '../test/helpers/free-port.js';
import { type GatewayProcess, startGatewayProcess } from '../test/helpers/gateway-process.js';

const CONNECTED = 'Redis connected: state is shared with the other replicas';
export const BENCH_CLIENT_STATE = 'bench-client-state-0123456789';

export interface BenchReplica {
  process: GatewayProcess;
  /** The GraphQL endpoint. */
  url: string;
  origin: string;
}

export async function startReplica(options: {
  emulatorUrl: string;
  redisUrl?: string;
  keyPrefix?: string;
  /** This replica receives Graph's notifications and manages the Graph subscriptions. */
  notifications?: boolean;
  env?: Record<string, string>;
}): Promise<BenchReplica> {
  const port = await freePort();
  const notificationUrl = `http://127.0.0.1:${port}/graph/notifications`;
  const process = startGatewayProcess({
    PORT: String(port),
    GRAPH_BASE_URL: options.emulatorUrl,
    GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
    AZURE_AUTHORITY_HOST: options.emulatorUrl,
    GATEWAY_AUTH_TENANT_IDS: ENTRA.tenantId,
    GATEWAY_AUTH_AUDIENCE: GATEWAY_API.clientId,
    GATEWAY_ALLOW_ANONYMOUS: 'true',
    GATEWAY_RATE_LIMIT_PERSON: 'off',
    GATEWAY_RATE_LIMIT_KEY: 'off',
    GATEWAY_RATE_LIMIT_APP: 'off',
    GATEWAY_GRAPH_CALL_LIMIT_PERSON: 'off',
    GATEWAY_GRAPH_CALL_LIMIT_KEY: 'off',
    GATEWAY_GRAPH_CALL_LIMIT_APP: 'off',
    GATEWAY_MAX_IN_PROGRESS_PER_CALLER: 'off',
    GATEWAY_RECONCILE_INTERVAL_MS: '0',
    ...(options.notifications
      ? {
          GATEWAY_NOTIFICATION_URL: notificationUrl,
          GATEWAY_NOTIFICATION_CLIENT_STATE: BENCH_CLIENT_STATE,
          GATEWAY_SUBSCRIPTION_CHECK_MS: '1000',
        }
      : { GATEWAY_GRAPH_SUBSCRIPTIONS: 'false' }),
    ...(options.redisUrl
      ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.keyPrefix ?? 'bench:' }
      : {}),
    ...options.env,
  });
  const url = await process.listening;
  if (options.redisUrl) await process.logged(CONNECTED);
  return { process, url, origin: new URL(url).origin };
}
