/**
 * A real supergraph on loopback: the print subgraph (any fetch handler, normally the gateway
 * app), the users subgraph, composed from `schema.graphql` by @theguild/federation-composition,
 * and served by Hive Gateway's runtime. Every hop is real HTTP on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
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

export interface SupergraphOptions {
  /**
   * The print subgraph: anything node:http can serve, answering on /graphql, or the origin of
   * one that already listens.
   */
  print: RequestListener | string;
  users: readonly UserRecord[];
  /** Port of the router; ephemeral by default. */
  port?: number;
}

export interface RunningSupergraph {
  /** The router's GraphQL endpoint. */
  readonly url: string;
  readonly subgraphUrls: { print: string; users: string };
  readonly supergraphSdl: string;
  query(
    source: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: RouterError[] }>;
  close(): Promise<void>;
}

export interface RouterError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
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
  const supergraphSdl = composeSupergraph([
    { name: 'print', typeDefs: PRINT_SDL, url: subgraphUrls.print },
    { name: 'users', typeDefs: USERS_SDL, url: subgraphUrls.users },
  ]);
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
  const router = await listen(gateway as unknown as RequestListener, options.port);
  const url = `${router.url}/graphql`;

  return {
    url,
    subgraphUrls,
    supergraphSdl,
    async query(source, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: source, variables }),
      });
      return (await response.json()) as Awaited<ReturnType<RunningSupergraph['query']>>;
    },
    async close() {
      await router.close();
      await gateway.dispose();
      await Promise.all([print.close(), users.close()]);
    },
  };
}
