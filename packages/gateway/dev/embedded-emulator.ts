/**
 * The Universal Print emulator in this process, for `npm start` without Graph credentials: the
 * gateway calls it with the gateway app's seeded token, callers get theirs from its Entra, and
 * GraphiQL signs in through that Entra as a demo identity. A person's printing calls go out with
 * that person's Graph token, exchanged (on-behalf-of) at the same Entra over HTTPS, the only
 * scheme MSAL accepts for an authority, trusting the emulator's development loopback certificate.
 */
import {
  EMULATOR_TOKENS,
  ENTRA,
  emulatedEntraSettings,
  startEmulator,
} from '@universal-print-gateway/emulator';
import {
  type OnBehalfOfExchange,
  onBehalfOfExchange,
  PersonTokenCache,
  staticTokenSource,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { Config } from '../src/config.js';
import { type GraphConnection, graphService } from '../src/run-gateway.js';
import {
  createGraphiQLSignIn,
  DEFAULT_DEMO_IDENTITY,
  DEMO_IDENTITIES,
  type GraphiQLSignIn,
} from './graphiql-sign-in.js';

/** How long an emulated job takes to print once released: long enough to watch it happen. */
const PRINT_DURATION_MS = 5_000;

export async function startEmbeddedEmulator(
  config: Config,
  port: number,
  logger: Logger,
): Promise<{ connection: GraphConnection; graphiqlSignIn: GraphiQLSignIn }> {
  const emulator = await startEmulator({
    port,
    printDurationMs: PRINT_DURATION_MS,
    entraTls: {},
  });
  const entraOverTls = emulator.entraOverTls;
  if (!entraOverTls) throw new Error('The emulator started without its Entra over TLS');
  const emulatedEntra = emulatedEntraSettings(emulator.url);
  const tokenEndpoint = `${emulator.url}/${emulatedEntra.tenantIds[0]}/oauth2/v2.0/token`;
  // The gateway's own app registration at the emulator's Entra: AZURE_* for this process.
  // Made at the first person's call: @azure/identity loads then, not in every start-up.
  let exchange: Promise<OnBehalfOfExchange> | undefined;
  const personTokens = new PersonTokenCache(async (assertion) => {
    exchange ??= onBehalfOfExchange({
      credentials: {
        kind: 'client-secret',
        tenantId: ENTRA.tenantId,
        clientId: ENTRA.apps.gateway.appId,
        clientSecret: ENTRA.apps.gateway.secret,
      },
      authorityHost: entraOverTls.url,
      scopes: config.graphDelegation.scopes,
      trustedCa: entraOverTls.ca,
    });
    return (await exchange)(assertion);
  }, config.graphDelegation.cacheMaxEntries);
  logger.info(
    {
      emulator: emulator.url,
      onBehalfOf: `AZURE_AUTHORITY_HOST=${entraOverTls.url} (the emulator's Entra over TLS)`,
      submitJob: `POST ${emulator.url}/_emulator/jobs`,
      tokens: `POST ${tokenEndpoint}`,
      tokensForCurl: 'README.md#tokens-for-curl',
      graphiql: `signed in as ${DEFAULT_DEMO_IDENTITY}; pick with /graphql?as=${DEMO_IDENTITIES.join('|')}`,
    },
    'No Graph credentials configured: started the Universal Print emulator',
  );
  const token = staticTokenSource(EMULATOR_TOKENS.gatewayApp);
  return {
    connection: {
      service: graphService(config, emulator.url, token.auth, logger, personTokens),
      obtainToken: token.obtain,
      notifiesThisProcess: true,
      emulatedEntra,
      close: () => emulator.close(),
    },
    graphiqlSignIn: createGraphiQLSignIn(tokenEndpoint),
  };
}
