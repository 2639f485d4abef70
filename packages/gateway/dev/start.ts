/**
 * `npm start`: the gateway for development. Without Graph credentials it starts the embedded
 * Universal Print emulator and runs on it, GraphiQL signed in as a demo identity; with them, it
 * is the production gateway plus GraphiQL (outside NODE_ENV=production). Never in the image:
 * dev/ is not bundled, and the emulator is a dev dependency.
 */
import { connectMicrosoftGraph, runGateway } from '../src/run-gateway.js';
import { startEmbeddedEmulator } from './embedded-emulator.js';
import { developmentGraphiQL } from './graphiql.js';
import type { GraphiQLSignIn } from './graphiql-sign-in.js';

/** Set on the embedded emulator, whose Entra mints the demo identities' tokens. */
let signIn: GraphiQLSignIn | undefined;

runGateway({
  async connectGraph(config, logger) {
    if (config.graph.kind === 'graph') return connectMicrosoftGraph(config.graph, config, logger);
    const embedded = await startEmbeddedEmulator(config, config.graph.emulatorPort, logger);
    signIn = embedded.graphiqlSignIn;
    return embedded.connection;
  },
  graphiql: () => developmentGraphiQL(signIn),
});
