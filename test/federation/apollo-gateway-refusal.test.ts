/**
 * Why `schema.no-auth-directives.graphql` exists (docs/federation.md, "Which SDL for which
 * router"): composition accepts `schema.graphql`, but Apollo Gateway refuses to load the
 * supergraph it makes, because the supergraph links `@requiresScopes` for SECURITY and the
 * gateway does not implement it. The twin's supergraph loads, and serves no subscriptions:
 * live events need another router (docs/federation.md, "Routers and clients").
 */
import { describe, expect, it } from 'vitest';
import { startApolloGateway } from './apollo-gateway-router.js';
import { composeSupergraph, PRINT_SDL, PRINT_SDL_WITHOUT_AUTH_DIRECTIVES } from './supergraph.js';
import { USERS_SDL } from './users-subgraph.js';

/** Loading a static supergraph sends nothing to the subgraphs: these addresses are never used. */
const supergraphWith = (printSdl: string) =>
  composeSupergraph([
    { name: 'print', typeDefs: printSdl, url: 'http://127.0.0.1:9/graphql' },
    { name: 'users', typeDefs: USERS_SDL, url: 'http://127.0.0.1:9/graphql' },
  ]);

describe('Apollo Gateway and the two SDLs', () => {
  it('refuses the supergraph composed from schema.graphql: requiresScopes is unsupported', async () => {
    await expect(startApolloGateway(supergraphWith(PRINT_SDL))).rejects.toThrow(
      'feature https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported',
    );
  });

  it('loads the supergraph composed from schema.no-auth-directives.graphql, without subscriptions', async () => {
    const router = await startApolloGateway(supergraphWith(PRINT_SDL_WITHOUT_AUTH_DIRECTIVES));
    try {
      await expect(
        router.query('subscription { myPrintJobEvents { kind printJobId } }'),
      ).rejects.toThrow('Execution of subscriptions not supported by gateway');
    } finally {
      await router.close();
    }
  });
});
