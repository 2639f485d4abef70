/**
 * A real supergraph on loopback: the print subgraph (any fetch handler, normally the gateway
 * app), the users subgraph, composed by @theguild/federation-composition, and served by one of
 * two routers: Hive Gateway's runtime (from `schema.graphql`) or Apollo Gateway (from the twin
 * without the authorization directives, which it refuses). Every hop to a subgraph is real HTTP
 * on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { startApolloGateway } from './apollo-gateway-router.js';
import type { Router, RouterAnswer } from './router.js';
import { createUsersSubgraph, USERS_SDL, type UserRecord } from './users-subgraph.js';

/** The print subgraph's SDL as a registry would receive it: the committed file, nothing else. */
export const PRINT_SDL = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
/** Its twin without `@authenticated` / `@requiresScopes`, for routers that refuse them. */
export const PRINT_SDL_WITHOUT_AUTH_DIRECTIVES = readFileSync(
  new URL('../../schema.no-auth-directives.graphql', import.meta.url),
  'utf8',
);

export interface SubgraphSource {
  name: string;
  typeDefs: string;
  url: string;
}

/** Composes subgraphs into a supergraph SDL, or throws with every composition error. */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): string {
  const result = composeServices(
    subgraphs.map(({ name, typeDefs, url }) => ({ name, typeDefs: parse(typeDefs), url })),
  );
  if (compositionHasErrors(result)) {
    throw new Error(
      `Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: RequestListener, port = 0): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The routers the suite runs the supergraph behind. */
export const ROUTERS = ['Hive Gateway', 'Apollo Gateway'] as const;
export type RouterName = (typeof ROUTERS)[number];

/** The SDL each router is given (docs/federation.md, "Which SDL for which router"). */
export const PRINT_SDL_FOR: Record<RouterName, string> = {
  'Hive Gateway': PRINT_SDL,
  'Apollo Gateway': PRINT_SDL_WITHOUT_AUTH_DIRECTIVES,
};

export interface SupergraphOptions {
  /**
   * The print subgraph: anything node:http can serve, answering on /graphql, or the origin of
   * one that already listens.
   */
  print: RequestListener | string;
  users: readonly UserRecord[];
  /** Hive Gateway unless named. */
  router?: RouterName;
  /** Port of the router when it listens (Hive Gateway); ephemeral by default. */
  port?: number;
}

export interface RunningSupergraph extends Router {
  readonly router: RouterName;
  /**
   * The router's GraphQL endpoint; null for Apollo Gateway, which the tests call in process
   * through its executor.
   */
  readonly url: string | null;
  readonly subgraphUrls: { print: string; users: string };
  readonly supergraphSdl: string;
}

export async function startSupergraph(options: SupergraphOptions): Promise<RunningSupergraph> {
  // Yoga and the gateway runtime are node:http listeners at run time; their types are the
  // broader whatwg-node server adapter, hence the casts below.
  const print =
    typeof options.print === 'string'
      ? { url: options.print, close: async () => {} }
      : await listen(options.print);
  const users = await listen(createUsersSubgraph(options.users) as unknown as RequestListener);
  const subgraphUrls = { print: `${print.url}/graphql`, users: `${users.url}/graphql` };
  const router = options.router ?? 'Hive Gateway';
  const supergraphSdl = composeSupergraph([
    { name: 'print', typeDefs: PRINT_SDL_FOR[router], url: subgraphUrls.print },
    { name: 'users', typeDefs: USERS_SDL, url: subgraphUrls.users },
  ]);
  const closeSubgraphs = () => Promise.all([print.close(), users.close()]).then(() => {});
  if (router === 'Apollo Gateway') {
    const apollo = await startApolloGateway(supergraphSdl);
    return {
      router,
      url: null,
      subgraphUrls,
      supergraphSdl,
      query: apollo.query,
      async close() {
        await apollo.close();
        await closeSubgraphs();
      },
    };
  }
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    // As a router in front of this subgraph is configured (docs/federation.md): the caller's
    // credential travels with every subgraph request, and the subgraph decides.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
      }),
    },
  });
  const hive = await listen(gateway as unknown as RequestListener, options.port);
  const url = `${hive.url}/graphql`;

  return {
    router,
    url,
    subgraphUrls,
    supergraphSdl,
    async query(source, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: source, variables }),
      });
      return (await response.json()) as RouterAnswer;
    },
    async close() {
      await hive.close();
      await gateway.dispose();
      await closeSubgraphs();
    },
  };
}
