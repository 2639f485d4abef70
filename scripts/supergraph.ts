/**
 * `npm run supergraph`: a local supergraph in one command. This subgraph on the Universal Print
 * emulator, the users subgraph from test/federation, composed from schema.graphql and served by
 * Hive Gateway, all on loopback. Ctrl-C stops everything. See docs/federation.md.
 */

import {
  DEMO,
  EMULATOR_TOKENS,
  emulatedEntraSettings,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { createEntraTokenValidator } from '../packages/gateway/src/auth/entra-token.js';
import { createLogger } from '../packages/gateway/src/logging/logger.js';
import { startSupergraph } from '../test/federation/supergraph.js';
import { createTestGateway } from '../test/helpers/test-gateway.js';

/** @default 4100, next to `npm start`'s 4000 so both can run at once. */
const port = Number(process.env['SUPERGRAPH_PORT'] ?? 4100);

const emulator = await startEmulator({ printDurationMs: 5_000 });
const { app } = createTestGateway({
  baseUrl: emulator.url,
  token: EMULATOR_TOKENS.gatewayApp,
  logger: createLogger(),
  // Callers authenticate with the emulator's Entra tokens, forwarded by the router.
  app: {
    authentication: {
      entra: createEntraTokenValidator(emulatedEntraSettings(emulator.url)),
      allowAnonymous: false,
    },
  },
});
const entra = emulatedEntraSettings(emulator.url);
const supergraph = await startSupergraph({
  print: app as unknown as Parameters<typeof startSupergraph>[0]['print'],
  port,
  users: [
    {
      id: DEMO.users.adele.id,
      name: DEMO.users.adele.displayName,
      lastPrintJob: { printerId: DEMO.printers.floor1, id: DEMO.jobs.floor1WaitingAdele },
    },
    {
      id: DEMO.users.megan.id,
      name: DEMO.users.megan.displayName,
      lastPrintJob: { printerId: DEMO.printers.floor2, id: DEMO.jobs.floor2WaitingMegan },
    },
  ],
});

console.log(`Supergraph (Hive Gateway):  ${supergraph.url}
  print subgraph:            ${supergraph.subgraphUrls.print}  (Graph: emulator at ${emulator.url})
  users subgraph:            ${supergraph.subgraphUrls.users}

The router forwards your Authorization header; get a token as the README's "Tokens for curl"
shows, with the token endpoint ${emulator.url}/${entra.tenantIds[0]}/oauth2/v2.0/token, then:
  curl -s ${supergraph.url} -H 'content-type: application/json' -H "authorization: Bearer $ADELE" \\
    -d '{"query":"{ users { name lastPrintJob { id status { state } printer { displayName } } } }"}'
Adele sees her job and null for Megan's; the station token sees both.

Ctrl-C stops everything.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await supergraph.close();
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
