/**
 * GraphQL over WebSocket (graphql-ws, subprotocol `graphql-transport-ws`) on the GraphQL path,
 * for the clients and routers that subscribe that way (Apollo Router, Hive Gateway's `ws`
 * transport, browsers' graphql-ws clients). Wired as graphql-yoga documents it: graphql-ws's
 * `useServer` over the app's `getEnveloped`, so the app's envelop plugins (validation limits,
 * introspection, masking, spans, metrics) run for every operation. What yoga runs only for HTTP
 * requests is done here with the same code: who is calling (`authenticate`), the pre-parse
 * limits and trusted documents (`documentFor`). docs/subscriptions.md describes it for clients.
 *
 * - The caller is authenticated when the connection is initialised (`connection_init`), from
 *   `connectionParams.Authorization` or else the upgrade request's `Authorization` header;
 *   refused: closed 4403 with the failure's code as the reason, before anything subscribes.
 *   Each `subscribe` is authenticated again, as a fresh request: its own Graph session, and a
 *   credential that expired since is refused.
 * - Subscriptions only: a query or mutation is answered with an error, `SUBSCRIPTIONS_ONLY`
 *   (HTTP serves them, with their rate limits and idempotency).
 * - Closed 4403 `TOKEN_EXPIRED` when the connection's credential stops being accepted, and 1001
 *   `SHUTTING_DOWN` when the gateway drains.
 */

import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
} from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { WebSocket, WebSocketServer } from 'ws';
import { AuthFailure } from '../auth/auth-failure.js';
import { type Caller, callerKey } from '../auth/caller.js';
import type { WebSocketConnections } from './websocket-connections.js';

/** graphql-ws's own default, stated: a socket that never sends `connection_init` is closed 4408. */
export const WEBSOCKET_INIT_TIMEOUT_MS = 3_000;
/** graphql-ws's ping interval; a socket that does not answer a ping within it is terminated. */
export const WEBSOCKET_KEEPALIVE_MS = 12_000;

/** The close codes a client sees, and what each means (docs/subscriptions.md). */
export const WEBSOCKET_CLOSE = {
  /** The credential was refused at `connection_init`, or it expired (reason: the code). */
  refused: CloseCode.Forbidden,
  /** The gateway is draining: reconnect, to another replica. */
  shuttingDown: 1001,
  /** This caller, or the process, holds as many connections as allowed. */
  tooManyConnections: 1013,
} as const;

export const SUBSCRIPTIONS_ONLY = 'SUBSCRIPTIONS_ONLY';

/** setTimeout's longest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What an operation runs on: the app's GraphQL with its envelop plugins (yoga's getEnveloped). */
export interface EnvelopedOperation {
  schema: GraphQLSchema;
  parse(source: string): DocumentNode;
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  contextFactory(): unknown;
  execute(args: ExecutionArgs): unknown;
  subscribe(args: ExecutionArgs): unknown;
}

/** The app as WebSocket operations meet it; src/app.ts builds it beside the yoga app. */
export interface WebSocketOperations {
  /** The GraphQL path (`/graphql`): the only one that upgrades. */
  readonly endpoint: string;
  /** The HTTP plugin's decision for `request`; throws `AuthFailure`. */
  authenticate(request: Request): Promise<Caller>;
  /** When the credential `request` was authenticated with stops being accepted (epoch ms). */
  credentialExpiresAt(request: Request): number | null;
  /** Charges the caller's operation rate limit for one operation; throws its `GraphQLError`. */
  admit(caller: Caller): Promise<void>;
  /** The document to run, after the HTTP edge's checks before parsing; throws `GraphQLError`. */
  documentFor(params: SubscribePayload, caller: Caller): string;
  getEnveloped(initial: { request: Request; params: SubscribePayload }): EnvelopedOperation;
}

interface Connection {
  /** The `Authorization` value the connection was accepted with. */
  authorization: string | null;
  release: () => void;
  expiry: NodeJS.Timeout | undefined;
}

/**
 * The credential a connection presents: `connectionParams.Authorization` (browsers cannot set
 * headers on a WebSocket), else the upgrade request's header.
 */
function authorizationOf(upgrade: IncomingMessage, params: unknown): string | null {
  const fromParams =
    params && typeof params === 'object'
      ? ((params as Record<string, unknown>)['Authorization'] ??
        (params as Record<string, unknown>)['authorization'])
      : undefined;
  if (fromParams !== undefined && fromParams !== null) {
    if (typeof fromParams !== 'string') {
      throw new AuthFailure(
        'UNAUTHENTICATED',
        'connectionParams.Authorization must be a string: "Bearer <token or key>"',
      );
    }
    return fromParams;
  }
  return upgrade.headers.authorization ?? null;
}

/**
 * A fresh request as yoga's plugins see one: the upgrade's URL, and the credential; a POST, as
 * an operation sent over HTTP is (yoga refuses mutations in a GET before the check below could).
 */
