/**
 * The production entry: what the image runs, bundled as dist/main.js. The gateway on Microsoft
 * Graph with the configured credentials, and nothing of development in it: no emulator, no
 * token minting, no GraphiQL (dev/start.ts, `npm start`, adds those).
 */
import { ConfigError } from './config.js';
import { connectMicrosoftGraph, runGateway } from './run-gateway.js';

runGateway({
  async connectGraph(config, logger) {
    if (config.graph.kind !== 'graph') {
      throw new ConfigError(
        'No Microsoft Graph credentials configured (AZURE_TENANT_ID and AZURE_CLIENT_ID with ' +
          'AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or GRAPH_ACCESS_TOKEN): this ' +
          'entry has no embedded emulator; `npm start` runs the gateway on one for development',
      );
    }
    return connectMicrosoftGraph(config.graph, config, logger);
  },
});
