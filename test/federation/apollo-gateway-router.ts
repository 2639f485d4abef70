/**
 * Apollo Gateway (`@apollo/gateway` 2.x) as a router in front of the subgraphs, configured as a
 * real deployment configures it: a static supergraph, and a data source that copies the
 * client's `Authorization` header onto every subgraph request (`willSendRequest`).
 *
 * The client's side runs in process, through the gateway's `executor` with a request context,
 * as Apollo Server would call it after parsing and validating; the router's side is real HTTP
 * to each subgraph, on loopback.
 */
import { createHash } from 'node:crypto';
import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { getOperationAST, parse, validate } from 'graphql';
import type { Router, RouterAnswer } from './router.js';

/** What a server in front of the gateway hands to its executor: the caller's credential. */
interface CallerContext {
  authorization: string | null;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<CallerContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<CallerContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
/** The gateway's executor never reads the request's cache; a server would pass its own. */
const noCache = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => true,
};

/**
 * Loads the supergraph into Apollo Gateway; rejects as the gateway does when it refuses the
 * supergraph (for example one that links `@requiresScopes`).
 */
export async function startApolloGateway(supergraphSdl: string): Promise<Router> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: quiet,
    // Every subgraph in a supergraph has a routing URL; composition fails without one.
    buildService: ({ url }) => new ForwardingDataSource({ url: url ?? '' }),
  });
  const { schema, executor } = await gateway.load();
  const schemaHash = createHash('sha256').update(supergraphSdl).digest('hex');

  return {
    async query(source, variables = {}, headers = {}) {
      const document = parse(source);
      const errors = validate(schema, document);
      if (errors.length > 0) return JSON.parse(JSON.stringify({ errors })) as RouterAnswer;
      const operation = getOperationAST(document);
      if (!operation) throw new Error('The test sent a document without one operation');
      const result = await executor({
        request: {
          query: source,
          variables,
          http: { method: 'POST', url: '/graphql', headers: new Headers(headers) },
        },
        document,
        operation,
        operationName: null,
        source,
        queryHash: createHash('sha256').update(source).digest('hex'),
        schema,
        // A branded string in the gateway's types.
        schemaHash: schemaHash as never,
        context: { authorization: headers['authorization'] ?? null },
        cache: noCache,
        logger: quiet,
        metrics: {},
        overallCachePolicy: {},
      });
      // As a server writes it: GraphQLErrors become their JSON form.
      return JSON.parse(JSON.stringify(result)) as RouterAnswer;
    },
    close: () => gateway.stop(),
  };
}
