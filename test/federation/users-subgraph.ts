/**
 * A second subgraph, as another team would write it: users who point at print jobs by key. It
 * brings its own copy of the shared error vocabulary (`Error`, `UpstreamError`, a `@shareable`
 * `NotFoundError` identical to the print subgraph's) plus an error type only it knows, so
 * composing it with the print subgraph proves the errors compose (docs/federation.md).
 * Built with @apollo/subgraph and served by graphql-yoga: nothing of the print subgraph's code.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

export const USERS_SDL = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])

  type Query {
    user(id: ID!): UserResult!
    users: [User!]!
  }

  type User @key(fields: "id") {
    id: ID!
    name: String!
    "The user's most recent print job; the print subgraph resolves it."
    lastPrintJob: PrintJob
  }

  "A reference to the print subgraph's entity: only its key lives here."
  type PrintJob @key(fields: "printerId id", resolvable: false) {
    printerId: ID!
    id: ID!
  }

  union UserResult = User | NotFoundError | UserSuspendedError

  "This subgraph's own definition of the shared interface."
  interface Error {
    message: String!
    code: String!
  }

  interface UpstreamError implements Error {
    message: String!
    code: String!
    requestId: String
  }

  "Shared with the print subgraph, field for field."
  type NotFoundError implements Error & UpstreamError @shareable {
    message: String!
    code: String!
    requestId: String
  }

  "Only this subgraph has it; it still answers ... on Error."
  type UserSuspendedError implements Error {
    message: String!
    code: String!
    suspendedUntil: String!
  }
`;

export interface UserRecord {
  id: string;
  name: string;
  lastPrintJob?: { printerId: string; id: string } | null;
  suspendedUntil?: string;
}

type UserResult =
  | (UserRecord & { __typename: 'User' })
  | { __typename: 'NotFoundError'; message: string; code: 'NOT_FOUND'; requestId: null }
  | {
      __typename: 'UserSuspendedError';
      message: string;
      code: 'SUSPENDED';
      suspendedUntil: string;
    };

export function createUsersSubgraph(users: readonly UserRecord[]) {
  const byId = new Map(users.map((user) => [user.id, user]));
  const schema = buildSubgraphSchema({
    typeDefs: parse(USERS_SDL),
    resolvers: {
      Query: {
        users: () => users.filter((user) => !user.suspendedUntil),
        user: (_root: unknown, { id }: { id: string }): UserResult => {
          const user = byId.get(id);
          if (!user) {
            return {
              __typename: 'NotFoundError',
              message: `No user ${id}`,
              code: 'NOT_FOUND',
              requestId: null,
            };
          }
          if (user.suspendedUntil) {
            return {
              __typename: 'UserSuspendedError',
              message: `User ${id} is suspended`,
              code: 'SUSPENDED',
              suspendedUntil: user.suspendedUntil,
            };
          }
          return { ...user, __typename: 'User' };
        },
      },
      User: {
        __resolveReference: (reference: { id: string }) => byId.get(reference.id) ?? null,
        lastPrintJob: (user: UserRecord) => user.lastPrintJob ?? null,
      },
    },
  });
  return createYoga({ schema, logging: false, landingPage: false, graphiql: false });
}