function requestFor(upgrade: IncomingMessage, authorization: string | null): Request {
  const url = new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`);
  return new Request(url, {
    method: 'POST',
    headers: authorization === null ? {} : { authorization },
  });
}

export interface WebSocketSubscriptions {
  /** Connections open now, initialised or not. */
  readonly sockets: number;
  /** Closes every connection with `code` (shutdown: 1001); their subscriptions end. */
  closeAll(code: number, reason: string): void;
}

export function serveWebSocketSubscriptions(
  server: WebSocketServer,
  operations: WebSocketOperations,
  connections: WebSocketConnections,
  logger: Logger,
): WebSocketSubscriptions {
  const open = new Map<WebSocket, Connection>();

  /** A refusal goes to the client as it is; anything else is logged and masked. */
  const refusalOf = (error: unknown): GraphQLError => {
    if (error instanceof GraphQLError) return error;
    logger.error(
      { code: 'WEBSOCKET_OPERATION_FAILED', error: String(error) },
      'A WebSocket operation could not be prepared',
    );
    return new GraphQLError('Unexpected error.', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };

  const expireAt = (socket: WebSocket, connection: Connection, deadline: number) => {
    const left = deadline - Date.now();
    if (left <= 0) {
      socket.close(WEBSOCKET_CLOSE.refused, 'TOKEN_EXPIRED');
      return;
    }
    connection.expiry = setTimeout(
      () => expireAt(socket, connection, deadline),
      Math.min(left, MAX_TIMER_MS),
    );
    connection.expiry.unref();
  };

  const forget = (socket: WebSocket) => {
    const connection = open.get(socket);
    if (!connection) return;
    open.delete(socket);
    clearTimeout(connection.expiry);
    connection.release();
  };

  useServer(
    {
      connectionInitWaitTimeout: WEBSOCKET_INIT_TIMEOUT_MS,
      async onConnect({ extra, connectionParams }) {
        const { socket, request: upgrade } = extra;
        let authorization: string | null;
        let request: Request;
        let caller: Caller;
        try {
          authorization = authorizationOf(upgrade, connectionParams);
          request = requestFor(upgrade, authorization);
          caller = await operations.authenticate(request);
        } catch (error) {
          if (!(error instanceof AuthFailure)) throw error;
          // Closed here, not by returning false, so that the reason names the refusal.
          socket.close(WEBSOCKET_CLOSE.refused, error.code);
          return false;
        }
        const release = connections.tryOpen(callerKey(caller));
        if (!release) {
          socket.close(WEBSOCKET_CLOSE.tooManyConnections, 'TOO_MANY_CONNECTIONS');
          return false;
        }
        // Closed while its credential was checked: its close event has already passed.
        if (socket.readyState !== socket.OPEN) {
          release();
          return false;
        }
        const connection: Connection = { authorization, release, expiry: undefined };
        open.set(socket, connection);
        const deadline = operations.credentialExpiresAt(request);
        if (deadline !== null) expireAt(socket, connection, deadline);
        return true;
      },
      onClose({ extra }) {
        forget(extra.socket);
      },
      async onSubscribe({ extra }, _id, params) {
        const connection = open.get(extra.socket);
        if (!connection) return [new GraphQLError('The connection is closing')];
        try {
          const request = requestFor(extra.request, connection.authorization);
          const caller = await operations.authenticate(request);
          await operations.admit(caller);
          const query = operations.documentFor(params, caller);
          const enveloped = operations.getEnveloped({ request, params: { ...params, query } });
          const document = enveloped.parse(query);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          if (getOperationAST(document, params.operationName)?.operation !== 'subscription') {
            return [
              new GraphQLError(
                'Over WebSocket this gateway serves subscriptions only: send queries and ' +
                  'mutations with HTTP POST to the same path',
                { extensions: { code: SUBSCRIPTIONS_ONLY } },
              ),
            ];
          }
          return {
            schema: enveloped.schema,
            document,
            operationName: params.operationName ?? null,
            variableValues: params.variables ?? null,
            contextValue: await enveloped.contextFactory(),
            rootValue: enveloped,
          };
        } catch (error) {
          if (error instanceof AuthFailure) {
            return [new GraphQLError(error.description, { extensions: { code: error.code } })];
          }
          return [refusalOf(error)];
        }
      },
      execute: (args) =>
        (args.rootValue as EnvelopedOperation).execute(args) as ReturnType<
          NonNullable<Parameters<typeof useServer>[0]['execute']>
        >,
      subscribe: (args) =>
        (args.rootValue as EnvelopedOperation).subscribe(args) as ReturnType<
          NonNullable<Parameters<typeof useServer>[0]['subscribe']>
        >,
    },
    server,
    WEBSOCKET_KEEPALIVE_MS,
  );

  return {
    get sockets() {
      return server.clients.size;
    },
    closeAll(code, reason) {
      for (const socket of server.clients) socket.close(code, reason);
    },
  };
}
